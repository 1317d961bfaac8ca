"""One value type for every problem teikit reports, from any stage.

Encoders, validators and exporters all yield :class:`Diagnostic` values; reporters format
them and the CLI derives its exit code from the worst :class:`Severity` it saw.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a problem is; ordered so that ``max()`` gives the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A located problem: ``file:line:column: severity code message``.

    ``line`` and ``column`` are 1-based; 0 means "unknown". ``xpath`` locates the node in
    a TEI document when the problem concerns one; ``url`` points at documentation (for
    example the element's page in the TEI Guidelines).
    """

    file: str = field(compare=True)
    line: int = 0
    column: int = 0
    severity: Severity = Severity.ERROR
    code: str = ""
    message: str = ""
    xpath: str | None = field(default=None, compare=False)
    source: str | None = field(default=None, compare=False)
    url: str | None = field(default=None, compare=False)
    document: str | None = field(default=None, compare=False)
    """The validated file, when the problem lies in content it includes (XInclude) from
    ``file``; ``included_line`` is the line of the ``xi:include`` in it."""
    included_line: int = field(default=0, compare=False)
    hint: str | None = field(default=None, compare=False)
    """A short way on ("use `l`, or close the `lg` first"), when one is known."""

    @property
    def in_document(self) -> str:
        """The file that was checked: ``document`` for included content, else ``file``."""
        return self.document or self.file

    @property
    def location(self) -> str:
        """``file:line:column`` (line and column omitted when unknown)."""
        parts = [self.file or "<input>"]
        if self.line:
            parts.append(str(self.line))
            parts.append(str(self.column or 1))
        return ":".join(parts)

    @property
    def full_message(self) -> str:
        """The message, followed by the hint and where included content came in."""
        message = f"{self.message} (hint: {self.hint})" if self.hint else self.message
        if self.document:
            return f"{message} (included by {self.document}:{self.included_line})"
        return message

    def __str__(self) -> str:
        return f"{self.location}: {self.severity} {self.code} {self.full_message}"


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The highest severity among ``diagnostics``, or ``None`` when there are none."""
    return max((d.severity for d in diagnostics), default=None)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


class TeikitError(Exception):
    """Base class of the errors teikit raises; carries the diagnostics that explain it."""

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)


class InputError(TeikitError):
    """A file teikit was asked to read cannot be read or decoded."""


class OutputError(TeikitError):
    """An output cannot be written without putting a user's file at risk."""


class WriteError(OutputError):
    """The operating system refused to write an output (permissions, a full disk…): the
    CLI's exit status 2."""


class ConfigError(TeikitError):
    """A profile, schema choice or option is wrong (CLI exit code 2)."""
