"""Streamlit pieces shared by several pages. Domain logic lives in handbook/ and assessment/."""
