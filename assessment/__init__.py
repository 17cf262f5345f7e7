"""The assessment domain: questionnaires as data, scoring, diagnosis, recommendations, reports.

Pure Python (no Streamlit): the pages, the command line and the tests call the same functions.
"""
