"""Wijk screens: district officer and backup per wijk, who is responsible now, wijk contacts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.areas.models import District
from openhandhaving.core.services import origin_of
from openhandhaving.team import services
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.forms import AssignmentsForm, ContactForm, MomentForm
from openhandhaving.team.models import DistrictContact
from openhandhaving.team.selectors import (
    assignment_overview,
    contact_list,
    contact_overview,
    districts_light,
    districts_without_district_officer,
    local_tz,
    responsibilities_now,
)
from openhandhaving.team.views.common import confirm_page, form_page


@login_required
@permission_required("team.change_districtassignment", raise_exception=True)
def assignments(request: HttpRequest) -> HttpResponse:
    overview = assignment_overview()
    form = AssignmentsForm(request.POST or None, overview=overview)
    if request.method == "POST" and form.is_valid():
        changed, current = 0, None
        try:
            # All wijken or none: a refusal halfway leaves every assignment as it was.
            with transaction.atomic():
                for row in overview:
                    pk = row.district.pk
                    current = pk
                    changed += services.assignment_set(
                        actor=request.user,
                        district=row.district,
                        district_officer=form.cleaned_data[f"officer_{pk}"],
                        backup=form.cleaned_data[f"backup_{pk}"],
                        origin=origin_of(request),
                    )
        except TeamRuleError as error:
            name = "officer" if error.field == "district_officer" else "backup"
            form.add_error(f"{name}_{current}", error.message)
        else:
            if changed:
                messages.success(
                    request,
                    _("De wijkindeling is opgeslagen (%(n)s wijken gewijzigd).") % {"n": changed},
                )
            else:
                messages.info(request, _("Er was niets gewijzigd."))
            return redirect("team:assignments")
    return render(
        request,
        "team/assignments.html",
        {"form": form, "missing": districts_without_district_officer()},
    )


@login_required
@permission_required("team.view_shift", raise_exception=True)
def responsibility(request: HttpRequest) -> HttpResponse:
    """'Wie is nu verantwoordelijk?': per wijk, now or at a moment the user asks about."""
    now = timezone.localtime(timezone.now(), local_tz())
    asked = "date" in request.GET or "time" in request.GET
    form = MomentForm(
        request.GET if asked else None,
        initial={"date": now.date(), "time": now.time().replace(second=0, microsecond=0)},
    )
    at = form.moment() if asked and form.is_valid() else now
    return render(
        request,
        "team/responsibility.html",
        {
            "form": form,
            "at": at,
            "asked": asked and form.is_valid(),
            "rows": responsibilities_now(
                at=at, reveal_absence_kind=request.user.has_perm("team.view_absence")
            ),
        },
    )


@login_required
@permission_required("team.view_districtcontact", raise_exception=True)
def contact_overview_view(request: HttpRequest) -> HttpResponse:
    return render(request, "team/contact_overview.html", {"districts": contact_overview()})


@login_required
@permission_required("team.view_districtcontact", raise_exception=True)
def contact_list_view(request: HttpRequest, district_pk: int) -> HttpResponse:
    district = get_object_or_404(districts_light(), pk=district_pk)
    return render(
        request,
        "team/contact_list.html",
        {
            "district": district,
            "contacts": contact_list(district=district),
            "can_add": request.user.has_perm("team.add_districtcontact"),
            "can_change": request.user.has_perm("team.change_districtcontact"),
            "can_delete": request.user.has_perm("team.delete_districtcontact"),
        },
    )


def _save_contact(request, form, *, district=None, contact=None) -> DistrictContact | None:
    fields = {name: form.cleaned_data[name] for name in ContactForm.Meta.fields}
    try:
        if contact is None:
            return services.contact_create(
                actor=request.user, district=district, origin=origin_of(request), **fields
            )
        return services.contact_update(
            actor=request.user, contact=contact, origin=origin_of(request), **fields
        )
    except TeamRuleError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


@login_required
@permission_required("team.add_districtcontact", raise_exception=True)
def contact_create(request: HttpRequest, district_pk: int) -> HttpResponse:
    district = get_object_or_404(District.objects.defer("geometry"), pk=district_pk)
    form = ContactForm(request.POST or None)
    valid = request.method == "POST" and form.is_valid()
    if valid and _save_contact(request, form, district=district) is not None:
        messages.success(request, _("Het contact is opgeslagen."))
        return redirect("team:contact_list", district_pk=district.pk)
    return form_page(
        request,
        form,
        title=_("Contact in %(wijk)s toevoegen") % {"wijk": district.name},
        intro=_("Alleen zakelijke gegevens: de organisatie en een vast aanspreekpunt."),
        submit=_("Opslaan"),
        cancel=reverse("team:contact_list", args=[district.pk]),
    )


@login_required
@permission_required("team.change_districtcontact", raise_exception=True)
def contact_update(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(DistrictContact.objects.select_related("district"), pk=pk)
    form = ContactForm(request.POST or None, instance=contact)
    back = reverse("team:contact_list", args=[contact.district_id])
    if request.method == "POST" and form.is_valid():
        contact.refresh_from_db()  # the model form wrote into the instance; the service decides
        if _save_contact(request, form, contact=contact) is not None:
            messages.success(request, _("Het contact is gewijzigd."))
            return redirect(back)
    delete = (
        reverse("team:contact_delete", args=[contact.pk])
        if request.user.has_perm("team.delete_districtcontact")
        else ""
    )
    return form_page(
        request,
        form,
        title=_("Contact wijzigen"),
        submit=_("Wijzigingen opslaan"),
        cancel=back,
        delete=delete,
    )


@login_required
@permission_required("team.delete_districtcontact", raise_exception=True)
def contact_delete(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(DistrictContact.objects.select_related("district"), pk=pk)
    back = reverse("team:contact_list", args=[contact.district_id])
    if request.method == "POST":
        services.contact_delete(actor=request.user, contact=contact, origin=origin_of(request))
        messages.success(request, _("Het contact is verwijderd."))
        return redirect(back)
    return confirm_page(
        request,
        title=_("Contact verwijderen"),
        question=_("Wilt u %(name)s uit de wijkcontacten verwijderen?")
        % {"name": contact.organisation},
        submit=_("Ja, verwijderen"),
        cancel=back,
    )
