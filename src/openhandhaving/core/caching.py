"""Per-process copies of rarely changing data (areas, routing rules, roster), kept honest.

Every process (web worker, task worker, command) keeps its own copy and re-reads a cheap version
of the data at most every CACHE_RECHECK_SECONDS (default 2). A change made in this process
clears the copy at once (`clear()`, called by the services and signals that write the data); a
change made in another process is seen within that many seconds. 0 checks on every use.
See docs/adr/0007-per-process-caches-for-intake.md.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from django.conf import settings

T = TypeVar("T")


_every: list[Fresh] = []


def clear_all() -> None:
    """Forget every per-process copy (tests start each case from the database)."""
    for fresh in _every:
        fresh.clear()


def recheck_seconds() -> float:
    return float(getattr(settings, "CACHE_RECHECK_SECONDS", 2))


class Fresh(Generic[T]):
    """A value loaded by `load(version)`, reloaded when `version()` moves.

    `version()` is called at most every recheck_seconds(); `load` runs under a lock, so two
    threads of one process do not load the same data twice.
    """

    def __init__(self, *, version: Callable[[], Hashable], load: Callable[[Hashable], T]):
        self._version = version
        self._load = load
        self._lock = threading.Lock()
        self._state: tuple[Hashable, T, float] | None = None
        _every.append(self)

    def clear(self) -> None:
        self._state = None

    def get(self) -> T:
        state = self._state
        now = time.time()
        if state is not None and now - state[2] < recheck_seconds():
            return state[1]
        version = self._version()
        if state is not None and state[0] == version:
            self._state = (version, state[1], now)
            return state[1]
        with self._lock:
            state = self._state
            if state is not None and state[0] == version:
                return state[1]
            value = self._load(version)
            self._state = (version, value, time.time())
            return value
