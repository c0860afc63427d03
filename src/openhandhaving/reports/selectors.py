"""Reads of the reports app: queues, search, dashboard counts, report page, nearby reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.lookups import In
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.models import District
from openhandhaving.core.models import User
from openhandhaving.reports.choices import OPEN_STATES, EventKind, Status
from openhandhaving.reports.models import (
    Category,
    Report,
    ReporterContact,
    ReportEvent,
    SavedFilter,
    Team,
)
from openhandhaving.reports.models.core import OPEN_STATUS_VALUES
from openhandhaving.reports.nearby import distance_m, is_likely_duplicate, k_ring_for_radius
from openhandhaving.reports.selectors_lookup import address_search  # noqa: F401 (views_routing)
from openhandhaving.team.models import DistrictAssignment

OPEN = OPEN_STATUS_VALUES
PAGE_SIZE = 25
COUNT_CAP = 1000
MAP_LIMIT = 5000
LIST_FIELDS = (
    "number",
    "text",
    "status",
    "address",
    "lat",
    "lon",
    "reported_at",
    "deadline",
    "deadline_3x",
    "priority",
    "category__name",
    "category__parent__name",
    "district__name",
    "owner__username",
    "owner__first_name",
    "owner__last_name",
    "owner_team__name",
)


class Queue:
    """The work queues of the back office (their codes appear in the address bar)."""

    MINE = "mijn"
    WIJK = "wijk"
    COLLEAGUE = "collega"
    TEAM = "team"
    COORDINATORS = "coordinatoren"
    ALL = "alle"

    LABELS = {
        MINE: _("Mijn werkvoorraad"),
        WIJK: _("Mijn wijk"),
        TEAM: _("Mijn team"),
        COLLEAGUE: _("Van een collega"),
        COORDINATORS: _("Grote bak (coördinatoren)"),
        ALL: _("Alle meldingen"),
    }
    CODES = tuple(LABELS)


class Late:
    LATE = "te_laat"
    LATE_3X = "3x_te_laat"


class LiteralIn(In):
    """`status IN ('accepted', ...)` with the values written into the SQL, not bound.

    SQLite uses a partial index only when the query repeats the index's condition literally, and
    its statistics cannot tell that open reports are rare among a million; the partial index
    report_open_by_deadline (models.core) holds just the open ones."""

    def process_rhs(self, compiler, connection):
        values = list(self.rhs)
        if not all(isinstance(v, str) and v.replace("_", "").isalnum() for v in values):
            raise ValueError("LiteralIn takes plain codes only")
        return "(" + ", ".join(f"'{value}'" for value in values) + ")", ()


def open_only() -> LiteralIn:
    """The condition 'the report is open', in the exact form of the partial index."""
    return LiteralIn(F("status"), OPEN)


@dataclass
class ReportFilters:
    """One search of the back office. An empty value means: do not filter on it."""

    queue: str = Queue.ALL
    colleague: User | None = None
    number: str = ""
    address: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    keyword: str = ""
    owner: User | None = None
    statuses: list[str] = field(default_factory=list)
    category: Category | None = None
    district: District | None = None
    late: str = ""
    sort: str = "deadline"


def default_queue(*, user) -> str:
    """What a person sees first: officers their own work, coordinators the unrouted reports."""
    if user.has_perm("reports.route_reports"):
        return Queue.COORDINATORS
    if user.has_perm("reports.change_report"):
        return Queue.MINE
    return Queue.ALL


def user_district_ids(*, user) -> list[int]:
    """Wijken where this user is district officer or backup."""
    return list(
        DistrictAssignment.objects.filter(officer__user=user).values_list("district_id", flat=True)
    )


def user_team_ids(*, user) -> list[int]:
    return list(Team.objects.filter(members=user).values_list("id", flat=True))


def report_queue(*, user, queue: str, colleague: User | None = None) -> QuerySet[Report]:
    """The reports of one queue, of any status (report_search narrows to open reports)."""
    reports = Report.objects.all()
    if queue == Queue.MINE:
        return reports.filter(owner=user)
    if queue == Queue.WIJK:
        return reports.filter(district_id__in=user_district_ids(user=user))
    if queue == Queue.COLLEAGUE:
        return reports.filter(owner=colleague) if colleague else reports.none()
    if queue == Queue.TEAM:
        return reports.filter(owner_team_id__in=user_team_ids(user=user))
    if queue == Queue.COORDINATORS:
        return reports.filter(owner__isnull=True)
    return reports


def normalise_number(value: str) -> str:
    """'2026-123' and ' 2026-000123 ' both mean 2026-000123."""
    value = value.strip().upper()
    year, sep, serial = value.partition("-")
    if sep and year.isdigit() and serial.isdigit():
        return f"{year}-{int(serial):06d}"
    return value


def _local_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def report_search(
    *, user, filters: ReportFilters, now: dt.datetime | None = None
) -> QuerySet[Report]:
    """The reports of a queue that match the filters, sorted. A number ignores everything else."""
    now = now or timezone.now()
    if filters.number:
        return report_list_fields(Report.objects.filter(number=normalise_number(filters.number)))
    reports = report_queue(user=user, queue=filters.queue, colleague=filters.colleague)
    # Without a chosen status a list holds the open reports: the work still to be done.
    if filters.statuses:
        reports = reports.filter(status__in=filters.statuses)
    if filters.late or not filters.statuses:
        reports = reports.filter(open_only())
    if filters.late == Late.LATE:
        reports = reports.filter(deadline__lt=now)
    elif filters.late == Late.LATE_3X:
        reports = reports.filter(deadline_3x__lt=now)
    if filters.address:
        reports = reports.filter(address__icontains=filters.address)
    if filters.keyword:
        reports = reports.filter(text__icontains=filters.keyword)
    if filters.date_from:
        reports = reports.filter(reported_at__gte=_local_start(filters.date_from))
    if filters.date_to:
        day_after = filters.date_to + dt.timedelta(days=1)
        reports = reports.filter(reported_at__lt=_local_start(day_after))
    if filters.owner:
        reports = reports.filter(owner=filters.owner)
    if filters.category:
        if filters.category.parent_id:
            reports = reports.filter(category=filters.category)
        else:
            reports = reports.filter(
                Q(category=filters.category) | Q(category__parent=filters.category)
            )
    if filters.district:
        reports = reports.filter(district=filters.district)
    order = ("-reported_at", "-id") if filters.sort == "-reported_at" else ("deadline", "id")
    if filters.sort == "reported_at":
        order = ("reported_at", "id")
    return report_list_fields(reports.order_by(*order))


def report_list_fields(reports: QuerySet[Report]) -> QuerySet[Report]:
    """Only what a list row shows: no wijk shapes, one query for the whole page."""
    return reports.select_related(
        "category", "category__parent", "district", "owner", "owner_team"
    ).only(*LIST_FIELDS)


@dataclass
class CheapPage:
    """A page without COUNT(*) over the whole result: fetch one row more to know if there is a
    next page; `total` is exact up to COUNT_CAP, else None ("more than 1,000")."""

    items: list[Report]
    number: int
    has_next: bool
    total: int | None

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous


def report_page(reports: QuerySet[Report], *, number: int = 1, size: int = PAGE_SIZE) -> CheapPage:
    number = max(1, number)
    start = (number - 1) * size
    rows = list(reports[start : start + size + 1])
    if number == 1 and len(rows) <= size:
        total: int | None = len(rows)
    else:
        capped = reports.order_by().values("id")[: COUNT_CAP + 1].count()
        total = capped if capped <= COUNT_CAP else None
    return CheapPage(items=rows[:size], number=number, has_next=len(rows) > size, total=total)


def report_points(
    reports: QuerySet[Report], *, now: dt.datetime, limit: int = MAP_LIMIT
) -> list[tuple[str, float, float, str, str, int]]:
    """Map points of a search, in its order: (number, lat, lon, status, category name, late)
    with late 0 on time, 1 late, 3 three times late (open reports only)."""
    late = Case(
        When(deadline_3x__lt=now, then=Value(3)),
        When(deadline__lt=now, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    rows = reports.annotate(late=late).values_list(
        "number", "lat", "lon", "status", "category__name", "late"
    )[:limit]
    return [(*row[:5], row[5] if row[3] in OPEN_STATES else 0) for row in rows]


def queue_counts(*, user) -> dict[str, int]:
    """Open reports in each of the user's queues."""
    open_reports = Report.objects.filter(open_only())
    counts = {
        Queue.MINE: open_reports.filter(owner=user).count(),
        Queue.COORDINATORS: open_reports.filter(owner__isnull=True).count(),
    }
    if districts := user_district_ids(user=user):
        counts[Queue.WIJK] = open_reports.filter(district_id__in=districts).count()
    if teams := user_team_ids(user=user):
        counts[Queue.TEAM] = open_reports.filter(owner_team_id__in=teams).count()
    return counts


