"""Export one chapter or the whole handbook as self-contained HTML or as Markdown.

The HTML needs no network: styles are inline, there are no scripts, fonts or images to fetch,
and every cross-link points at an id inside the same file (or becomes plain text when its
target is not in the file).
"""

from __future__ import annotations

import html
import re
from datetime import date

import markdown as md

from handbook.anchors import anchor_for
from handbook.library import Handbook
from handbook.links import Link, rewrite_links
from handbook.model import Chapter, Work
from handbook.parts import PARTS

_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*$", re.M)
_CHECKBOX = re.compile(r"^(\s*[-*]\s+)\[ \]\s+", re.M)
EXTENSIONS = ["tables", "attr_list", "sane_lists"]

# Responsive down to a 360 px phone: the text column shrinks with the screen, long words and
# addresses break instead of widening the page, and a wide table scrolls inside itself.
STYLE = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font-family:Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
line-height:1.55;color:#1b1b1b;background:#fff;overflow-wrap:break-word}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.25;overflow-wrap:anywhere}
h1{font-size:clamp(1.55rem,6vw,2.1rem)}
h2{font-size:clamp(1.25rem,4.6vw,1.55rem)}
h1.chapter{border-top:3px solid #0072B2;padding-top:1rem;margin-top:3rem}
a{color:#0057a0;overflow-wrap:anywhere}
ul,ol{padding-left:1.4rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.95em;display:block;max-width:100%;overflow-x:auto;
-webkit-overflow-scrolling:touch}
th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top;min-width:7rem}
@media (max-width:480px){body{margin:1rem auto;padding:0 .75rem;line-height:1.5}}
th{background:#eef3f8}
nav.toc ol{padding-left:1.4rem}
.summary{font-style:italic;color:#444}
.meta{font-size:.9em;color:#555}
dt{font-weight:bold;margin-top:.6rem}
@media print{
 body{max-width:none;margin:0;font-size:11pt}
 a{color:inherit;text-decoration:none}
 table{display:table;overflow:visible}
 h1.chapter{page-break-before:always;border:none}
 nav.toc{page-break-after:always}
 h2,h3{page-break-after:avoid}
 table,li{page-break-inside:avoid}
}
"""


def chapter_id(slug: str, anchor: str = "") -> str:
    return f"{slug}--{anchor}" if anchor else slug


def _link_renderer(handbook: Handbook, included: set[str], titles_only: bool = False):
    """Turn content links into links inside the document, or plain text when not included.

    `titles_only`: a Markdown file holding every chapter links to each chapter's title, whose anchor
    Markdown viewers make from the title itself; a section is then named in words."""

    def render(link: Link) -> str:
        if link.kind == "chapter" and link.slug in included and not titles_only:
            return f"[{link.text}](#{chapter_id(link.slug, link.section)})"
        if link.kind == "case" and "cases" in included:
            return f"[{link.text}](#case-{link.target})"
        if link.kind == "lit" and "literature" in included:
            return f"[{link.text}](#lit-{link.target})"
        chapter = handbook.chapter(link.slug) if link.kind == "chapter" else None
        if chapter is None:
            return link.text
        section = chapter.section(link.section) if link.section else None
        text = link.text.strip().lower()
        if titles_only and link.slug in included:
            named = f"[{link.text}](#{anchor_for(chapter.title)})"
            return named + (f" (section “{section.title}”)" if section and text != section.title.lower() else "")
        if text == chapter.title.lower():  # the link names the chapter: say only what it does not
            return link.text + (f" (section “{section.title}”)" if section else "")
        if section and text == section.title.lower():
            return f"{link.text} (in “{chapter.title}”)"
        return f"{link.text} (see “{chapter.title}”" + (f", section “{section.title}”)" if section else ")")

    return render


def _chapter_markdown(handbook: Handbook, chapter: Chapter, included: set[str], ids: bool,
                      titles_only: bool = False) -> str:
    body = rewrite_links(chapter.body, _link_renderer(handbook, included, titles_only))
    body = _CHECKBOX.sub(r"\1☐ ", body)
    if ids:
        body = _HEADING.sub(lambda m: f"{m[1]} {m[2]} {{#{chapter_id(chapter.slug, anchor_for(m[2]))}}}", body)
    head = f"# {chapter.title}" + (f" {{#{chapter.slug} .chapter}}" if ids else "")
    meta = f"*{chapter.summary}* ({chapter.reading_minutes} min read)"
    return f"{head}\n\n{meta}\n\n{body.strip()}\n"


def _cited(handbook: Handbook, chapter: Chapter) -> list:
    """Works in the chapter's front matter and in its inline `lit:` links, in that order."""
    inline = [m.group(1) for m in re.finditer(r"\]\(lit:([^)\s]+)\)", chapter.body)]
    ids = list(dict.fromkeys([*chapter.sources, *inline]))
    return [w for w in (handbook.work(i) for i in ids) if w]


def _sources_title(chapter: Chapter) -> str:
    """Toolkit pages have their own `## Sources` section, so the full list gets another name."""
    return "Works cited" if "sources" in chapter.anchors else "Sources"


def _work_markdown(work: Work) -> str:
    return f"{work.citation} <{work.link}>" if work.link else work.citation


def _work_html(work: Work) -> str:
    """The citation, then its DOI or address as a link (the only links in the file that leave it)."""
    link = f' <a href="{html.escape(work.link)}">{html.escape(work.link_label)}</a>' if work.link else ""
    return html.escape(work.citation) + link


def _sources_markdown(handbook: Handbook, chapter: Chapter) -> str:
    works = _cited(handbook, chapter)
    body = "\n".join(f"- {_work_markdown(w)}" for w in works)
    return f"\n## {_sources_title(chapter)}\n\n{body}\n" if works else ""


def _sources_html(handbook: Handbook, chapter: Chapter) -> str:
    works = _cited(handbook, chapter)
    items = "".join(f'<li id="lit-{w.id}">{_work_html(w)}</li>' for w in works)
    title = _sources_title(chapter)
    return f"<h2 id=\"{anchor_for(title)}\">{title}</h2><ul>{items}</ul>" if works else ""


def chapter_to_markdown(handbook: Handbook, chapter: Chapter) -> str:
    """One chapter as portable Markdown; links to other chapters become readable references."""
    return _chapter_markdown(handbook, chapter, set(), ids=False) + _sources_markdown(handbook, chapter)


def handbook_to_markdown(handbook: Handbook) -> str:
    every = {c.slug for c in handbook.chapters}
    parts = [f"# Coalition Handbook\n\nExported {date.today():%d %B %Y}.\n"]
    for part_id, (title, _) in PARTS.items():
        chapters = [c for c in handbook.chapters if c.part == part_id]
        if chapters:
            parts.append(f"\n---\n\n**Part: {title}**\n")
            parts.extend(_chapter_markdown(handbook, c, every, ids=False, titles_only=True) for c in chapters)
    parts.append(_appendix_markdown(handbook))
    return "\n".join(parts)


def _appendix_markdown(handbook: Handbook) -> str:
    out = ["\n# Glossary\n"]
    names = {t.id: t.term for t in handbook.glossary}
    for t in handbook.glossary:
        see = f" See also: {', '.join(names[i] for i in t.see if i in names)}." if t.see else ""
        out.append(f"- **{t.term}**: {t.definition}{see}")
    out.append("\n# Cases\n")
    for case in handbook.cases:
        out.append(f"## {case.name} ({case.years})\n\n{case.what}\n")
        out.append("\n".join(f"- {e.year}: {e.event}" for e in case.timeline) + "\n")
    out.append("\n# Resource guide\n")
    for topic, works in _works_by_topic(handbook):
        out.append(f"\n## {topic}\n")
        out += [f"- {_work_markdown(w)} {w.why}" for w in works]
    return "\n".join(out) + "\n"


def _works_by_topic(handbook: Handbook):
    for topic_id, topic in handbook.literature.topics.items():
        works = [w for w in handbook.literature.works if w.topic == topic_id]
        if works:
            yield topic, works


def _appendix_html(handbook: Handbook) -> str:
    esc = html.escape
    out = ['<h1 id="glossary" class="chapter">Glossary</h1><dl>']
    names = {t.id: t.term for t in handbook.glossary}
    for t in handbook.glossary:
        see = ", ".join(f'<a href="#term-{i}">{esc(names[i])}</a>' for i in t.see if i in names)
        out.append(f'<dt id="term-{t.id}">{esc(t.term)}</dt><dd>{esc(t.definition)}'
                   + (f' <span class="see">See also: {see}.</span>' if see else "") + "</dd>")
    out.append('</dl><h1 id="cases" class="chapter">Cases</h1>')
    for case in handbook.cases:
        events = "".join(f"<li>{e.year}: {esc(e.event)}</li>" for e in case.timeline)
        out.append(f'<h2 id="case-{case.id}">{esc(case.name)} ({esc(case.years)})</h2>'
                   f"<p>{esc(case.what)}</p><p>{esc(case.who)}</p><ul>{events}</ul>")
    out.append('<h1 id="literature" class="chapter">Resource guide</h1>')
    for topic, works in _works_by_topic(handbook):
        items = "".join(f'<li id="lit-{w.id}">{_work_html(w)} <em>{esc(w.why)}</em></li>' for w in works)
        out.append(f"<h2>{esc(topic)}</h2><ul>{items}</ul>")
    return "".join(out)


def _to_html(markdown_text: str) -> str:
    return md.markdown(markdown_text, extensions=EXTENSIONS, output_format="html")


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def chapter_to_html(handbook: Handbook, chapter: Chapter) -> str:
    text = _chapter_markdown(handbook, chapter, {chapter.slug, "literature"}, ids=True)
    return _page(chapter.title, _to_html(text) + _sources_html(handbook, chapter))


def handbook_to_html(handbook: Handbook) -> str:
    """The whole handbook in one file: contents, every chapter, glossary, cases, resource guide."""
    included = {c.slug for c in handbook.chapters} | {"cases", "literature"}
    toc = ["<nav class=\"toc\"><h2>Contents</h2><ol>"]
    chapters_html = []
    for part_id, (title, _) in PARTS.items():
        chapters = [c for c in handbook.chapters if c.part == part_id]
        if not chapters:
            continue
        toc.append(f"<li>{html.escape(title)}<ol>")
        toc += [f"<li><a href=\"#{c.slug}\">{html.escape(c.title)}</a></li>" for c in chapters]
        toc.append("</ol></li>")
        chapters_html += [_to_html(_chapter_markdown(handbook, c, included, ids=True)) for c in chapters]
    toc.append("<li><a href=\"#glossary\">Glossary</a></li><li><a href=\"#cases\">Cases</a></li>"
               "<li><a href=\"#literature\">Resource guide</a></li></ol></nav>")
    intro = (f"<h1>Coalition Handbook</h1><p class=\"meta\">A practical guide to multi-stakeholder coalitions. "
             f"Exported {date.today():%d %B %Y}.</p>")
    body = intro + "".join(toc) + "".join(chapters_html) + _appendix_html(handbook)
    return _page("Coalition Handbook", body)
