"""Section anchors derived from headings.

One function shared by the loader, the link checker, the app and the exports, so an anchor
written in a link always matches the id the heading gets on screen and in an exported file.
"""

import re
import unicodedata

_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


def anchor_for(heading: str) -> str:
    """`Who is in charge?` -> `who-is-in-charge`; accents dropped, `&` spelled `and`."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", heading)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
