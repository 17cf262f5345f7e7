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
    """A PDF of a self-contained HTML page (inline SVG charts, no external files are fetched)."""
    import weasyprint

    return weasyprint.HTML(string=html, base_url=None, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url: str, *args, **kwargs):
    """Reports are self-contained; nothing a report contains may make the server fetch a URL."""
    raise ValueError(f"external resources are not loaded in reports: {url[:80]}")
