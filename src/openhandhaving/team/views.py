"""Views of the team app."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from openhandhaving.team.models import Officer


@login_required
@permission_required("team.view_shift", raise_exception=True)
def roster_week(request):
    return render(request, "team/roster_week.html", {})


@login_required
@permission_required("team.view_officer", raise_exception=True)
def officer_list(request):
    return render(request, "team/officer_list.html", {"officers": Officer.objects.all()})
