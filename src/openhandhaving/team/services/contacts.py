"""Writes of wijk contacts: wijkraden, schools, businesses and partners."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from openhandhaving.areas.models import District
from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import DistrictContact


def contact_save(
    *,
    actor: User | None,
    contact: DistrictContact,
    action: str,
    kind: str,
    organisation: str,
    contact_person: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    notes: str = "",
    origin: str = "systeem",
) -> DistrictContact:
    if not organisation.strip():
        raise TeamRuleError(_("Vul de naam van de organisatie in."), field="organisation")
    contact.kind, contact.organisation = kind, organisation.strip()
    contact.contact_person, contact.phone = contact_person.strip(), phone.strip()
    contact.email, contact.address, contact.notes = email.strip(), address.strip(), notes
    with transaction.atomic():
        contact.save()
        audit_log_record(actor=actor, action=action, obj=contact, origin=origin)
    return contact


def contact_create(
    *, actor: User | None, district: District, origin: str = "systeem", **fields: str
) -> DistrictContact:
    """fields: kind, organisation and optionally contact_person, phone, email, address, notes."""
    return contact_save(
        actor=actor,
        contact=DistrictContact(district=district),
        action="contact_create",
        origin=origin,
        **fields,
    )


def contact_update(
    *, actor: User | None, contact: DistrictContact, origin: str = "systeem", **fields: str
) -> DistrictContact:
    return contact_save(
        actor=actor, contact=contact, action="contact_update", origin=origin, **fields
    )


def contact_delete(
    *, actor: User | None, contact: DistrictContact, origin: str = "systeem"
) -> None:
    with transaction.atomic():
        audit_log_record(actor=actor, action="contact_delete", obj=contact, origin=origin)
        contact.delete()
