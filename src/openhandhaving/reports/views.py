"""Views of the reports app."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render


@login_required
@permission_required("reports.view_report", raise_exception=True)
def queue(request):
    return render(request, "reports/queue.html", {})
