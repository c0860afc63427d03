"""The analysis core is pure: it imports neither Django nor the rest of the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "core"


def test_the_core_runs_without_django():
    modules = sorted(p.stem for p in CORE.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys\n"
        + "".join(f"import openhandhaving.analysis.core.{m}\n" for m in modules)
        + "bad = sorted(n for n in sys.modules if n.split('.')[0] == 'django' "
        "or n.startswith(('openhandhaving.reports', 'openhandhaving.areas', "
        "'openhandhaving.core.', 'openhandhaving.team')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert modules, "no core modules found"
    assert result.stdout.strip() == ""