@dataclass
class LateRow:
    """Open, late and 3× late reports of one wijk or main category."""

    key: int | None
    name: str
    open: int = 0
    late: int = 0
    late_3x: int = 0


def _open_late_counts(now: dt.datetime) -> list[tuple[int | None, int, int, int, int]]:
    """(district id, category id, open, late, 3x late) for every wijk and category with open
    reports.

    The open reports are read in deadline order inside a subquery on purpose: that order comes
    for free from the indexes of open reports, while a plain GROUP BY lets SQLite (after
    ANALYZE) walk a whole-table index of a million rows instead."""
    flag = {"default": Value(0), "output_field": IntegerField()}
    open_reports = (
        Report.objects.filter(open_only())
        .annotate(
            is_late=Case(When(deadline__lt=now, then=Value(1)), **flag),
            is_late_3x=Case(When(deadline_3x__lt=now, then=Value(1)), **flag),
        )
        .order_by("deadline")
        .values_list("district_id", "category_id", "is_late", "is_late_3x")
    )
    inner, params = open_reports.query.sql_with_params()
    sql = (
        "SELECT district_id, category_id, COUNT(*), SUM(is_late), SUM(is_late_3x) "
        f"FROM ({inner}) open_reports GROUP BY district_id, category_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _late_rows(counts, names: dict, empty_name: str) -> list[LateRow]:
    rows: dict = {}
    for key, total, late, late_3x in counts:
        row = rows.get(key)
        if row is None:
            row = rows[key] = LateRow(key=key, name=names.get(key, empty_name))
        row.open += total
        row.late += late
        row.late_3x += late_3x
    return sorted(rows.values(), key=lambda r: (-r.late_3x, -r.late, r.name))


def late_overview(*, now: dt.datetime | None = None) -> tuple[list[LateRow], list[LateRow]]:
    """Open, late and 3x late reports per wijk and per main category (subcategories count for
    their parent), the worst first; one pass over the open reports."""
    counts = _open_late_counts(now or timezone.now())
    wijken = dict(District.objects.values_list("id", "name"))
    categories = {c.id: c for c in Category.objects.only("id", "name", "parent_id")}
    main_of = {c.id: c.parent_id or c.id for c in categories.values()}
    names = {c.id: c.name for c in categories.values()}
    by_district = _late_rows(
        ((d, n, late, late_3x) for d, _c, n, late, late_3x in counts),
        wijken,
        str(_("Buiten de wijken")),
    )
    by_category = _late_rows(
        ((main_of[c], n, late, late_3x) for _d, c, n, late, late_3x in counts), names, ""
    )
    return by_district, by_category


def late_by_district(*, now: dt.datetime | None = None) -> list[LateRow]:
    return late_overview(now=now)[0]


def late_by_main_category(*, now: dt.datetime | None = None) -> list[LateRow]:
    return late_overview(now=now)[1]


def unrouted_reports(*, limit: int = 10) -> list[Report]:
    """The coordinators' queue, most urgent first."""
    reports = Report.objects.filter(open_only(), owner__isnull=True).order_by("deadline", "id")
    return list(report_list_fields(reports)[:limit])


def report_detail(*, number: str) -> Report | None:
    return (
        Report.objects.select_related(
            "category",
            "category__parent",
            "district",
            "neighbourhood",
            "owner",
            "owner_team",
            "parent",
            "duplicate_of",
        )
        .defer(
            "district__geometry",
            "district__description",
            "neighbourhood__geometry",
        )
        .filter(number=normalise_number(number))
        .first()
    )


def report_history(*, report: Report) -> QuerySet[ReportEvent]:
    return report.events.select_related("actor").order_by("time", "id")


def report_contact(*, report: Report) -> ReporterContact | None:
    return ReporterContact.objects.filter(report=report).first()


def routing_reason(*, report: Report) -> str:
    """The explanation of the latest routing decision in the history (empty if none)."""
    event = (
        report.events.filter(kind=EventKind.OWNER).exclude(text="").order_by("-time", "-id").first()
    )
    return event.text if event else ""


@dataclass
class NearbyReport:
    """Another report of the same category close by: what the report page lists about it."""

    number: str
    status: str
    reported_at: dt.datetime
    text: str
    lat: float
    lon: float
    distance_m: float
    likely_duplicate: bool

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)


