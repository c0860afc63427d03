"""Staff notices: the list, opening one, and the page "Notificaties en e-mail" with the choices."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openhandhaving.reports.forms_messages import NotificationPreferenceForm
from openhandhaving.reports.models import Notification
from openhandhaving.reports.selectors_messages import notifications_for
from openhandhaving.reports.services.notifications import (
    notification_mark_read,
    notification_preference_save,
    preferences_of,
)
from openhandhaving.reports.views_messages import report_url


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(notifications_for(user=request.user), 30).get_page(request.GET.get("pagina"))
    return render(request, "reports/messages/notifications.html", {"page": page})


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Go to the report of a notice; the notice counts as read from then on."""
    notice = get_object_or_404(Notification, pk=pk, user=request.user)
    notification_mark_read(user=request.user, ids=[notice.pk])
    return redirect(report_url(notice.report))


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notification_mark_read(user=request.user)
    if count:
        messages.success(request, _("Alle notificaties zijn gelezen."))
    return redirect("reports:notification_list")


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    pref = preferences_of([request.user])[request.user.pk]
    form = NotificationPreferenceForm(
        request.POST if request.method == "POST" else None, instance=pref
    )
    if request.method == "POST" and form.is_valid():
        notification_preference_save(
            user=request.user, **{name: form.cleaned_data[name] for name in form.Meta.fields}
        )
        messages.success(request, _("Uw keuzes zijn opgeslagen."))
        return redirect("reports:notification_settings")
    return render(
        request,
        "reports/messages/notification_settings.html",
        {"form": form, "has_email": bool(request.user.email)},
    )
