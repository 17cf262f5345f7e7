"""The report as a PDF (what a leader sends a steering committee), made by WeasyPrint from the same
HTML as the HTML report, so the two never disagree.

WeasyPrint needs the Pango text libraries from the operating system. Where they are missing the app
keeps working and says what to install (`PDF_HELP`) instead of failing.
"""

from __future__ import annotations

from functools import cache

DEBIAN_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "libharfbuzz-subset0")
PDF_HELP = ("The PDF needs WeasyPrint's system libraries, which this server lacks. On Debian or Ubuntu: "
            f"`apt-get install {' '.join(DEBIAN_PACKAGES)}`; on macOS: `brew install pango`. Meanwhile, open "
            "the HTML report and use your browser's Print → Save as PDF.")


@cache
def pdf_problem() -> str | None:
    """None when PDFs can be made here; otherwise why not, in a line (checked once per process)."""
    try:
        import weasyprint  # noqa: F401  (loading it loads Pango through cffi)
    except (ImportError, OSError) as exc:
        return f"{PDF_HELP} ({type(exc).__name__}: {str(exc)[:160]})"
    return None


def html_to_pdf(html: str) -> bytes:
    """A PDF of a self-contained HTML page. Charts are inline SVG, so only data: URLs are ever
    needed: nothing in a report (a name, a link) can make the server fetch a URL."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    return weasyprint.HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).write_pdf()
