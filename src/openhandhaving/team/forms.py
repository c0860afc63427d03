"""Forms of the team app: local dates and times in, aware moments out, Dutch messages."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.models import District
from openhandhaving.core.forms import StyledForm, StyledModelForm
from openhandhaving.core.models import User
from openhandhaving.team.choices import AbsenceKind, Weekday
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import DistrictContact, Officer, Pair
from openhandhaving.team.roster import local_datetime, shift_window

EQUAL_TIMES = _("Begintijd en eindtijd zijn gelijk. Een nachtdienst eindigt vóór de begintijd.")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def rule_error_to_form(form: forms.Form, error: TeamRuleError, fields: dict | None = None) -> None:
    """Show a service's broken rule next to its field (renamed through `fields`), else on top."""
    name = (fields or {}).get(error.field, error.field)
    form.add_error(name if name in form.fields else None, error.message)


def officer_choices(*, keep: list[Officer] | tuple = ()) -> QuerySet[Officer]:
    """Active officers, plus the ones already chosen (so an edit never drops them silently)."""
    return Officer.objects.filter(Q(active=True) | Q(pk__in=[o.pk for o in keep if o]))


class ShiftForm(StyledForm):
    day = forms.DateField(label=_("Datum"), widget=DATE)
    start_time = forms.TimeField(label=_("Begintijd"), widget=TIME)
    end_time = forms.TimeField(
        label=_("Eindtijd"),
        widget=TIME,
        help_text=_("Vóór de begintijd: de dienst loopt door na middernacht."),
    )
    district = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=District.objects.defer("geometry"),
        required=False,
        empty_label=_("Hele gemeente"),
    )
    pair = forms.ModelChoiceField(
        label=_("Duo"),
        queryset=Pair.objects.filter(active=True),
        required=False,
        empty_label=_("— geen duo —"),
    )
    officers = forms.ModelMultipleChoiceField(
        label=_("Handhavers"),
        queryset=Officer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leeg: de twee handhavers van het duo."),
    )
    note = forms.CharField(label=_("Opmerking"), max_length=200, required=False)

    def __init__(self, *args, shift=None, **kwargs) -> None:
        if shift is not None:
            start, end = timezone.localtime(shift.start, tz()), timezone.localtime(shift.end, tz())
            kwargs.setdefault(
                "initial",
                {
                    "day": start.date(),
                    "start_time": start.time(),
                    "end_time": end.time(),
                    "district": shift.district_id,
                    "pair": shift.pair_id,
                    "officers": list(shift.officers.all()),
                    "note": shift.note,
                },
            )
        super().__init__(*args, **kwargs)
        keep = list(shift.officers.all()) if shift is not None else []
        self.fields["officers"].queryset = officer_choices(keep=keep)

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            if start == end:
                self.add_error(
                    "end_time",
                    EQUAL_TIMES,
                )
            else:
                cleaned["start"], cleaned["end"] = shift_window(day, start, end, tz())
        if not cleaned.get("pair") and not cleaned.get("officers") and "officers" in cleaned:
            self.add_error("officers", _("Kies een duo of ten minste één handhaver."))
        return cleaned


