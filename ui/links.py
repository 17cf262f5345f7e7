"""Addresses of things inside the app, used by every page that links to content.

Relative URLs (no leading slash) keep working when the app is served under a base path.
"""

from __future__ import annotations

from urllib.parse import urlencode

from handbook.library import Handbook
from handbook.links import Link, rewrite_links

HANDBOOK_PAGE = "pages/handbook.py"


def base_url() -> str:
    """The app's own address as the browser sees it (for links people copy), without the page."""
    import streamlit as st

    url = st.context.url or ""
    return url.split("?")[0].rsplit("/", 1)[0] if url else ""


def chapter_params(slug: str, section: str = "") -> dict[str, str]:
    return {"chapter": slug, "section": section} if section else {"chapter": slug}


def chapter_url(slug: str, section: str = "") -> str:
    return "handbook?" + urlencode(chapter_params(slug, section))


def link_url(link: Link) -> str:
    if link.kind == "chapter":
        return chapter_url(link.slug, link.section)
    if link.kind == "case":
        return "cases?" + urlencode({"case": link.target})
    return "resources?" + urlencode({"work": link.target})


def app_markdown(handbook: Handbook, markdown: str) -> str:
    """Content Markdown with `chapter:`/`case:`/`lit:` links turned into app URLs."""
    return rewrite_links(markdown, lambda link: f"[{link.text}]({link_url(link)})")
