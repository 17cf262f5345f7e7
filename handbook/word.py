"""Handbook pages as Word (.docx) files, made with python-docx.

A model text is meant to be edited by a drafting group, so the file has real headings, numbered and
bulleted lists and tables (not Markdown pasted into paragraphs), and every [bracketed] place to adapt
is highlighted so none is missed. Links inside the handbook become plain references, because a Word
file travels without the app. The page is A4 with a footer that names the page and numbers it, so it
prints as it is.
"""

from __future__ import annotations

import io
import re
from datetime import date

import markdown as md
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

from handbook.library import Handbook
from handbook.links import Link, rewrite_links
from handbook.model import PLACEHOLDER, Chapter, Tool

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = ["tables", "sane_lists"]
_CHECKBOX = re.compile(r"^(\s*[-*]\s+)\[ \]\s+", re.M)
_LIT = re.compile(r"\]\(lit:([^)\s]+)\)")
_INLINE = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code"}
_STYLE_IDS: dict[str, str] = {}
WIDE_TABLE = 6  # columns from which a log prints on landscape pages, where each column stays readable
ADAPT_NOTE = ("Every [bracketed] place is highlighted: replace each with your coalition's own words, "
              "and delete the guidance sections once the text is agreed.")


def page_to_docx(handbook: Handbook, chapter: Chapter) -> bytes:
    """One chapter or tool as a .docx file (bytes), ready to download."""
    doc = _new_document(chapter)
    _text(_paragraph(doc, "Title"), chapter.title)
    _text(_paragraph(doc, "Subtitle"), f"{chapter.caption} · Coalition Handbook, {date.today():%d %B %Y}")
    _text(_paragraph(doc), chapter.summary, frozenset({"italic"}))
    if isinstance(chapter, Tool) and chapter.kind == "model-text":
        _text(_paragraph(doc), ADAPT_NOTE, frozenset({"bold"}))
    _blocks(doc, lxml_html.fragment_fromstring(_to_html(handbook, chapter), create_parent="div"))
    _works_cited(doc, handbook, chapter)
    if any(len(table.columns) >= WIDE_TABLE for table in doc.tables):
        _landscape(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def docx_name(chapter: Chapter) -> str:
    return f"{chapter.slug}.docx"


def _to_html(handbook: Handbook, chapter: Chapter) -> str:
    body = rewrite_links(chapter.body, lambda link: _plain_link(handbook, link))
    return md.markdown(_CHECKBOX.sub(r"\1☐ ", body), extensions=EXTENSIONS, output_format="html")


def _plain_link(handbook: Handbook, link: Link) -> str:
    """A content link as words: the text, plus the page title when the text does not already say it."""
    target = handbook.chapter(link.slug) if link.kind == "chapter" else None
    if target is None or target.title.lower().startswith(link.text.lower()):
        return link.text
    return f"{link.text} (see “{target.title}”)"


def _paragraph(doc: DocxDocument, style: str | None = None) -> Paragraph:
    """A new paragraph in a named style, with the style id looked up once per process.

    python-docx resolves a style name by scanning every style on each call, which made a tool page
    take over half a second; the template is the same for every document, so its ids can be cached.
    """
    paragraph = doc.add_paragraph()
    if style:
        if style not in _STYLE_IDS:
            _STYLE_IDS[style] = doc.styles[style].style_id
        paragraph._p.get_or_add_pPr().style = _STYLE_IDS[style]
    return paragraph


def _new_document(chapter: Chapter) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = chapter.title
    doc.core_properties.subject = _shorten(chapter.summary, 255)  # the format's limit for a property
    doc.core_properties.author = "Coalition Handbook"
    footer = section.footer.paragraphs[0]
    footer.text = f"Coalition Handbook · {chapter.title} · page "
    _page_number(footer)
    return doc


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _landscape(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def _page_number(paragraph: Paragraph) -> None:
    """A PAGE field, which Word and LibreOffice fill in when they lay the document out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _blocks(doc: DocxDocument, parent) -> None:
    """Block elements of the rendered Markdown, in order."""
    for node in parent:
        tag = node.tag
        if tag in ("h1", "h2", "h3", "h4"):
            _runs(_paragraph(doc, f"Heading {min(3, max(1, int(tag[1]) - 1))}"), node)
        elif tag == "p":
            _runs(_paragraph(doc), node)
        elif tag in ("ul", "ol"):
            _list(doc, node, 0)
        elif tag == "table":
            _table(doc, node)
        elif tag == "blockquote":
            for inner in node:
                _runs(_paragraph(doc, "Quote"), inner)
        elif tag == "pre":
            _text(_paragraph(doc), node.text_content(), frozenset({"code"}))


def _list(doc: DocxDocument, node, level: int) -> None:
    ordered = node.tag == "ol"
    style = ("List Number" if ordered else "List Bullet") + (f" {min(level + 1, 3)}" if level else "")
    num_id = _restart_numbering(doc, style) if ordered else None
    for item in node.findall("li"):
        checkbox = (item.text or "").lstrip().startswith("☐")
        paragraph = _paragraph(doc, "List Continue" if checkbox else style)
        if num_id is not None:
            paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
        first = True
        _runs(paragraph, item)
        for child in item:
            if child.tag in ("ul", "ol"):
                _list(doc, child, level + 1)
            elif child.tag == "p":  # a loose list item: its first paragraph is the item, others follow it
                _runs(paragraph if first else _paragraph(doc, "List Continue"), child)
                first = False


def _restart_numbering(doc: DocxDocument, style: str) -> int:
    """A fresh numbering instance, so each numbered list in the file starts again at 1."""
    numbering = doc.part.numbering_part.element
    style_num = doc.styles[style].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _table(doc: DocxDocument, node) -> None:
    rows = node.findall(".//tr")
    width = max(len([c for c in row if c.tag in ("th", "td")]) for row in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(x for x in row if x.tag in ("th", "td")):
            _runs(table.cell(r, c).paragraphs[0], cell, frozenset({"bold"}) if cell.tag == "th" else frozenset())
    if rows and rows[0].find("th") is not None:  # repeat the header row on every printed page
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(header)
    _paragraph(doc)


def _runs(paragraph: Paragraph, node, marks: frozenset = frozenset()) -> None:
    """The inline content of an element (text, bold, italic, code, links) as runs of a paragraph."""
    _text(paragraph, node.text, marks)
    for child in node:
        if child.tag in ("ul", "ol", "p"):
            continue  # blocks inside a list item are written by _list
        if child.tag == "br":
            paragraph.add_run().add_break()
        else:
            _runs(paragraph, child, marks | ({_INLINE[child.tag]} if child.tag in _INLINE else set()))
            href = child.get("href", "") if child.tag == "a" else ""
            if href.startswith(("http://", "https://")) and href != child.text_content():
                _text(paragraph, f" ({href})", marks)
        _text(paragraph, child.tail, marks)


def _text(paragraph: Paragraph, text: str | None, marks: frozenset = frozenset()) -> None:
    """Text as runs, with each [bracketed] place to adapt highlighted."""
    if not text:
        return
    text = re.sub(r"\s*\n\s*", " ", text)
    if not paragraph.runs:
        text = text.lstrip()
    position = 0
    for match in PLACEHOLDER.finditer(text):
        _run(paragraph, text[position : match.start()], marks)
        _run(paragraph, match.group(0), marks, highlight=True)
        position = match.end()
    _run(paragraph, text[position:], marks)


def _run(paragraph: Paragraph, text: str, marks: frozenset, highlight: bool = False) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    if "bold" in marks:
        run.bold = True
    if "italic" in marks:
        run.italic = True
    if "code" in marks:
        run.font.name = "Courier New"
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _works_cited(doc: DocxDocument, handbook: Handbook, chapter: Chapter) -> None:
    """Full references for the works the page cites, in front matter and inline."""
    ids = list(dict.fromkeys([*chapter.sources, *_LIT.findall(chapter.body)]))
    works = [w for w in (handbook.work(i) for i in ids) if w]
    if not works:
        return
    _text(_paragraph(doc, "Heading 1"), "Works cited" if "sources" in chapter.anchors else "Sources")
    for work in works:
        _text(_paragraph(doc, "List Bullet"), work.citation)
