"""The address phones use to join: what a facilitator shows on the screen and in the QR code.

A facilitator who opened the app at http://localhost:8501 (the first address `make run` prints)
would otherwise tell every phone to open "localhost", which on a phone is the phone itself. So:
COALITION_PUBLIC_URL when it is set; otherwise the address the facilitator's browser used, with a
loopback host replaced by this machine's address on the local network, and a notice saying so.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

LOOPBACK = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]"}
JOIN_PATH = "/w"


@dataclass(frozen=True)
class JoinAddress:
    base: str  # e.g. http://192.168.1.20:8501 (no trailing slash)
    notice: str | None  # what the facilitator should know about it, when it was guessed

    def join_page(self) -> str:
        return f"{self.base}{JOIN_PATH}"

    def workshop(self, code: str) -> str:
        return f"{self.base}{JOIN_PATH}/{code}"


def lan_address() -> str | None:
    """This machine's address on its local network (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 9))
            address = probe.getsockname()[0]
        except OSError:
            address = None
    if address and not address.startswith("127."):
        return address
    try:
        address = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    return None if address.startswith("127.") else address


def join_address(seen_at: str, find_lan: Callable[[], str | None] = lan_address) -> JoinAddress:
    """Where phones should go, given the app's address as the facilitator's browser sees it."""
    public = os.environ.get("COALITION_PUBLIC_URL", "").strip().rstrip("/")
    if public:
        return JoinAddress(public, None)
    parts = urlsplit(seen_at or "http://localhost:8501")
    base = urlunsplit((parts.scheme or "http", parts.netloc, "", "", "")).rstrip("/")
    if (parts.hostname or "localhost") not in LOOPBACK:
        return JoinAddress(base, None)
    lan = find_lan()
    how = ("Phones cannot open “localhost”. If they cannot reach this address either (another network, a "
           "firewall), set COALITION_PUBLIC_URL to the address phones can reach and restart the app; see "
           "“Running a workshop on a local network” in the README.")
    if lan is None:
        return JoinAddress(base, "This computer has no local network address, so phones cannot join yet. " + how)
    port = f":{parts.port}" if parts.port else ""
    return JoinAddress(f"{parts.scheme or 'http'}://{lan}{port}",
                       f"This link uses this computer's address on the local network ({lan}), because you "
                       f"opened the app at {parts.hostname}. " + how)
