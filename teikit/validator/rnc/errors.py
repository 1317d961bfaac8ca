"""The one error type of the converter, built from located diagnostics."""

from __future__ import annotations

from teikit.diagnostics import ConfigError, Diagnostic


class RncError(ConfigError):
    """A compact-syntax schema that cannot be converted; ``diagnostics`` locate the problems."""


def rnc_error(problems: list[Diagnostic]) -> RncError:
    """An :class:`RncError` whose message is the first problem's (and how many follow)."""
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return RncError(f"{first.location}: {first.message}{more}", problems)
