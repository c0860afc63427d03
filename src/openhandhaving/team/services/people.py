"""Writes about people: wijk assignments, pairs and officers (with their photo)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from openhandhaving.areas.models import District
from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import DistrictAssignment, Officer, Pair
from openhandhaving.team.photos import photo_reencode
from openhandhaving.team.services.common import require_active


def assignment_set(
    *,
    actor: User | None,
    district: District,
    district_officer: Officer | None,
    backup: Officer | None,
    origin: str = "systeem",
) -> bool:
    """Make these two the wijk's district officer and backup (None: nobody). True if changed."""
    if district_officer is not None and district_officer == backup:
        raise TeamRuleError(
            _("%(name)s kan niet tegelijk wijkhandhaver en vervanger van %(wijk)s zijn.")
            % {"name": district_officer, "wijk": district},
            field="backup",
        )
    wanted = {AssignmentRole.DISTRICT_OFFICER: district_officer, AssignmentRole.BACKUP: backup}
    with transaction.atomic():
        current = {
            a.role: a
            for a in DistrictAssignment.objects.select_for_update()
            .filter(district=district)
            .select_related("officer")
        }
        changes = {
            str(role): [
                current[role].officer_id if role in current else None,
                officer.pk if officer else None,
            ]
            for role, officer in wanted.items()
            if (current[role].officer if role in current else None) != officer
        }
        if not changes:
            return False
        for role in changes:
            # An officer who left may stay where he was until replaced, but not be newly chosen.
            require_active([o for o in (wanted[role],) if o], field=str(role))
        # Delete first: a swap of district officer and backup must not meet itself.
        DistrictAssignment.objects.filter(district=district, role__in=list(changes)).delete()
        for role in changes:
            if wanted[role] is not None:
                DistrictAssignment.objects.create(
                    district=district, officer=wanted[role], role=role
                )
        audit_log_record(
            actor=actor, action="assignment_set", obj=district, origin=origin, details=changes
        )
    return True


def pair_check(*, name: str, first: Officer, second: Officer) -> None:
    if not name.strip():
        raise TeamRuleError(_("Geef het duo een naam."), field="name")
    if first == second:
        raise TeamRuleError(_("Een duo bestaat uit twee verschillende handhavers."), field="second")
    require_active([first], field="first")
    require_active([second], field="second")


def pair_create(
    *, actor: User | None, name: str, first: Officer, second: Officer, origin: str = "systeem"
) -> Pair:
    pair_check(name=name, first=first, second=second)
    with transaction.atomic():
        pair = Pair.objects.create(name=name.strip(), first=first, second=second)
        audit_log_record(actor=actor, action="pair_create", obj=pair, origin=origin)
    return pair


def pair_update(
    *,
    actor: User | None,
    pair: Pair,
    name: str,
    first: Officer,
    second: Officer,
    active: bool = True,
    origin: str = "systeem",
) -> Pair:
    if active:
        pair_check(name=name, first=first, second=second)
    elif first == second:
        raise TeamRuleError(_("Een duo bestaat uit twee verschillende handhavers."), field="second")
    with transaction.atomic():
        pair.name, pair.first, pair.second, pair.active = name.strip(), first, second, active
        pair.save()
        audit_log_record(actor=actor, action="pair_update", obj=pair, origin=origin)
    return pair


def officer_save(
    *,
    actor: User | None,
    officer: Officer,
    action: str,
    photo=None,
    remove_photo: bool = False,
    origin: str = "systeem",
) -> Officer:
    """Store an officer whose fields are set: the photo re-encoded, the old file removed."""
    if not officer.first_name.strip() or not officer.last_name.strip():
        raise TeamRuleError(_("Vul de voornaam en de achternaam in."), field="last_name")
    if officer.user_id and Officer.objects.filter(user_id=officer.user_id).exclude(pk=officer.pk):
        other = Officer.objects.get(user_id=officer.user_id)
        raise TeamRuleError(_("Dit account hoort al bij %(name)s.") % {"name": other}, field="user")
    clean = photo_reencode(photo) if photo else None
    old_name = officer.photo.name if officer.pk else ""
    storage = officer.photo.storage
    new_name = ""
    try:
        with transaction.atomic():
            if clean is not None:
                officer.photo.save(clean.name, clean, save=False)
                new_name = officer.photo.name
            elif remove_photo:
                officer.photo = ""
            officer.save()
            audit_log_record(
                actor=actor,
                action=action,
                obj=officer,
                origin=origin,
                details={"photo": "new" if new_name else "removed" if remove_photo else ""},
            )
            if old_name and (new_name or remove_photo):
                transaction.on_commit(lambda: storage.delete(old_name))
    except Exception:
        if new_name:
            storage.delete(new_name)
        raise
    return officer


def officer_create(
    *,
    actor: User | None,
    first_name: str,
    last_name: str,
    badge_number: str = "",
    phone: str = "",
    email: str = "",
    user: User | None = None,
    active: bool = True,
    photo=None,
    origin: str = "systeem",
) -> Officer:
    officer = Officer(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        badge_number=badge_number,
        phone=phone,
        email=email,
        user=user,
        active=active,
    )
    return officer_save(
        actor=actor, officer=officer, action="officer_create", photo=photo, origin=origin
    )


def officer_update(
    *,
    actor: User | None,
    officer: Officer,
    first_name: str,
    last_name: str,
    badge_number: str = "",
    phone: str = "",
    email: str = "",
    user: User | None = None,
    active: bool = True,
    photo=None,
    remove_photo: bool = False,
    origin: str = "systeem",
) -> Officer:
    officer.first_name, officer.last_name = first_name.strip(), last_name.strip()
    officer.badge_number, officer.phone, officer.email = badge_number, phone, email
    officer.user, officer.active = user, active
    return officer_save(
        actor=actor,
        officer=officer,
        action="officer_update",
        photo=photo,
        remove_photo=remove_photo,
        origin=origin,
    )
