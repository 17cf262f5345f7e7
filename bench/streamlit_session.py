"""One browser tab of a Streamlit page, without a browser: Streamlit's own websocket protocol.

Enough for benchmarks that must drive Streamlit pages the way a tab does: run the page, set a
widget by its key, press a button, and time each run until the server says the script finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from urllib.parse import parse_qsl

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

EARLY = ForwardMsg.FINISHED_EARLY_FOR_RERUN
WIDGETS = {"radio", "button", "text_input", "selectbox", "checkbox", "number_input", "text_area", "multiselect",
           "button_group"}


class StreamlitSession:
    def __init__(self, url: str, page: str, query: str = "", timeout: float = 60):
        self.url, self.page, self.timeout = url, page, timeout
        self.query = dict(parse_qsl(query))
        self._socket = None
        self._widgets: dict[str, str] = {}  # user key -> element id, from the last run
        self._states: dict[str, WidgetState] = {}  # element id -> value this tab holds
        self.auto_rerun: tuple[str, float] | None = None  # the live fragment the page asked for, and its interval
        self._fragment_run = False

    def widget_keys(self) -> list[str]:
        return list(self._widgets)

    def has(self, key: str) -> bool:
        return key in self._widgets

    async def connect(self) -> float:
        """Open the tab and run the page once; seconds until the first run finished."""
        started = time.perf_counter()
        stream = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self._socket = await asyncio.wait_for(
            connect(stream, subprotocols=["streamlit"], max_size=None, ping_interval=None, compression=None),
            self.timeout)
        await self._run(first=True)
        return time.perf_counter() - started

    async def rerun(self, set_values: dict[str, str] | None = None, click: str | None = None) -> float:
        """Change widgets (by key; radios and select boxes by their label) and/or press a button;
        seconds until the run (and any st.rerun it caused) finished."""
        for key, value in (set_values or {}).items():
            element = self._widgets[key]
            self._states[element] = WidgetState(id=element, string_value=value)
        trigger = [WidgetState(id=self._widgets[click], trigger_value=True)] if click else []
        started = time.perf_counter()
        await self._run(trigger=trigger)
        return time.perf_counter() - started

    async def rerun_fragment(self, fragment_id: str) -> float:
        """What a tab does when a `st.fragment(run_every=…)` timer fires: rerun that fragment alone."""
        started = time.perf_counter()
        await self._run(fragment=fragment_id)
        return time.perf_counter() - started

    async def _run(self, first: bool = False, trigger: list[WidgetState] = (), fragment: str = "") -> None:
        message = BackMsg()
        state = message.rerun_script
        state.page_name = self.page
        if fragment:
            state.fragment_id = fragment
            state.is_auto_rerun = True
        state.query_string = "&".join(f"{k}={v}" for k, v in self.query.items())
        if first:
            state.context_info.timezone = "UTC"
            state.context_info.url = f"{self.url}/{self.page}?{state.query_string}"
        state.widget_states.widgets.extend([*self._states.values(), *trigger])
        self._fragment_run = bool(fragment)
        await self._socket.send(message.SerializeToString())
        await self._until_finished()

    async def _until_finished(self) -> None:
        seen: dict[str, str] = {}
        deadline = time.monotonic() + self.timeout
        while True:
            data = await asyncio.wait_for(self._socket.recv(), max(0.1, deadline - time.monotonic()))
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                name = element.WhichOneof("type")
                if name == "exception":
                    raise RuntimeError(f"page error: {element.exception.message[:120]}")
                widget = getattr(element, name) if name in WIDGETS else None
                element_id = getattr(widget, "id", "") if widget is not None else ""
                if element_id.count("-") >= 2:
                    seen[element_id.split("-", 2)[2]] = element_id
            elif kind == "auto_rerun":
                self.auto_rerun = (forward.auto_rerun.fragment_id, forward.auto_rerun.interval)
            elif kind == "page_info_changed":
                self.query = dict(parse_qsl(forward.page_info_changed.query_string))
            elif kind == "script_finished" and forward.script_finished != EARLY:
                self._widgets.update(seen)  # a rerun may resend only what changed: keep what was seen before
                return

    async def close(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(Exception):  # closing a dead socket: nothing left to do
                await asyncio.wait_for(self._socket.close(), 5)
