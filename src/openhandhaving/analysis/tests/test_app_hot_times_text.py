"""Peak times from the (Dutch, pure) core read in the page's language."""

from __future__ import annotations

from django.utils import translation

from openhandhaving.analysis.templatetags.analysis_tags import hot_times


def test_peak_times_in_english_and_unchanged_in_dutch():
    text = "ma–vr 08:00–08:45 en 14:00–15:15; di en do 22:00–23:00"
    with translation.override("en"):
        assert hot_times(text) == "Mon–Fri 08:00–08:45 and 14:00–15:15; Tue and Thu 22:00–23:00"
        assert hot_times("geen duidelijke piektijden") == "no clear peak times"
    with translation.override("nl"):
        assert hot_times(text) == text
