"""Analysis (informatiegestuurd werken): hotspots, hot times, forecasts, trends and effects.

`analysis.core` is pure Python (numpy, scipy) without Django; the rest of the app feeds it from
the database and shows the results.
"""
