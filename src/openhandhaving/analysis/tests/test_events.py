"""Reading events from a CSV: fast for plain ISO times, exact for the rest, clear about errors."""

from __future__ import annotations

import pytest

from openhandhaving.analysis.core.events import EventsError, moment, read_events_csv


def write(tmp_path, text: str):
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_iso_times_offsets_and_decimal_commas(tmp_path):
    events = read_events_csv(
        write(
            tmp_path,
            "time;lat;lon;category\n"
            "2024-03-01T08:15:00+01:00;52,1;5,1;parkeren\n"
            "2024-03-02 23:59;52.2;5.2;\n"
            "2024-03-03;52.3;5.3;afval\n",
        )
    )
    # An offset keeps the clock reading: 08:15 on the street stays 08:15.
    assert [str(moment(t)) for t in events.t] == [
        "2024-03-01 08:15:00",
        "2024-03-02 23:59:00",
        "2024-03-03 00:00:00",
    ]
    assert list(events.lat) == [52.1, 52.2, 52.3]
    assert list(events.category) == ["parkeren", "", "afval"]
    assert list(events.weekday) == [4, 5, 6]  # Friday, Saturday, Sunday


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("gisteren,52.1,5.1", "Regel 3, kolom time: ‘gisteren’ is geen tijd"),
        ("2024-03-01,noord,5.1", "Regel 3, kolom lat: ‘noord’ is geen getal"),
        ("2024-03-01,5.1,200.5", "Regel 3, kolom lon: 200.5 ligt niet tussen -180 en 180"),
        ("2024-03-01,152.1,5.1", "Zijn lat en lon verwisseld?"),
        ("2024-03-01,nan,5.1", "Regel 3, kolom lat: ‘nan’ is geen getal"),
    ],
)
def test_a_bad_row_is_named(tmp_path, line, needle):
    path = write(tmp_path, f"time,lat,lon\n2024-03-01T08:00,52.0,5.0\n{line}\n")
    with pytest.raises(EventsError, match=needle):
        read_events_csv(path)


def test_missing_columns_are_named(tmp_path):
    with pytest.raises(EventsError, match="Kolom ontbreekt: lon"):
        read_events_csv(write(tmp_path, "time,lat,longitude\n2024-03-01,52,5\n"))
