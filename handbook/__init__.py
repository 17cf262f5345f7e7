"""The handbook domain: chapters as typed objects, search, cross-links and exports.

Pure Python (no Streamlit), so every behaviour can be tested without a server.
"""
