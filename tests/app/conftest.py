import os
import tempfile

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

# One data folder for the whole session: the app caches its store per process, as in production.
DATA_DIR = tempfile.mkdtemp(prefix="coalition-apptest-")
os.environ["COALITION_DATA_DIR"] = DATA_DIR
os.environ.pop("DATABASE_URL", None)


@pytest.fixture
def open_page():
    """Run the real router on one page, with query parameters, as a visitor arriving by link."""

    def run(page: str, **params: str) -> AppTest:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        for key, value in params.items():
            app.query_params[key] = value
        app.switch_page(f"pages/{page}.py")
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        return app

    return run


def texts(app: AppTest) -> str:
    """Everything the page shows as text, to assert on what a visitor reads."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                                  "error", "success") for e in getattr(app, kind)]
    parts += [str(getattr(e, "proto", "")) for e in app.get("page_link")]
    parts += [str(e.proto) for e in app.get("vega_lite_chart")]
    return "\n".join(str(p) for p in parts)


@pytest.fixture(scope="session")
def store():
    from assessment.storage import Store

    return Store(f"sqlite:///{DATA_DIR}/coalition.db")
