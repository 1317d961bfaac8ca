"""What happened to one file of a run, and the guard that makes any failure an outcome.

One bad file never stops the others: :func:`guarded` turns every failure of one file's
work (but a configuration error, which would fail every file alike) into its outcome.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from teikit.diagnostics import (
    ConfigError,
    Diagnostic,
    OutputError,
    Severity,
    TeikitError,
    WriteError,
)


@dataclass
class Outcome:
    """What happened to one file: ``valid``, ``invalid`` (it has errors, or warnings under
    ``--strict``), ``refused`` (an output would have replaced someone's file) or
    ``failed`` (it could not be read or written)."""

    source: Path
    status: str = "valid"
    outputs: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    data: bytes | None = None
    """The output, when it goes to stdout instead of a file."""
    exit_code: int = 0
    """The CLI's exit status for this file alone (2: an output could not be written)."""
    unruled: Counter[str] = field(default_factory=Counter)
    """Export: the elements rendered without a rule of their own, with counts."""

    def __post_init__(self) -> None:
        if self.status != "valid" and not self.exit_code:
            self.exit_code = 1

    def fail(self, status: str, exit_code: int = 1) -> None:
        self.status, self.exit_code = status, max(self.exit_code, exit_code)


_LOCATED = re.compile(r"(?:(\d+):(\d+): )?(.*)", re.DOTALL)


def failure(source: Path, exc: BaseException, code: str) -> Diagnostic:
    """One error diagnostic for a file that failed as a whole (teikit's own errors say
    ``path:line:column: reason`` or ``path: reason``; the location is kept apart)."""
    if not isinstance(exc, TeikitError):
        return Diagnostic(str(source), 0, 0, Severity.ERROR, code,
                          f"internal error: {type(exc).__name__}: {exc}")
    message, prefix = str(exc), f"{source}:"
    if not message.startswith(prefix):
        return Diagnostic(str(source), 0, 0, Severity.ERROR, code, message)
    found = _LOCATED.match(message[len(prefix):].lstrip())
    assert found is not None  # the pattern matches any text
    line, column = int(found[1] or 0), int(found[2] or 0)
    return Diagnostic(str(source), line, column, Severity.ERROR, code, found[3])


def guarded(source: Path, work: Callable[[Outcome], None]) -> Outcome:
    """Run one file's ``work``; any failure but a configuration error becomes its outcome."""
    outcome = Outcome(source)
    try:
        work(outcome)
    except ConfigError:
        raise
    except WriteError as exc:
        outcome.fail("failed", 2)
        outcome.diagnostics.append(failure(source, exc, "TK003"))
    except OutputError as exc:
        outcome.fail("refused")
        outcome.diagnostics.append(failure(source, exc, "TK004"))
    except TeikitError as exc:
        outcome.fail("failed")
        outcome.diagnostics.extend(exc.diagnostics or [failure(source, exc, "TK000")])
    except Exception as exc:  # one file's bug must not stop the batch
        outcome.fail("failed")
        outcome.diagnostics.append(failure(source, exc, "TK999"))
    return outcome
