"""Responses without a 40 ms stall: TCP_NODELAY on every connection the server accepts.

Streamlit 1.67 binds its listening socket with `socket.socket(family)`, whose protocol number is 0,
and asyncio switches Nagle's algorithm off (TCP_NODELAY) only on sockets whose protocol number is
TCP's. So every response written in two parts (headers, then body) waited for the client's delayed
acknowledgement: about 40 ms on Linux, on every page, every saved answer and every static file.
The socket is bound before server.py is imported, so this widens asyncio's check instead: a stream
socket of an internet family is TCP whatever number it was created with.
"""

from __future__ import annotations

import socket
from asyncio import base_events

STREAM_FAMILIES = {socket.AF_INET, socket.AF_INET6}


def install() -> None:
    original = base_events._set_nodelay
    if getattr(original, "widened", False):
        return

    def set_nodelay(sock: socket.socket) -> None:
        if sock.family in STREAM_FAMILIES and sock.type == socket.SOCK_STREAM and sock.proto == 0:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        else:
            original(sock)

    set_nodelay.widened = True
    base_events._set_nodelay = set_nodelay