def nearby_reports(
    *,
    report: Report,
    radius_m: float | None = None,
    weeks: int = 12,
    now: dt.datetime | None = None,
) -> list[NearbyReport]:
    """Reports of the same category within `radius_m` over the last `weeks`: likely duplicates
    first, then the nearest. The H3 cells around the report's cell preselect through the
    (category, h3_cell) index; the exact distance decides."""
    radius_m = radius_m if radius_m is not None else settings_radius()
    now = now or timezone.now()
    candidates = (
        Report.objects.filter(
            category_id=report.category_id,
            h3_cell__in=k_ring_for_radius(report.h3_cell, radius_m),
            reported_at__gte=now - dt.timedelta(weeks=weeks),
        )
        .exclude(pk=report.pk)
        .values_list("number", "status", "reported_at", "text", "lat", "lon")
    )
    found = []
    for number, status, reported_at, text, lat, lon in candidates:
        distance = distance_m(report.lat, report.lon, lat, lon)
        if distance > radius_m:
            continue
        hours = abs((reported_at - report.reported_at).total_seconds()) / 3600
        duplicate = is_likely_duplicate(
            distance_m=distance, hours_apart=hours, other_open=status in OPEN_STATES
        )
        found.append(NearbyReport(number, status, reported_at, text, lat, lon, distance, duplicate))
    return sorted(found, key=lambda n: (not n.likely_duplicate, n.distance_m))


