"""People screens: the team page (a name and a face), officers and pairs."""

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
from openhandhaving.team.forms import (
    OfficerForm,
    PairForm,
    rule_error_to_form,
)
from openhandhaving.team.models import Officer, Pair
from openhandhaving.team.roster import day_bounds, week_monday
from openhandhaving.team.selectors import (
    local_tz,
    officer_absences,
    officer_list,
    officer_shifts,
    officer_wijken,
    pair_list,
)
from openhandhaving.team.views.common import form_page


@login_required
@permission_required("team.view_officer", raise_exception=True)
def officer_list_view(request: HttpRequest) -> HttpResponse:
    officers = list(officer_list())
    return render(
        request,
        "team/officer_list.html",
        {
            "officers": [o for o in officers if o.active],
            "inactive": [o for o in officers if not o.active],
            "can_add": request.user.has_perm("team.add_officer"),
            "can_assign": request.user.has_perm("team.change_districtassignment"),
            "can_pairs": request.user.has_perm("team.view_pair"),
        },
    )


@login_required
@permission_required("team.view_officer", raise_exception=True)
def officer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    officer = get_object_or_404(Officer, pk=pk)
    monday = week_monday(timezone.localdate())
    start = day_bounds(monday, local_tz())[0]
    end = day_bounds(monday + dt.timedelta(days=13), local_tz())[1]
    can_see_absence = request.user.has_perm("team.view_absence")
    return render(
        request,
        "team/officer_detail.html",
        {
            "officer": officer,
            "wijken": officer_wijken(officer=officer),
            "shifts": officer_shifts(officer=officer, start=start, end=end),
            "absences": (
                officer_absences(officer=officer, start=timezone.now()) if can_see_absence else []
            ),
            "can_change": request.user.has_perm("team.change_officer"),
            "can_see_shifts": request.user.has_perm("team.view_shift"),
        },
    )


def _officer_fields(form: OfficerForm) -> dict:
    data = form.cleaned_data
    names = ("first_name", "last_name", "badge_number", "phone", "email", "user", "active")
    return {name: data[name] for name in names} | {"photo": data.get("photo")}


@login_required
@permission_required("team.add_officer", raise_exception=True)
def officer_create(request: HttpRequest) -> HttpResponse:
    form = OfficerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            officer = services.officer_create(
                actor=request.user, origin=origin_of(request), **_officer_fields(form)
            )
        except TeamRuleError as error:
            rule_error_to_form(form, error)
        else:
            messages.success(request, _("%(name)s staat in het team.") % {"name": officer})
            return redirect("team:officer_detail", pk=officer.pk)
    return form_page(
        request,
        form,
        title=_("Handhaver toevoegen"),
        submit=_("Opslaan"),
        cancel=reverse("team:officer_list"),
        multipart=True,
    )


@login_required
@permission_required("team.change_officer", raise_exception=True)
def officer_update(request: HttpRequest, pk: int) -> HttpResponse:
    officer = get_object_or_404(Officer, pk=pk)
    initial = {
        "first_name": officer.first_name,
        "last_name": officer.last_name,
        "badge_number": officer.badge_number,
        "phone": officer.phone,
        "email": officer.email,
        "user": officer.user_id,
        "active": officer.active,
    }
    form = OfficerForm(
        request.POST or None, request.FILES or None, officer=officer, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.officer_update(
                actor=request.user,
                officer=officer,
                remove_photo=form.cleaned_data.get("remove_photo", False),
                origin=origin_of(request),
                **_officer_fields(form),
            )
        except TeamRuleError as error:
            officer.refresh_from_db()
            rule_error_to_form(form, error)
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect("team:officer_detail", pk=officer.pk)
    return form_page(
        request,
        form,
        title=_("%(name)s wijzigen") % {"name": officer},
        submit=_("Wijzigingen opslaan"),
        cancel=reverse("team:officer_detail", args=[officer.pk]),
        multipart=True,
    )


@login_required
@permission_required("team.view_pair", raise_exception=True)
def pair_list_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "team/pair_list.html",
        {
            "pairs": pair_list(),
            "can_add": request.user.has_perm("team.add_pair"),
            "can_change": request.user.has_perm("team.change_pair"),
        },
    )


@login_required
@permission_required("team.add_pair", raise_exception=True)
def pair_create(request: HttpRequest) -> HttpResponse:
    form = PairForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.pair_create(
                actor=request.user,
                name=data["name"],
                first=data["first"],
                second=data["second"],
                origin=origin_of(request),
            )
        except TeamRuleError as error:
            rule_error_to_form(form, error)
        else:
            messages.success(request, _("Het duo is opgeslagen."))
            return redirect("team:pair_list")
    return form_page(
        request,
        form,
        title=_("Duo toevoegen"),
        submit=_("Opslaan"),
        cancel=reverse("team:pair_list"),
    )


@login_required
@permission_required("team.change_pair", raise_exception=True)
def pair_update(request: HttpRequest, pk: int) -> HttpResponse:
    pair = get_object_or_404(Pair.objects.select_related("first", "second"), pk=pk)
    initial = {"name": pair.name, "first": pair.first_id, "second": pair.second_id}
    initial["active"] = pair.active
    form = PairForm(request.POST or None, pair=pair, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.pair_update(
                actor=request.user,
                pair=pair,
                name=data["name"],
                first=data["first"],
                second=data["second"],
                active=data["active"],
                origin=origin_of(request),
            )
        except TeamRuleError as error:
            rule_error_to_form(form, error)
        else:
            messages.success(request, _("Het duo is gewijzigd."))
            return redirect("team:pair_list")
    return form_page(
        request,
        form,
        title=_("Duo wijzigen"),
        submit=_("Wijzigingen opslaan"),
        cancel=reverse("team:pair_list"),
    )