class AbsenceForm(StyledForm):
    officer = forms.ModelChoiceField(label=_("Handhaver"), queryset=Officer.objects.none())
    kind = forms.ChoiceField(label=_("Soort"), choices=AbsenceKind.choices)
    start_date = forms.DateField(label=_("Eerste dag"), widget=DATE)
    start_time = forms.TimeField(
        label=_("Vanaf"),
        widget=TIME,
        required=False,
        help_text=_("Leeg: vanaf het begin van de dag."),
    )
    end_date = forms.DateField(
        label=_("Laatste dag"),
        widget=DATE,
        required=False,
        help_text=_("Leeg: nog niet bekend (bijvoorbeeld bij ziekte)."),
    )
    end_time = forms.TimeField(
        label=_("Tot"),
        widget=TIME,
        required=False,
        help_text=_("Leeg: tot het einde van de laatste dag."),
    )
    note = forms.CharField(
        label=_("Opmerking"),
        max_length=200,
        required=False,
        help_text=_("Geen medische gegevens."),
    )

    def __init__(self, *args, absence=None, **kwargs) -> None:
        if absence is not None:
            start = timezone.localtime(absence.start, tz())
            initial = {"kind": absence.kind, "start_date": start.date(), "note": absence.note}
            if start.time() != dt.time(0):
                initial["start_time"] = start.time()
            if absence.end is not None:
                end = timezone.localtime(absence.end, tz())
                if end.time() == dt.time(0):
                    initial["end_date"] = end.date() - dt.timedelta(days=1)
                else:
                    initial["end_date"], initial["end_time"] = end.date(), end.time()
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if absence is not None:
            del self.fields["officer"]  # an absence stays with its officer
        else:
            self.fields["officer"].queryset = officer_choices()

    def clean(self):
        cleaned = super().clean()
        start_date = cleaned.get("start_date")
        if not start_date:
            return cleaned
        cleaned["start"] = local_datetime(start_date, cleaned.get("start_time") or dt.time(0), tz())
        end_date, end_time = cleaned.get("end_date"), cleaned.get("end_time")
        cleaned["end"] = None
        if end_date or end_time:
            if end_time is None:
                cleaned["end"] = local_datetime(end_date + dt.timedelta(days=1), dt.time(0), tz())
            else:
                cleaned["end"] = local_datetime(end_date or start_date, end_time, tz())
            if cleaned["end"] <= cleaned["start"]:
                self.add_error(
                    "end_date" if end_date else "end_time",
                    _("Het einde van de afwezigheid ligt vóór het begin."),
                )
        return cleaned


class MomentForm(StyledForm):
    """A moment in local time: the end of an absence, or 'who is responsible at ...'."""

    date = forms.DateField(label=_("Datum"), widget=DATE)
    time = forms.TimeField(label=_("Tijd"), widget=TIME)

    def moment(self) -> dt.datetime:
        return local_datetime(self.cleaned_data["date"], self.cleaned_data["time"], tz())


