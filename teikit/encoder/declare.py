"""What a finished TEI document declares about itself once its ``<text>`` is built: the
language (``xml:lang`` on ``TEI`` and on the passages in another script, see
:mod:`teikit.encoder.passages`; ``langUsage`` in ``profileDesc``) and who every ``@resp``
pointer names (:mod:`teikit.encoder.responsibility`).

:func:`declare` is the encoder's last step: it needs the whole tree (the pointers are in the
text, the declarations in the header). It changes nothing that is already declared, so it
may safely run twice.
"""

from __future__ import annotations

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.encoder import language, names, passages, responsibility
from teikit.encoder.profiles import Profile
from teikit.encoder.source import Transcript
from teikit.tei import E, tei, xml

_BEFORE_PROFILE = ("xenoData",)  # profileDesc comes before these in teiHeader
QUIET_BELOW = 40
"""A transcript of fewer words is given the likeliest language without a warning: a note
of two lines cannot show its language, and a warning on every one would drown the rest."""


def declare(root: etree._Element, transcript: Transcript, profile: Profile) -> list[Diagnostic]:
    """Declare ``root``'s language and responsibilities; a warning (TK140) when the language
    had to be guessed from a transcript of some length that does not show it clearly."""
    header, text = root.find(tei("teiHeader")), root.find(tei("text"))
    if header is None or text is None:
        return []
    responsibility.declare(header, text, profile.people)
    problems: list[Diagnostic] = []
    if root.get(xml("lang")) is None:
        tag, others, problem = choose(transcript, profile)
        root.set(xml("lang"), tag)
        lang_usage(header, [tag, *others, *passages.mark(text)])
        if problem:
            problems.append(Diagnostic(transcript.name, 1, 1, Severity.WARNING, "TK140",
                                       problem))
    names.tidy(header)
    return problems


def choose(transcript: Transcript, profile: Profile) -> tuple[str, tuple[str, ...], str]:
    """The document's language (the profile's or ``--lang``, else detected), the other
    languages seen, and a warning text when detection was unsure ("" otherwise)."""
    detected = language.detect(transcript.text)
    chosen = str(profile.option("lang", "") or "")
    if chosen:
        return chosen, tuple(t for t in detected.others if t != chosen), ""
    if detected.sure or len(transcript.text.split()) < QUIET_BELOW:
        return detected.tag, detected.others, ""
    return detected.tag, detected.others, (
        f"the transcript's language was taken to be {language.name(detected.tag)} "
        f"({detected.tag}) without certainty ({detected.reason}); say which with --lang or "
        "the profile's lang option")


def lang_usage(header: etree._Element, tags: list[str]) -> None:
    """``profileDesc/langUsage`` with one ``language`` per tag (the main one first)."""
    described = header.find(tei("profileDesc"))
    if described is None:
        described = E.profileDesc()
        later = [header.find(tei(name)) for name in _BEFORE_PROFILE]
        anchor = next((found for found in later if found is not None), None)
        if anchor is not None:
            anchor.addprevious(described)
        else:
            header.append(described)
    if described.find(tei("langUsage")) is not None:
        return
    usage = E.langUsage(*[E.language(passages.name(tag), ident=tag)
                          for tag in dict.fromkeys(tags)])
    creation = described.find(tei("creation"))
    if creation is not None:
        creation.addnext(usage)
    else:
        described.insert(0, usage)
