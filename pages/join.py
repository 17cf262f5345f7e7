"""Join a workshop: participants use the light page at /w (fast on any phone); this page sends them there.

Kept because earlier QR codes and links point at /join?code=...; the code is carried over.
"""

from __future__ import annotations

import streamlit as st

from ui.language import words
from workshop.workshops import CODE_LENGTH, normalise_code

_ = words().gettext  # the browser's language, as the light page it leads to
code = normalise_code(st.query_params.get("code", ""))
st.title(_("Join a workshop"))
st.write(_("Workshops run on a light page made for phones: it opens instantly, saves each answer as you give it "
           "and works on any connection."))
target = f"w/{code}" if len(code) == CODE_LENGTH else "w/"
st.link_button(_("Continue to the workshop") if len(code) == CODE_LENGTH else _("Enter the workshop code"), target,
               type="primary", icon=":material/arrow_forward:", width="stretch")
st.caption(_("Your answers are anonymous: nobody, the facilitator included, sees who gave them."))
