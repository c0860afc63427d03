"""Split a report into actions (own page) and link or unlink duplicates (on the report's page)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openhandhaving.reports.exceptions import ConcurrentEditError, ReportRuleError
from openhandhaving.reports.forms_relations import ActionFormSet, SplitVersionForm
from openhandhaving.reports.models import Report
from openhandhaving.reports.services.relations import (
    MAX_ACTIONS,
    ActionSpec,
    report_find,
    report_link_duplicate,
    report_split,
    report_unlink_duplicate,
)
from openhandhaving.reports.views_detail import report_or_404, run_action

DEFAULT_ROWS = 3


def _rows(request: HttpRequest, report: Report) -> int:
    """How many empty rows to show: ?rijen=N, within what the report may still get."""
    room = max(1, MAX_ACTIONS - report.children.count())
    try:
        wanted = int(request.GET.get("rijen", DEFAULT_ROWS))
    except ValueError:
        wanted = DEFAULT_ROWS
    return max(1, min(wanted, room))


@login_required
@permission_required("reports.change_report", raise_exception=True)
def split(request: HttpRequest, number: str) -> HttpResponse:
    report = report_or_404(number)
    existing = list(report.children.select_related("category", "owner", "owner_team"))
    problem = ""
    if request.method == "POST":
        version_form = SplitVersionForm(request.POST)
        formset = ActionFormSet(request.POST, prefix="actie")
        if version_form.is_valid() and formset.is_valid():
            specs = [
                ActionSpec(category=form.cleaned_data["category"], text=form.cleaned_data["text"])
                for form in formset.forms
                if form.filled
            ]
            try:
                children = report_split(
                    report=report,
                    actor=request.user,
                    actions=specs,
                    expected_version=version_form.cleaned_data["version"],
                )
            except (ReportRuleError, ConcurrentEditError) as error:
                problem = error.message
            else:
                messages.success(
                    request,
                    _("Gesplitst in %(count)s actie(s): %(numbers)s.")
                    % {"count": len(children), "numbers": ", ".join(c.number for c in children)},
                )
                return redirect(f"{reverse('reports:detail', args=[report.number])}#acties")
        else:
            problem = " ".join(formset.non_form_errors()) or _(
                "Niet gesplitst. Kijk bij de acties wat er nog niet klopt."
            )
    else:
        version_form = SplitVersionForm(initial={"version": report.version})
        formset = ActionFormSet(prefix="actie", initial=[{}] * _rows(request, report))
    return render(
        request,
        "reports/split.html",
        {
            "report": report,
            "existing": existing,
            "version_form": version_form,
            "formset": formset,
            "problem": problem,
            "room": MAX_ACTIONS - len(existing),
            "more_rows": min(len(formset.forms) + 3, MAX_ACTIONS - len(existing)),
        },
        status=400 if problem else 200,
    )


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def link_duplicate(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        main = report_find(data["main"])
        if main is None:
            raise ReportRuleError(
                _("Melding %(number)s bestaat niet. Kijk het nummer na.")
                % {"number": data["main"].strip()},
                field="main",
            )
        report_link_duplicate(
            report=report,
            main=main,
            actor=request.user,
            text=data["text"],
            expected_version=data["version"],
        )
        return _(
            "Gekoppeld als dubbel van %(main)s en afgesloten. Berichten aan de melder van %(main)s "
            "gaan voortaan ook naar deze melder."
        ) % {"main": main.number}

    return run_action(request, number, "duplicate_form", action, anchor="dubbel")


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def unlink_duplicate(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        report_unlink_duplicate(report=report, actor=request.user, expected_version=data["version"])
        return _(
            "De koppeling is verbroken. De melding blijft afgesloten; heropen hem als dat nodig is."
        )

    return run_action(request, number, "unlink_form", action, anchor="dubbel")
