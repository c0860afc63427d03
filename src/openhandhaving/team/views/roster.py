"""Roster screens: the week ("wie is waar, wanneer"), shifts and roster patterns."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openhandhaving.core.services import origin_of
from openhandhaving.team import services
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.forms import PatternForm, RosterFilterForm, ShiftForm, rule_error_to_form
from openhandhaving.team.models import RosterPattern, Shift
from openhandhaving.team.roster import iso_week_label, parse_iso_week, week_monday
from openhandhaving.team.selectors import pattern_list
from openhandhaving.team.services.common import shift_label
from openhandhaving.team.views.common import confirm_page, form_page, week_url
from openhandhaving.team.week import roster_week as roster_week_data

WEEK = dt.timedelta(days=7)


@login_required
@permission_required("team.view_shift", raise_exception=True)
def roster_week(request: HttpRequest) -> HttpResponse:
    monday = week_monday(timezone.localdate())
    form = RosterFilterForm(request.GET or None, initial={"week": iso_week_label(monday)})
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    if cleaned.get("week"):
        parsed = parse_iso_week(cleaned["week"])
        if parsed is None:
            form.add_error("week", _("Deze week kennen we niet. Schrijf bijvoorbeeld 2026-W48."))
        else:
            monday = parsed
    district = cleaned.get("wijk")
    week = roster_week_data(
        monday=monday,
        district=district,
        reveal_absence_kind=request.user.has_perm("team.view_absence"),
    )
    wijk = district.pk if district else ""
    return render(
        request,
        "team/roster_week.html",
        {
            "form": form,
            "week": week,
            "previous_url": week_url(week.monday - WEEK, wijk=wijk),
            "next_url": week_url(week.monday + WEEK, wijk=wijk),
            "this_week_url": week_url(timezone.localdate(), wijk=wijk),
            "can_add": request.user.has_perm("team.add_shift"),
            "can_change": request.user.has_perm("team.change_shift"),
        },
    )


def _shift_from_form(request: HttpRequest, form: ShiftForm, shift: Shift | None) -> Shift | None:
    data = form.cleaned_data
    fields = {
        "start": data["start"],
        "end": data["end"],
        "officers": data["officers"],
        "pair": data["pair"],
        "district": data["district"],
        "note": data["note"],
    }
    try:
        if shift is None:
            return services.shift_create(actor=request.user, origin=origin_of(request), **fields)
        return services.shift_update(
            actor=request.user, shift=shift, origin=origin_of(request), **fields
        )
    except TeamRuleError as error:
        rule_error_to_form(form, error)
        return None


@login_required
@permission_required("team.add_shift", raise_exception=True)
def shift_create(request: HttpRequest) -> HttpResponse:
    initial = {"day": parse_date(request.GET.get("dag", "") or "") or timezone.localdate()}
    form = ShiftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        shift = _shift_from_form(request, form, None)
        if shift is not None:
            messages.success(request, _("De dienst staat in het rooster."))
            return redirect(week_url(shift.start))
    return form_page(
        request,
        form,
        title=_("Dienst toevoegen"),
        submit=_("Dienst opslaan"),
        cancel=reverse("team:roster_week"),
    )


@login_required
@permission_required("team.change_shift", raise_exception=True)
def shift_update(request: HttpRequest, pk: int) -> HttpResponse:
    shift = get_object_or_404(Shift.objects.select_related("district", "pair"), pk=pk)
    form = ShiftForm(request.POST or None, shift=shift)
    valid = request.method == "POST" and form.is_valid()
    if valid and _shift_from_form(request, form, shift) is not None:
        messages.success(request, _("De dienst is gewijzigd."))
        return redirect(week_url(shift.start))
    delete = (
        reverse("team:shift_delete", args=[shift.pk])
        if request.user.has_perm("team.delete_shift")
        else ""
    )
    return form_page(
        request,
        form,
        title=_("Dienst wijzigen"),
        submit=_("Wijzigingen opslaan"),
        cancel=week_url(shift.start),
        delete=delete,
    )


@login_required
@permission_required("team.delete_shift", raise_exception=True)
def shift_delete(request: HttpRequest, pk: int) -> HttpResponse:
    shift = get_object_or_404(Shift.objects.select_related("district"), pk=pk)
    back = week_url(shift.start)
    if request.method == "POST":
        services.shift_delete(actor=request.user, shift=shift, origin=origin_of(request))
        messages.success(request, _("De dienst is uit het rooster gehaald."))
        return redirect(back)
    label = shift_label(start=shift.start, end=shift.end, district=shift.district)
    return confirm_page(
        request,
        title=_("Dienst verwijderen"),
        question=_("Wilt u de dienst van %(shift)s verwijderen?") % {"shift": label},
        submit=_("Ja, verwijderen"),
        cancel=back,
    )


@login_required
@permission_required("team.view_rosterpattern", raise_exception=True)
def pattern_list_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "team/pattern_list.html",
        {
            "patterns": pattern_list(),
            "can_add": request.user.has_perm("team.add_rosterpattern"),
            "can_change": request.user.has_perm("team.change_rosterpattern"),
            "can_generate": request.user.has_perm("team.add_shift"),
        },
    )


def _pattern_fields(form: PatternForm) -> dict:
    data = form.cleaned_data
    return {
        name: data[name]
        for name in (
            "pair",
            "district",
            "weekdays",
            "start_time",
            "end_time",
            "valid_from",
            "valid_until",
            "every_weeks",
        )
    }


@login_required
@permission_required("team.add_rosterpattern", raise_exception=True)
def pattern_create(request: HttpRequest) -> HttpResponse:
    form = PatternForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.roster_pattern_create(
                actor=request.user, origin=origin_of(request), **_pattern_fields(form)
            )
        except TeamRuleError as error:
            rule_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("Het patroon is opgeslagen. Kies 'Genereer diensten' om het rooster te vullen."),
            )
            return redirect("team:pattern_list")
    return form_page(
        request,
        form,
        title=_("Roosterpatroon toevoegen"),
        intro=_("Een duo dat vaste dagen in een wijk werkt, bijvoorbeeld dinsdag en donderdag."),
        submit=_("Patroon opslaan"),
        cancel=reverse("team:pattern_list"),
    )


@login_required
@permission_required("team.change_rosterpattern", raise_exception=True)
def pattern_update(request: HttpRequest, pk: int) -> HttpResponse:
    pattern = get_object_or_404(RosterPattern, pk=pk)
    initial = {
        "pair": pattern.pair_id,
        "district": pattern.district_id,
        "weekdays": pattern.weekdays,
        "start_time": pattern.start_time,
        "end_time": pattern.end_time,
        "valid_from": pattern.valid_from,
        "valid_until": pattern.valid_until,
        "every_weeks": pattern.every_weeks,
    }
    form = PatternForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.roster_pattern_update(
                actor=request.user,
                pattern=pattern,
                origin=origin_of(request),
                **_pattern_fields(form),
            )
        except TeamRuleError as error:
            rule_error_to_form(form, error)
        else:
            messages.success(request, _("Het patroon is gewijzigd."))
            return redirect("team:pattern_list")
    delete = (
        reverse("team:pattern_delete", args=[pattern.pk])
        if request.user.has_perm("team.delete_rosterpattern")
        else ""
    )
    return form_page(
        request,
        form,
        title=_("Roosterpatroon wijzigen"),
        intro=_(
            "Diensten die al gemaakt zijn, blijven staan. Pas die zo nodig in het rooster aan."
        ),
        submit=_("Wijzigingen opslaan"),
        cancel=reverse("team:pattern_list"),
        delete=delete,
    )


@login_required
@permission_required("team.delete_rosterpattern", raise_exception=True)
def pattern_delete(request: HttpRequest, pk: int) -> HttpResponse:
    pattern = get_object_or_404(RosterPattern.objects.select_related("pair"), pk=pk)
    if request.method == "POST":
        services.roster_pattern_delete(
            actor=request.user, pattern=pattern, origin=origin_of(request)
        )
        messages.success(
            request, _("Het patroon is verwijderd. De diensten blijven in het rooster.")
        )
        return redirect("team:pattern_list")
    return confirm_page(
        request,
        title=_("Roosterpatroon verwijderen"),
        question=_("Wilt u het patroon %(pattern)s verwijderen? De diensten blijven staan.")
        % {"pattern": pattern},
        submit=_("Ja, verwijderen"),
        cancel=reverse("team:pattern_list"),
    )


@login_required
@permission_required("team.add_shift", raise_exception=True)
@require_POST
def pattern_generate(request: HttpRequest, pk: int) -> HttpResponse:
    pattern = get_object_or_404(
        RosterPattern.objects.select_related("pair__first", "pair__second", "district"), pk=pk
    )
    try:
        result = services.roster_pattern_generate(
            actor=request.user, pattern=pattern, origin=origin_of(request)
        )
    except TeamRuleError as error:
        messages.error(request, error.message)
        return redirect("team:pattern_list")
    return render(
        request,
        "team/pattern_generated.html",
        {"pattern": pattern, "result": result, "first_week_url": week_url(pattern.valid_from)},
    )
