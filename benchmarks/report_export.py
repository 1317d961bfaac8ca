"""Where the export stands on real TEI: every file of ``../shared/corpus/tei-real`` (the
manifest's test documents) and of FRUS, exported as a user would
(``teikit export FILE --no-validate``) to HTML and to both text views.

Run from the repository root (needs ../shared)::

    python benchmarks/report_export.py            # the summary
    python benchmarks/report_export.py --files    # and every file that falls short
    python benchmarks/report_export.py DIR ...    # any TEI instead, a corpus per folder

It prints, per corpus:

1. files that failed to export in some view (a traceback would count as one too);
2. the share of the words of ``text`` (minus what the reading policy omits, as
   ``tests/test_export_text.py`` counts them) that the reading text keeps (*text*, held at
   99 % per file by that test) and that the reading page shows (*html*, where a word broken
   at a line end, ``lb break="no"``, counts as its two parts, one on each line): median,
   files under 95 % and under 99 %;
3. each structure the page must render (:data:`STRUCTURES`): the files that have it in
   their ``text``, and those whose page renders fewer of them than the source holds;
4. the elements rendered without a rule of their own (``teikit export --report``), summed.
"""

from __future__ import annotations

import argparse
import copy
import re
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_export_text import CORPUS, WORD, coverage, expected_words, load

import teikit
from teikit.exporter.documentary import with_text
from teikit.exporter.entities import with_characters
from teikit.exporter.html.toc import MANY_ENTRIES, MIN_CHARACTERS, MIN_ENTRIES
from teikit.exporter.spans import with_spans
from teikit.exporter.text.writer import LINE_END_HYPHENS, continues_word
from teikit.exporter.tokens import joined
from teikit.exporter.unnamespaced import as_tei
from teikit.tei import parse_bytes

LEIDEN = re.compile(r"[()\[\]⟨⟩⟦⟧{}]")
BR = "\ue000"  # a private-use character: no page has it
LINE_END_HYPHEN = re.compile(rf"[{''.join(LINE_END_HYPHENS)}]\s*{BR}\s*")
PLAIN_HYPHEN = re.compile(rf"(?<=[^\W\d_])[-\u2010]\s*{BR}\s*(?=(\S*))")
NS = {"t": "http://www.tei-c.org/ns/1.0"}
VIEWS = (("html", "reading"), ("text", "reading"), ("text", "transcript"))


def klass(name: str) -> str:
    return f"contains(concat(' ', @class, ' '), ' {name} ')"


BLOCK_TEST = [klass("blk"), *(f"self::{tag}" for tag in (
    "div", "p", "li", "dt", "dd", "section", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
    "th", "caption", "blockquote", "br", "figcaption", "pre", "math", "sup"))]

STRUCTURES: dict[str, tuple[str, str]] = {
    # name: (count in the TEI text, count on the HTML page)
    "1 ptr linked": ("//t:text//t:ptr[@target or @cRef]", f"//article//*[{klass('ptr')}]"),
    "3 verse lines (l)": ("//t:text//t:l", f"//article//*[{klass('l')}]"),
    "4 q/quote/said set off": (
        "//t:text//t:q | //t:text//t:said | //t:text//t:quote[not(ancestor::t:entry"
        " or ancestor::t:entryFree or ancestor::t:superEntry)]",  # a translation: a phrase
        f"//article//q | //article//blockquote | //article//*[{klass('quoted')}]"
        f" | //article//*[{klass('said')}]"),
    "6 speakers": ("//t:text//t:speaker", f"//article//*[{klass('speaker')}]"),
    "7 cast items": ("//t:text//t:castItem", "//article//ul[@class='cast']//li"
                     " | //article//ul[@class='cast']//li//li"),
    "8 stanzas (lg)": ("//t:text//t:lg", f"//article//*[{klass('lg')}]"),
    "9 label+item lists": ("//t:text//t:list[t:label]",
                           f"//article//dl | //article//*[{klass('items')}][{klass('gloss')}]"),
    "10 hi without @rend": (
        "//t:text//t:hi[not(@rend) and not(@rendition) and not(@style)]",
        "//article//em[@class='hi']"),
    "source descriptions (msDesc)": (
        "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc//t:msDesc[not(ancestor::t:msDesc)]",
        "//article//section[@class='source-description']"),
    "standOff registers": (
        "/t:TEI/t:standOff/*[self::t:listPerson or self::t:listPlace or self::t:listOrg"
        " or self::t:listEvent or self::t:listBibl or self::t:listNym or self::t:listObject]",
        "//article/section[@class='registers']/*"),
    "tables": ("//t:text//t:table", f"//article//table | //article//*[{klass('table')}]"),
    "figures": ("//t:text//t:figure", f"//article//figure | //article//*[{klass('figure')}]"),
    "title pages": ("//t:text//t:titlePage", f"//article//*[{klass('titlePage')}]"),
    "teiCorpus members": ("/t:teiCorpus/t:TEI", "//article/section[@class='member']"),
    "EpiDoc line numbers": ("//t:div[@type='edition']//t:lb[@n]",
                            f"//article//*[{klass('div-edition')}]//*[{klass('lnum')}]"),
    "EpiDoc underdots": ("//t:div[@type='edition']//t:unclear",
                         f"//article//*[{klass('underdot')}]"),
    "EpiDoc apparatus keyed to lines": ("//t:div[@type='apparatus']//t:app[@loc]",
                                        "//article//a[@class='app-loc']"),
    "documentary lines (sourceDoc)": ("//t:text//t:sourceDoc//t:line",
                                      f"//article//*[{klass('line')}]"),
    "ruby glosses": ("//t:text//t:ruby[t:rt]", "//article//ruby[rt]"),
    "endnote calls (note/@target)": (
        "//t:text//t:div/t:note[starts-with(@target, '#')]"
        "[substring(@target, 2) = //t:text//@xml:id]",
        f"//article//sup[{klass('note-call')}]"),
}
"""Ranked items of issue 9 (by number) and the other structures it names."""


