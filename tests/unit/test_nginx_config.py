"""The nginx configuration in deploy/: read as text, so it runs without nginx installed."""

import inspect
import re

import uvicorn

from tests.conftest import ROOT

CONFIG = (ROOT / "deploy" / "nginx.conf").read_text()


def _seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m)?", value).groups()
    return int(number) * {"ms": 0.001, "s": 1, "m": 60, None: 1}[unit]


def test_nginx_lets_idle_app_connections_go_before_the_app_closes_them():
    """Otherwise an answer can be sent down a connection the app is closing, and the phone gets a
    502 (6 of 18,000 answers in bench/room_load.py --processes 2 before this setting)."""
    upstream = re.search(r"upstream coalition_participants \{(.*?)\}", CONFIG, re.S).group(1)
    assert "keepalive " in upstream  # connections to the app are reused
    nginx_idle = _seconds(re.search(r"keepalive_timeout (\S+);", upstream).group(1))
    app_idle = inspect.signature(uvicorn.Config).parameters["timeout_keep_alive"].default
    assert nginx_idle < app_idle
