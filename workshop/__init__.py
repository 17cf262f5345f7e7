"""Live workshops: the room's answers, how far groups agree, disclosure control and exports.

Pure Python (no Streamlit): the facilitator pages, the participant path and the command line all
call these functions. It builds on assessment/ for questionnaires, scoring and storage.
"""
