"""Coalition Handbook: the router. Page config and navigation only; pages live in pages/."""

from pathlib import Path

import streamlit as st

from assessment.i18n import translator
from ui.navigation import navigation_language, pages

# The icon is a file the app serves itself: a Material icon name would make every browser fetch the
# favicon from a font server, which fails offline and on closed networks.
FAVICON = Path(__file__).resolve().parent / "ui" / "assets" / "favicon.png"

st.set_page_config(page_title="Coalition Handbook", page_icon=str(FAVICON), layout="centered")


# Link and button labels wrap on every page (Streamlit cuts a long one off with "…" where its column is
# narrow: "Reveal results to particip…" beside two other controls), and each link and choice pill is a
# full-size tap target that grows with its label (a pill keeps a fixed height otherwise, so a wrapped
# obstacle overlapped the next one on a phone). Buttons (form submits too), downloads and "Show data"
# summaries are 44 px high, as are a number box's − and + (drawn 32 by 38 px), and a help "?" (16 px drawn)
# answers a tap 14 px around it, without moving anything. A wide table in a chapter scrolls inside its own box
# on a phone instead of sliding the whole page sideways.
# In the sidebar, so the style takes no room in the page.
st.sidebar.html("""<style>
[data-testid="stPageLink"] a { min-height: 44px; height: auto; }
[data-testid="stPageLink"] a span, [data-testid="stPageLink"] p { white-space: normal; overflow: visible; }
button [data-testid="stMarkdownContainer"], button [data-testid="stMarkdownContainer"] p {
  white-space: normal; overflow: visible; text-overflow: clip; }
[data-testid="stButtonGroup"] button { height: auto; min-height: 44px; padding-top: 6px; padding-bottom: 6px; }
[data-testid="stDownloadButton"] button, [data-testid="stBaseButton-secondary"],
[data-testid="stBaseButton-primary"], [data-testid="stBaseButton-primaryFormSubmit"],
[data-testid="stBaseButton-secondaryFormSubmit"] { min-height: 44px; }
[data-testid="stExpander"] summary { min-height: 44px; }
[data-testid="stNumberInputContainer"] { height: auto; min-height: 44px; }
[data-testid="stNumberInputStepDown"], [data-testid="stNumberInputStepUp"] { min-width: 44px; min-height: 44px; }
[data-testid="stTooltipIcon"] button { position: relative; }
[data-testid="stTooltipIcon"] button::after { content: ""; position: absolute; inset: -14px; }
[data-testid="stMarkdownContainer"] table { display: block; max-width: 100%; overflow-x: auto; }
</style>""")

st.navigation(pages(translator(navigation_language()))).run()
