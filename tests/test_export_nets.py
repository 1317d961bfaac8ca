"""Trees, graphs (TEI nets) and declarations of characters (TEI gaiji) printed in a text
render as the TEI means them: on the page a tree as nested lists, a graph a block of
lines; in the reading text a tree a line, its nodes apart by spaces; a character's
declaration a line of its name, mappings and properties. No element of them is left
without a rule."""

from __future__ import annotations

import lxml.html

from teikit.exporter import ExportOptions
from teikit.exporter.formats import render
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Sea Lanes'
            "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
            "<p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>Before.</p>"
            "<forest><eTree><label>S</label><eTree><label>NP</label><eLeaf><label>ferries"
            "</label></eLeaf></eTree><triangle><label>VP</label><eLeaf><label>sail late"
            "</label></eLeaf></triangle></eTree></forest>"
            '<tree><root xml:id="r" children="#l1"><label>top</label></root><leaf '
            'xml:id="l1" parent="#r"><label>bottom</label></leaf></tree>'
            '<graph><label>Harbours</label><node xml:id="n1"><label>Dover</label></node>'
            '<node xml:id="n2"><label>Calais</label></node><arc from="#n1" to="#n2"/>'
            '<arc from="#n2" to="#n1"><label>return</label></arc></graph>'
            '<charDecl><glyph xml:id="dipunct"><glyphName>DIPUNCT</glyphName><mapping '
            'type="standard">⁚</mapping><localProp name="entity" value="dipunct"/></glyph>'
            "<char><charName>A WITH RING</charName><mapping>å</mapping></char></charDecl>"
            "<p>Tree in a line: <eTree><label>root</label><eLeaf><label>leaf</label></eLeaf>"
            "</eTree>.</p></body></text></TEI>").encode()


def test_trees_graphs_and_characters_have_rules_and_nest() -> None:
    rendered = render(parse_bytes(DOCUMENT), ExportOptions(to="html"))
    assert not rendered.unruled
    page = lxml.html.document_fromstring(rendered.data)
    leaves = page.xpath("//article//ul[@class='tree']/li[@class='eTree']/ul/li/ul/"
                        "li[@class='eLeaf']")
    assert [leaf.text_content() for leaf in leaves] == ["ferries", "sail late"]
    assert [li.text_content() for li in page.xpath("//article//ul[@class='tree']"
                                                   "/li[@id]")] == ["top", "bottom"]
    assert page.xpath("string(//article//div[@class='arc'])") == "n1 → n2"
    glyph = page.xpath("//article//div[@class='glyph']")[0].text_content()
    assert glyph == "DIPUNCT; standard: ⁚; entity: dipunct"
    inline = page.xpath("//article//p[contains(., 'Tree in a line')]")[0]
    assert not inline.xpath(".//ul | .//li")  # spans set apart as blocks in a paragraph


def test_the_reading_text_gives_a_line_per_node_and_character() -> None:
    rendered = render(parse_bytes(DOCUMENT), ExportOptions(to="text", view="reading"))
    assert not rendered.unruled
    text = rendered.data.decode()
    assert "S NP ferries VP sail late\n\ntop\nbottom\n\nHarbours\nDover\nCalais\n" \
        "return\n\nDIPUNCT ⁚\nA WITH RING å\n\nTree in a line: root leaf.\n" in text