def settings_radius() -> float:
    return float(getattr(settings, "REPORTS_NEARBY_RADIUS_M", 50))


def saved_filter_list(*, user) -> QuerySet[SavedFilter]:
    return SavedFilter.objects.filter(user=user).order_by("name")


def public_point(report: Report) -> tuple[float, float]:
    """Where public outputs put a report: the spot, rounded to about a metre, or for a sensitive
    category the centre of its buurt (DESIGN rule 5). Needs category and neighbourhood loaded."""
    hood = report.neighbourhood
    if report.category.is_sensitive and hood is not None and hood.centroid_lat is not None:
        return round(hood.centroid_lat, 5), round(hood.centroid_lon, 5)
    return round(report.lat, 5), round(report.lon, 5)


PUBLIC_MAP_LIMIT = 5000


def public_open_reports(*, limit: int = PUBLIC_MAP_LIMIT) -> list[Report]:
    """Open reports of public categories for the public map, newest first: no text, no contact."""
    open_values = [s.value for s in OPEN_STATES]
    return list(
        Report.objects.filter(status__in=open_values, category__is_public=True)
        .select_related("category", "neighbourhood")
        .only(
            "lat",
            "lon",
            "status",
            "reported_at",
            "category__name",
            "category__public_name",
            "category__is_sensitive",
            "neighbourhood__centroid_lat",
            "neighbourhood__centroid_lon",
        )
        .order_by("-reported_at")[:limit]
    )


def public_open_counts() -> list[dict]:
    """Open reports of public categories per wijk (for the table beside the public map)."""
    open_values = [s.value for s in OPEN_STATES]
    return list(
        Report.objects.filter(status__in=open_values, category__is_public=True)
        .values("district__name")
        .annotate(count=Count("id"))
        .order_by("district__name")
    )
