"""A large transcript's encoding holds each intermediate stage only as long as it is needed:
the layout's model tree (as large as the TEI tree built from it) and the transcript's
lines are let go once the ``<text>`` is built, before the header and the declarations add
their own memory."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from teikit.encoder import encode_text, run
from teikit.encoder.model import Container
from teikit.encoder.source import Line

LETTER = """\
Ministry of Foreign Affairs
Budapest, 3 April 1962

Dear Sir,

The delegation arrived on Tuesday and was received by the Deputy Minister.
A second meeting is planned for the end of the month.

Yours faithfully,
K. Balla
"""


def _alive(kind: type) -> int:
    gc.collect()
    return sum(isinstance(found, kind) for found in gc.get_objects())


def test_model_tree_and_lines_are_let_go_before_the_header(monkeypatch: pytest.MonkeyPatch) -> None:
    alive: list[tuple[int, int]] = []
    header = run.tei_header

    def counting(*args: Any, **kwargs: Any) -> Any:
        alive.append((_alive(Container), _alive(Line)))
        return header(*args, **kwargs)

    monkeypatch.setattr(run, "tei_header", counting)
    result = encode_text(LETTER * 20, name="letters.txt")
    assert result.tree.getroot() is not None
    assert alive == [(0, 0)]  # no model container, no line of the transcript

