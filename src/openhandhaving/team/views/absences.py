"""Absence screens: record illness, leave or training, and see who now covers the wijk."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.core.services import origin_of
from openhandhaving.team import services
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.forms import AbsenceForm, MomentForm, rule_error_to_form
from openhandhaving.team.models import Absence
from openhandhaving.team.selectors import absence_cover, absence_list, local_tz
from openhandhaving.team.services.absences import absence_label
from openhandhaving.team.views.common import confirm_page, form_page


@login_required
@permission_required("team.view_absence", raise_exception=True)
def absence_list_view(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    absences = list(absence_list(since=now - dt.timedelta(days=30)))
    return render(
        request,
        "team/absence_list.html",
        {
            "current": [a for a in absences if a.start <= now and (a.end is None or a.end > now)],
            "planned": sorted((a for a in absences if a.start > now), key=lambda a: a.start),
            "past": [a for a in absences if a.end is not None and a.end <= now],
            "can_add": request.user.has_perm("team.add_absence"),
            "can_change": request.user.has_perm("team.change_absence"),
        },
    )


@login_required
@permission_required("team.add_absence", raise_exception=True)
def absence_create(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    initial = {"start_date": today, "kind": "illness"}
    if officer_id := request.GET.get("handhaver", ""):
        initial["officer"] = officer_id if officer_id.isdigit() else None
    form = AbsenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            absence = services.absence_create(
                actor=request.user,
                officer=data["officer"],
                kind=data["kind"],
                start=data["start"],
                end=data["end"],
                note=data["note"],
                origin=origin_of(request),
            )
        except TeamRuleError as error:
            rule_error_to_form(form, error)
        else:
            messages.success(request, _("De afwezigheid is vastgelegd."))
            return redirect("team:absence_detail", pk=absence.pk)
    return form_page(
        request,
        form,
        title=_("Afwezigheid vastleggen"),
        intro=_(
            "Ziek, verlof of opleiding. Nieuwe meldingen gaan dan naar de collega die in dienst is."
        ),
        submit=_("Vastleggen"),
        cancel=reverse("team:absence_list"),
    )


@login_required
@permission_required("team.view_absence", raise_exception=True)
def absence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    absence = get_object_or_404(Absence.objects.select_related("officer"), pk=pk)
    now = timezone.now()
    end_form = None
    if request.user.has_perm("team.change_absence") and (absence.end is None or absence.end > now):
        local_now = timezone.localtime(now, local_tz())
        end_form = MomentForm(
            initial={
                "date": local_now.date(),
                "time": local_now.time().replace(second=0, microsecond=0),
            },
            prefix="einde",
        )
    return render(
        request,
        "team/absence_detail.html",
        {
            "absence": absence,
            "cover": absence_cover(absence=absence, now=now),
            "running": absence.start <= now and (absence.end is None or absence.end > now),
            "end_form": end_form,
            "can_change": request.user.has_perm("team.change_absence"),
            "can_delete": request.user.has_perm("team.delete_absence"),
        },
    )


@login_required
@permission_required("team.change_absence", raise_exception=True)
def absence_update(request: HttpRequest, pk: int) -> HttpResponse:
    absence = get_object_or_404(Absence.objects.select_related("officer"), pk=pk)
    form = AbsenceForm(request.POST or None, absence=absence)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.absence_update(
                actor=request.user,
                absence=absence,
                kind=data["kind"],
                start=data["start"],
                end=data["end"],
                note=data["note"],
                origin=origin_of(request),
            )
        except TeamRuleError as error:
            absence.refresh_from_db()
            rule_error_to_form(form, error)
        else:
            messages.success(request, _("De afwezigheid is gewijzigd."))
            return redirect("team:absence_detail", pk=absence.pk)
    delete = (
        reverse("team:absence_delete", args=[absence.pk])
        if request.user.has_perm("team.delete_absence")
        else ""
    )
    return form_page(
        request,
        form,
        title=_("Afwezigheid van %(name)s wijzigen") % {"name": absence.officer},
        submit=_("Wijzigingen opslaan"),
        cancel=reverse("team:absence_detail", args=[absence.pk]),
        delete=delete,
    )


@login_required
@permission_required("team.change_absence", raise_exception=True)
def absence_end(request: HttpRequest, pk: int) -> HttpResponse:
    """'Weer aan het werk': the absence ends at the given moment (default now)."""
    absence = get_object_or_404(Absence.objects.select_related("officer"), pk=pk)
    form = MomentForm(request.POST or None, prefix="einde")
    if request.method == "POST" and form.is_valid():
        try:
            services.absence_end(
                actor=request.user, absence=absence, end=form.moment(), origin=origin_of(request)
            )
        except TeamRuleError as error:
            absence.refresh_from_db()
            form.add_error("date", error.message)
        else:
            messages.success(
                request, _("%(name)s is weer aan het werk.") % {"name": absence.officer}
            )
            return redirect("team:absence_detail", pk=absence.pk)
    return form_page(
        request,
        form,
        title=_("%(name)s weer aan het werk") % {"name": absence.officer},
        submit=_("Opslaan"),
        cancel=reverse("team:absence_detail", args=[absence.pk]),
    )


@login_required
@permission_required("team.delete_absence", raise_exception=True)
def absence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    absence = get_object_or_404(Absence.objects.select_related("officer"), pk=pk)
    if request.method == "POST":
        services.absence_delete(actor=request.user, absence=absence, origin=origin_of(request))
        messages.success(request, _("De afwezigheid is verwijderd."))
        return redirect("team:absence_list")
    return confirm_page(
        request,
        title=_("Afwezigheid verwijderen"),
        question=_("Wilt u deze afwezigheid van %(name)s verwijderen: %(absence)s?")
        % {"name": absence.officer, "absence": absence_label(absence)},
        submit=_("Ja, verwijderen"),
        cancel=reverse("team:absence_detail", args=[absence.pk]),
    )
