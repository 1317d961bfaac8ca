"""The HTML page's generated ids and footnote keys: unique, the smallest free suffix, and
the same whatever other ids were taken in between (the page keeps what it has handed out
instead of counting again for every note)."""

from __future__ import annotations

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from teikit.exporter.html import to_html
from teikit.exporter.html.render import Shared
from teikit.tei import parse_bytes

BASES = ("fn-1", "fn-a", "fnref-1", "fn-1-2")


def _smallest_free(ids: set[str], base: str) -> str:
    """The id a page hands out for ``base``: itself, else the first ``base-N`` not taken."""
    candidate, n = base, 1
    while candidate in ids:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@given(st.lists(st.tuples(st.booleans(), st.sampled_from(BASES), st.integers(2, 6)),
                max_size=40))
def test_unique_id_is_the_smallest_free_one(steps: list[tuple[bool, str, int]]) -> None:
    shared, taken = Shared(), set()
    for ask, base, suffix in steps:
        if ask:
            expected = _smallest_free(taken, base)
            assert shared.unique_id(base) == expected
            taken.add(expected)
        else:  # an id taken from the document itself, between two requests
            shared.ids.add(f"{base}-{suffix}")
            taken.add(f"{base}-{suffix}")


def _notes(count: int) -> bytes:
    notes = "".join('<p>Word<note n="1">one</note> and<note>lettered</note>.</p>'
                    for _ in range(count))
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            f'<title>T</title></titleStmt><publicationStmt><p/></publicationStmt>'
            f'<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>{notes}'
            f'</body></text></TEI>').encode()


def test_many_notes_of_one_number_get_distinct_ids_and_letters_in_order() -> None:
    page = lxml.html.fromstring(to_html(parse_bytes(_notes(30))))
    calls = page.xpath("//sup[contains(@class, 'fn-call')]/a")
    numbered = [a.get("id") for a in calls if a.text == "1"]
    assert numbered == ["fnref-1"] + [f"fnref-1-{n}" for n in range(2, 31)]
    lettered = [a.text for a in calls if a.text != "1"]
    assert lettered[:3] == ["a", "b", "c"] and len(set(lettered)) == 30
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
