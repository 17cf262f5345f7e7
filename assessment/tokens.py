"""Random secrets (resume tokens, facilitator keys): shown once, stored only as hashes.

A SHA-256 of a 192-bit random token cannot be reversed or guessed, so a stolen database does not
reveal the links; comparisons use hmac.compare_digest so timing says nothing about a near miss.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_BYTES = 24


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(token_hash(token), stored_hash)
