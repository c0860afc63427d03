"""The status transition table."""

from __future__ import annotations

import pytest

from openhandhaving.reports.choices import END_STATES, TRANSITIONS, Status, can_transition

S = Status


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        pytest.param(S.NEW, S.ACCEPTED, True, id="a new report can be accepted"),
        pytest.param(S.NEW, S.DONE, True, id="a new report can be closed at once"),
        pytest.param(S.NEW, S.REOPENED, False, id="a new report cannot be reopened"),
        pytest.param(
            S.WAITING_FOR_REPORTER,
            S.IN_PROGRESS,
            True,
            id="the reporter's answer puts it back in progress",
        ),
        pytest.param(
            S.FORWARDED,
            S.WAITING_FOR_REPORTER,
            False,
            id="a forwarded report does not wait for the reporter",
        ),
        pytest.param(S.DONE, S.IN_PROGRESS, False, id="a closed report must be reopened first"),
        pytest.param(S.DONE, S.REOPENED, True, id="a closed report can be reopened"),
        pytest.param(S.DONE, S.REOPEN_REQUESTED, True, id="an unhappy reporter can ask to reopen"),
        pytest.param(S.REOPEN_REQUESTED, S.REOPENED, True, id="a reopen request can be granted"),
        pytest.param(S.REOPEN_REQUESTED, S.DONE, True, id="a reopen request can be refused"),
        pytest.param(S.CANCELLED, S.DONE, False, id="a cancelled report is not closed as done"),
        pytest.param(S.REOPENED, S.IN_PROGRESS, True, id="a reopened report is worked on again"),
    ],
)
def test_transitions(current, target, allowed):
    assert can_transition(current, target) is allowed


def test_every_status_has_a_row_and_no_status_moves_to_itself():
    assert set(TRANSITIONS) == set(Status)
    assert all(status not in targets for status, targets in TRANSITIONS.items())


def test_end_states_only_lead_to_reopening():
    for status in END_STATES:
        assert TRANSITIONS[status] <= {S.REOPENED, S.REOPEN_REQUESTED}
