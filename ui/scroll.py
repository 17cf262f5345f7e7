"""Bringing a freshly drawn part of a page into view, and the keyboard with it.

Streamlit keeps the scroll position of the page before: after "Next page" the new questions opened
4,000 px down on a phone, and a keyboard user's next Tab went past all of them to the last button.
"""

import json

import streamlit as st

_SCROLL_JS = """<script>
(function () {{
  var id = {anchor}, focus = {focus}, tries = 0, page = {page};
  function find(name) {{ return document.getElementById(name) || document.querySelector(".st-key-" + name); }}
  var timer = setInterval(function () {{
    var el = find(id), target = focus ? find(focus) : null;
    if (el && (!focus || target)) {{
      el.scrollIntoView({{block: "start"}});
      if (target) {{ target.setAttribute("tabindex", "-1"); target.focus({{preventScroll: true}}); }}
      clearInterval(timer);
    }}
    if (++tries > 50) clearInterval(timer);
  }}, 100);
}})();
</script>"""


def scroll_to(anchor: str, page: str = "", focus: str = "") -> None:
    """Scroll to an element id (or a container's key) once drawn, and move the keyboard focus to the
    element `focus` names (so the next Tab goes to what follows it). The caller passes its own anchors
    or keys, never URL text.
    `page` makes the script differ from one page to the next: Streamlit runs it again only when its
    text changes, and every chapter's title has the same anchor."""
    st.html(_SCROLL_JS.format(anchor=json.dumps(anchor), page=json.dumps(page), focus=json.dumps(focus)),
            unsafe_allow_javascript=True)
