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
# summaries are 44 px high, as are a number box's − and +, link buttons, list options, radio choices and the
# sidebar's opener; a help "?" (16 px drawn), a chart's toolbar button (24 px) and a slider's handle (12 px)
# answer a tap 10 to 16 px around them, without moving anything. A wide table in a chapter scrolls inside its own box
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
[data-testid="stLinkButton"] a, [data-testid="stExpandSidebarButton"], [role="option"] { min-height: 44px; }
[data-testid="stExpandSidebarButton"] { min-width: 44px; }
[role="option"], [role="option"] * { white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.2; }
[data-testid="stRadioOption"] { min-height: 44px; align-items: center; }
[data-testid="stTooltipIcon"] button, [data-testid="stElementToolbarButton"] button, [role="slider"] {
  position: relative; }
[data-testid="stTooltipIcon"] button::after { content: ""; position: absolute; inset: -14px; }
[data-testid="stElementToolbarButton"] button::after { content: ""; position: absolute; inset: -10px; }
[role="slider"]::after { content: ""; position: absolute; inset: -16px; }
[data-testid="stMarkdownContainer"] table { display: block; max-width: 100%; overflow-x: auto; }
</style>""")

st.navigation(pages(translator(navigation_language()))).run()
