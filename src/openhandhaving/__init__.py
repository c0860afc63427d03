"""Open Handhaving: the work platform for Dutch municipal enforcement teams."""

__version__ = "0.1.0"
