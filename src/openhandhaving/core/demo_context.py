"""What `openhandhaving demo` hands to each app's demo.generate()."""

from __future__ import annotations

import datetime as dt
import random
import zlib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class DemoContext:
    """Seed, size and shared results of the demo apps that ran before.

    Each app draws from its own random stream (`rng(app)`), so adding data to one app does not
    change what another generates for the same seed.
    """

    seed: int
    size: str = "normal"
    today: dt.date = field(default_factory=dt.date.today)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)

    def rng(self, name: str) -> random.Random:
        return random.Random(self.seed * 1_000_003 + zlib.crc32(name.encode()))