@dataclass
class FileReport:
    corpus: str
    name: str
    failed: list[str] = field(default_factory=list)
    shares: dict[str, float] = field(default_factory=dict)
    short: dict[str, tuple[int, int]] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    unruled: Counter[str] = field(default_factory=Counter)


def corpus_of(path: Path) -> str:
    """The corpus a file belongs to: its folder under tei-real, FRUS, or its own folder."""
    parts = path.parts
    if "tei-real" in parts:
        return parts[parts.index("tei-real") + 1]
    return "frus" if "frus" in parts else path.parent.name


def share(expected: Counter[str], text: str) -> float:
    """The share of the ``expected`` words found in ``text``."""
    total = sum(expected.values())
    return sum((expected & Counter(WORD.findall(text))).values()) / total if total else 1.0


def page_words(page: lxml.html.HtmlElement) -> str:
    """The text of the page's article as a reader sees it in the reading view: blocks
    apart, without the line numbers, the gaps' badges (the reading text leaves gaps out)
    and what only the editorial view shows (the Leiden brackets and their ``?``); once as
    it is and once without the brackets left inside words (``D(is) m(anibus)``)."""
    article = copy.deepcopy(page.xpath("//article")[0])
    for hidden in article.xpath(f".//*[{klass('lnum')} or {klass('ed-only')}]"):
        hidden.drop_tree()
    for badge in article.xpath(f".//*[{klass('gap')}]"):  # a pill apart, as a word
        badge.tail = " " + (badge.tail or "")
        badge.drop_tree()
    for block in article.xpath(f".//*[{' or '.join(BLOCK_TEST)}]"):
        block.tail = " " + (block.tail or "")
        block.text = " " + (block.text or "")
    for br in article.iter("br"):  # a line break of the source (lb): marked for the joins
        br.tail = BR + (br.tail or "")
    text = LINE_END_HYPHEN.sub("", article.text_content())  # the reading text joins them
    text = PLAIN_HYPHEN.sub(lambda m: "" if continues_word(m.group(1)) else m.group(0), text)
    text = text.replace(BR, " ")
    return f"{text} {LEIDEN.sub('', text)}"