class AssignmentsForm(StyledForm):
    """All wijken at once: a district officer and a backup select per wijk."""

    def __init__(self, *args, overview, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.overview = overview
        assigned = [o for row in overview for o in (row.district_officer, row.backup) if o]
        queryset = officer_choices(keep=assigned)
        for row in overview:
            pk = row.district.pk
            self.fields[f"officer_{pk}"] = forms.ModelChoiceField(
                label=_("Wijkhandhaver van %(wijk)s") % {"wijk": row.district.name},
                queryset=queryset,
                required=False,
                empty_label=_("— niemand —"),
                initial=row.district_officer,
            )
            self.fields[f"backup_{pk}"] = forms.ModelChoiceField(
                label=_("Vervanger van %(wijk)s") % {"wijk": row.district.name},
                queryset=queryset,
                required=False,
                empty_label=_("— niemand —"),
                initial=row.backup,
            )

    def rows(self):
        """(district, district officer field, backup field) per wijk, for the table."""
        return [
            (row.district, self[f"officer_{row.district.pk}"], self[f"backup_{row.district.pk}"])
            for row in self.overview
        ]

    def clean(self):
        cleaned = super().clean()
        for row in self.overview:
            pk = row.district.pk
            officer, backup = cleaned.get(f"officer_{pk}"), cleaned.get(f"backup_{pk}")
            if officer and officer == backup:
                self.add_error(
                    f"backup_{pk}",
                    _("%(name)s kan niet tegelijk wijkhandhaver en vervanger van %(wijk)s zijn.")
                    % {"name": officer, "wijk": row.district.name},
                )
        return cleaned


class PatternForm(StyledForm):
    pair = forms.ModelChoiceField(label=_("Duo"), queryset=Pair.objects.filter(active=True))
    district = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=District.objects.defer("geometry"),
        required=False,
        empty_label=_("Hele gemeente"),
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Dagen"), choices=Weekday.choices, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    start_time = forms.TimeField(label=_("Begintijd"), widget=TIME)
    end_time = forms.TimeField(
        label=_("Eindtijd"),
        widget=TIME,
        help_text=_("Vóór de begintijd: de dienst loopt door na middernacht."),
    )
    valid_from = forms.DateField(label=_("Eerste dag"), widget=DATE)
    valid_until = forms.DateField(label=_("Laatste dag"), widget=DATE)
    every_weeks = forms.IntegerField(
        label=_("Elke hoeveel weken"),
        min_value=1,
        max_value=52,
        initial=1,
        help_text=_("1 = elke week, 2 = om de week."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error(
                "valid_until", _("De laatste dag ligt vóór de eerste dag van het patroon.")
            )
        if cleaned.get("start_time") and cleaned.get("start_time") == cleaned.get("end_time"):
            self.add_error(
                "end_time",
                EQUAL_TIMES,
            )
        return cleaned


class PairForm(StyledForm):
    name = forms.CharField(label=_("Naam"), max_length=60)
    first = forms.ModelChoiceField(label=_("Handhaver 1"), queryset=Officer.objects.none())
    second = forms.ModelChoiceField(label=_("Handhaver 2"), queryset=Officer.objects.none())
    active = forms.BooleanField(label=_("Actief"), required=False, initial=True)

    def __init__(self, *args, pair=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        keep = [pair.first, pair.second] if pair is not None else []
        self.fields["first"].queryset = officer_choices(keep=keep)
        self.fields["second"].queryset = officer_choices(keep=keep)
        if pair is None:
            del self.fields["active"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first") and cleaned.get("first") == cleaned.get("second"):
            self.add_error("second", _("Een duo bestaat uit twee verschillende handhavers."))
        return cleaned


class OfficerForm(StyledForm):
    first_name = forms.CharField(label=_("Voornaam"), max_length=60)
    last_name = forms.CharField(label=_("Achternaam"), max_length=80)
    badge_number = forms.CharField(label=_("Boa-nummer"), max_length=20, required=False)
    phone = forms.CharField(label=_("Telefoon (werk)"), max_length=20, required=False)
    email = forms.EmailField(
        label=_("E-mail (werk)"),
        required=False,
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@gemeente.nl.")},
    )
    user = forms.ModelChoiceField(
        label=_("Account"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("— geen account —"),
        help_text=_("Met een account ziet de handhaver zijn eigen diensten op de startpagina."),
    )
    active = forms.BooleanField(label=_("In dienst"), required=False, initial=True)
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPG, PNG of WebP, hoogstens 5 MB. Locatie en andere gegevens halen we eruit."),
    )
    remove_photo = forms.BooleanField(label=_("Foto weghalen"), required=False)

    def __init__(self, *args, officer=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        taken = Officer.objects.filter(user__isnull=False)
        if officer is not None:
            taken = taken.exclude(pk=officer.pk)
        self.fields["user"].queryset = User.objects.filter(is_active=True).exclude(
            pk__in=taken.values("user_id")
        )
        if officer is None or not officer.photo:
            del self.fields["remove_photo"]


class ContactForm(StyledModelForm):
    class Meta:
        model = DistrictContact
        fields = ["kind", "organisation", "contact_person", "phone", "email", "address", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"email": {"invalid": _("Vul een e-mailadres in zoals naam@school.nl.")}}


class RosterFilterForm(StyledForm):
    week = forms.CharField(
        label=_("Week"),
        required=False,
        widget=forms.TextInput(attrs={"type": "week"}),
        help_text=_("Bijvoorbeeld 2026-W48."),
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=District.objects.defer("geometry"),
        required=False,
        empty_label=_("Alle wijken"),
    )
