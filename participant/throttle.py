"""Rate limits and caps, so one client cannot try codes by the thousand or flood a workshop.

Limits are per client address (the proxy's X-Forwarded-For is trusted only from COALITION_PROXIES,
loopback by default) and held in this process's memory: behind several processes each counts on
its own, and deploy/nginx.conf adds a limit in front of them all. A conference room often shares one
public address, so the defaults leave room for a whole room joining at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from ipaddress import ip_address, ip_network

from limits import parse, storage, strategies
from starlette.requests import Request


def _setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{name} must be a whole number of at least 1, not {raw!r}")
    return int(raw)


@dataclass(frozen=True)
class Policy:
    wrong_codes_per_minute: int
    joins_per_minute: int
    max_participants: int

    @classmethod
    def from_environment(cls) -> Policy:
        return cls(wrong_codes_per_minute=_setting("COALITION_WRONG_CODES_PER_MINUTE", 10),
                   joins_per_minute=_setting("COALITION_JOINS_PER_MINUTE", 300),
                   max_participants=_setting("COALITION_MAX_PARTICIPANTS", 2000))


class Throttle:
    def __init__(self, policy: Policy):
        self.policy = policy
        self._limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())
        self._wrong_codes = parse(f"{policy.wrong_codes_per_minute}/minute")
        self._joins = parse(f"{policy.joins_per_minute}/minute")

    def may_try_code(self, client: str) -> bool:
        """False once this client has given too many wrong codes in the last minute."""
        return self._limiter.test(self._wrong_codes, "code", client)

    def wrong_code(self, client: str) -> None:
        self._limiter.hit(self._wrong_codes, "code", client)

    def may_join(self, client: str) -> bool:
        return self._limiter.hit(self._joins, "join", client)


def _proxies() -> list:
    raw = os.environ.get("COALITION_PROXIES", "127.0.0.1/32,::1/128")
    return [ip_network(part.strip(), strict=False) for part in raw.split(",") if part.strip()]


PROXIES = _proxies()


def client_address(request: Request) -> str:
    """The address to count against: the peer, or the client a trusted proxy says it forwards."""
    peer = request.client.host if request.client else "unknown"
    forwarded = request.headers.get("x-forwarded-for", "")
    try:
        trusted = any(ip_address(peer) in network for network in PROXIES)
    except ValueError:
        trusted = False
    if trusted and forwarded:
        return forwarded.split(",")[-1].strip()[:64] or peer
    return peer
