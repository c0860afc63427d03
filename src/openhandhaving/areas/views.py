"""Views of the areas app."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from openhandhaving.areas.models import District


@login_required
@permission_required("areas.view_district", raise_exception=True)
def district_list(request):
    return render(request, "areas/district_list.html", {"districts": District.objects.all()})
