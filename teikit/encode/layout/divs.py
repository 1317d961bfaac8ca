"""The state of one document division while a layout classifies its lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from teikit.encode.layout.units import Spec, Unit


@dataclass
class DivState:
    """One ``div`` being built: its units and what has been seen in it so far."""

    spec: Spec
    has_p: bool = False
    closed: bool = False
    opener: Spec | None = None
    closer: Spec | None = None
    listing: Spec | None = None
    postscript: Spec | None = None
    has_head: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    """The last label used by each sequence kind (``digit``, ``letter``)."""
    units: list[Unit] = field(default_factory=list)

    @property
    def last(self) -> Unit | None:
        """The unit added last, if any."""
        return self.units[-1] if self.units else None

    def at_top(self) -> bool:
        """Whether nothing but heading material has been seen (no paragraph, no closer)."""
        return not self.has_p and self.closer is None and self.listing is None