def as_lines(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of ``tree`` whose line breaks inside a word (``lb break="no"``) are plain ones:
    the page keeps the source's lines, so such a word shows in two parts, one on each line
    (as an edition of an inscription prints it); the reading text joins them."""
    lines = copy.deepcopy(tree)
    for lb in lines.getroot().iter(f"{{{NS['t']}}}lb"):
        if lb.get("break") == "no" or lb.get("type") == "inWord":
            lb.attrib.pop("break", None)
            lb.attrib.pop("type", None)
    return lines


def counted(tree: etree._ElementTree, page: lxml.html.HtmlElement, report: FileReport
            ) -> None:
    """Each of :data:`STRUCTURES`: short when the page has fewer than the source."""
    for name, (source, rendered) in STRUCTURES.items():
        have = len(tree.getroot().xpath(source, namespaces=NS))
        if have:
            report.present.add(name)
            made = len(page.xpath(rendered))
            if made < have:
                report.short[name] = (made, have)


def contents(tree: etree._ElementTree, page: lxml.html.HtmlElement, report: FileReport
             ) -> None:
    """A long document (as :mod:`teikit.exporter.html.toc` defines it) has its contents."""
    name = "2 contents of a long document"
    heads = len(tree.getroot().xpath("//t:text//t:div[t:head]", namespaces=NS))
    chars = sum(len(t) for t in tree.getroot().xpath("//t:text//text()", namespaces=NS))
    if heads >= MANY_ENTRIES or (heads >= MIN_ENTRIES and chars >= MIN_CHARACTERS):
        report.present.add(name)
        if not page.xpath("//nav[@class='toc']"):
            report.short[name] = (0, 1)


def note_numbers(tree: etree._ElementTree, page: lxml.html.HtmlElement, report: FileReport
                 ) -> None:
    """Every note's own ``@n`` is the number of a note call on the page."""
    name = "5 notes keep their @n"
    have = Counter(tree.getroot().xpath("//t:text//t:note/@n", namespaces=NS))
    if have:
        report.present.add(name)
        made = Counter(page.xpath(f"//article//sup[{klass('fn-call')}]/a/text()"))
        if have - made:
            report.short[name] = (have.total() - (have - made).total(), have.total())


CHECKS = (counted, contents, note_numbers)


def examine(path: Path) -> FileReport:
    report = FileReport(corpus_of(path), str(path.name))
    outputs: dict[tuple[str, str], bytes] = {}
    for to, view in VIEWS:
        result = teikit.export_file(path, teikit.ExportOptions(to=to, view=view,
                                                                validate=False))
        if result.data is None:
            codes = {d.code for d in result.diagnostics}
            report.failed.append(f"{to}/{view}: {', '.join(sorted(codes))}")
            continue
        outputs[(to, view)] = result.data
        if to == "html":
            report.unruled = result.unruled
    if len(outputs) < len(VIEWS):
        return report
    tree = source_tree(path)
    tree = as_tei(tree) or tree  # TEI without its namespace is rendered as TEI
    tree = with_text(tree) or tree  # and a transcription in sourceDoc as its text
    report.shares["text"] = coverage(tree)[0]
    page = lxml.html.document_fromstring(outputs[("html", "reading")])
    spanned = joined(with_spans(tree) or tree)  # a delSpan's range is deleted text; tokens
    report.shares["html"] = share(expected_words(as_lines(spanned)), page_words(page))
    for check in CHECKS:
        check(tree, page, report)
    return report


def source_tree(path: Path) -> etree._ElementTree:
    """The document as the export read it: its undeclared entities rewritten when it names
    some (:mod:`teikit.exporter.entities`)."""
    try:
        return load(path)
    except etree.XMLSyntaxError:
        rewritten = with_characters(path.read_bytes())
        if rewritten is None:
            raise
        return parse_bytes(rewritten.data)


def rank(name: str) -> tuple[int, str]:
    """Issue 9's ranked items by their number, then the others by name."""
    number = name.split()[0]
    return (int(number) if number.isdigit() else 99, name)


def summary(reports: list[FileReport], files: bool) -> None:
    by_corpus: dict[str, list[FileReport]] = defaultdict(list)
    for report in reports:
        by_corpus[report.corpus].append(report)
    print(f"{len(reports)} files")
    print(f"{'corpus':<24}{'files':>6}{'failed':>7}  " + "  ".join(
        f"{m + ' median, <95, <99':>24}" for m in ("text", "html")))
    for corpus, group in sorted(by_corpus.items()):
        cells = []
        for measure in ("text", "html"):
            shares = [r.shares[measure] for r in group if measure in r.shares]
            cells.append(f"{statistics.median(shares):>12.1%} {sum(s < .95 for s in shares):>5}"
                         f" {sum(s < .99 for s in shares):>5}")
        failed = sum(bool(r.failed) for r in group)
        print(f"{corpus:<24}{len(group):>6}{failed:>7}  " + "  ".join(cells))
    print(f"\n{'structure':<32}{'files with it':>14}{'rendered short':>16}")
    for name in sorted({name for r in reports for name in r.present}, key=rank):
        have = sum(name in r.present for r in reports)
        short = [r for r in reports if name in r.short]
        print(f"{name:<32}{have:>14}{len(short):>16}")
        for r in short if files else []:
            print(f"    {r.corpus}/{r.name}: {r.short[name][0]} of {r.short[name][1]}")
    unruled: Counter[str] = Counter()
    for r in reports:
        unruled.update(r.unruled)
    print("\nrendered without a rule of their own (summed): " + ", ".join(
        f"{name} {count}" for name, count in unruled.most_common(25)))
    for r in reports:
        if r.failed or (files and r.shares.get("text", 1) < .99):
            print(f"  {r.corpus}/{r.name}: {r.failed or r.shares}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", action="store_true", help="list the files that fall short")
    parser.add_argument("paths", nargs="*", type=Path,
                        help="folders of TEI (*.xml, *.tei) to report on instead")
    args = parser.parse_args()
    files = [f for folder in args.paths for f in sorted(folder.rglob("*"))
             if f.suffix in {".xml", ".tei"}] if args.paths else CORPUS
    if not files:
        print("needs ../shared/corpus or a folder of TEI", file=sys.stderr)
        return 2
    summary([examine(path) for path in files], args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
