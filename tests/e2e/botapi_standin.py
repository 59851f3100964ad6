"""A Bot API stand-in served over HTTP on 127.0.0.1, for end-to-end tests and benchmarks.

It queues updates for `getUpdates` (long polling with a timeout), records what the bot sends,
and answers like Telegram does, refusals included: a call Telegram would refuse (a message over
4,096 UTF-16 units, HTML it cannot parse, callback data over 64 bytes, ...; see
tests/e2e/telegram_rules.py) gets Telegram's 400 and is kept in ``refusals``, not in ``calls``.
Only loopback is ever used.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from typing import Any
from urllib.parse import parse_qs

from tests.e2e.telegram_rules import TEXT_FIELDS, refusal

BOT = {
    "id": 999,
    "is_bot": True,
    "first_name": "Workshop",
    "username": "workshop_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
SENDING = {"sendMessage", "editMessageText", "sendDocument"}


class BotApiStandIn:
    """Start with ``with BotApiStandIn(token) as api:``; ``api.base_url`` goes to the bot."""

    def __init__(self, token: str = "123:ABC") -> None:
        self.token = token
        self._lock = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = count(1)
        self._message_ids = count(1)
        self.calls: list[tuple[str, dict[str, Any], float]] = []
        self.refusals: list[tuple[str, dict[str, Any], str]] = []  # method, params, description
        # Optional hook deciding a method's response (e.g. a 429 or a 403 for some chat).
        self.responder: (
            Callable[[str, dict[str, Any]], tuple[int, dict[str, Any]] | None] | None
        ) = None
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/bot"

    def __enter__(self) -> BotApiStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._lock.notify_all()
        self._server.shutdown()
        self._server.server_close()

    # --- what tests do -----------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> int:
        with self._lock:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, **update})
            self._lock.notify_all()
            return update_id

    def push_text(self, text: str, *, user: int = 42, chat: int | None = None) -> int:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat or user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "Ana"},
            "text": text,
        }
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self.push({"message": message})

    def push_inline(self, query: str, *, user: int, query_id: str | None = None) -> int:
        """An inline query ``@bot query`` typed by ``user`` in any chat (``query_id``: the id
        answerInlineQuery names it by)."""
        return self.push(
            {
                "inline_query": {
                    "id": query_id or f"iq{next(self._message_ids)}",
                    "from": {"id": user, "is_bot": False, "first_name": "Ana"},
                    "query": query,
                    "offset": "",
                }
            }
        )

    def push_button(self, data: str, *, user: int) -> int:
        """A press on an inline button carrying ``data``, in the user's private chat."""
        return self.push(
            {
                "callback_query": {
                    "id": f"cb{next(self._message_ids)}",
                    "chat_instance": "x",
                    "data": data,
                    "from": {"id": user, "is_bot": False, "first_name": "Ana"},
                    "message": {
                        "message_id": 1,
                        "date": 1,
                        "chat": {"id": user, "type": "private"},
                    },
                }
            }
        )

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        with self._lock:
            return [params for name, params, _ in self.calls if name == method]

    def wait_for(self, method: str, number: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        return self.wait_until(method, lambda found: len(found) >= number, timeout)

    def wait_until(
        self,
        method: str,
        done: Callable[[list[dict[str, Any]]], bool],
        timeout: float = 30.0,
    ) -> list[dict[str, Any]]:
        """The ``method`` calls so far, once ``done`` says they are enough."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [p for name, p, _ in self.calls if name == method]
                if done(found):
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    refused = [(name, why) for name, _, why in self.refusals]
                    raise TimeoutError(
                        f"{len(found)} {method} calls were not enough; refused: {refused}"
                    )
                self._lock.wait(remaining)

    # --- the HTTP side -----------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                self._serve()

            def do_GET(self) -> None:
                self._serve()

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = stand_in.handle(
                    self.path, self.headers.get("Content-Type", ""), body
                )
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the bot went away mid long-poll (it was stopped): nothing to tell

        return Handler

    def handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        token, _, method = path.removeprefix("/bot").partition("/")
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        params = _parse(content_type, body)
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        refused = refusal(method, params)
        if refused is not None:
            with self._lock:
                self.refusals.append((method, params, refused))
                self._lock.notify_all()
            return 400, {"ok": False, "error_code": 400, "description": refused}
        with self._lock:
            self.calls.append((method, params, time.monotonic()))
            self._lock.notify_all()
        if self.responder is not None:
            custom = self.responder(method, params)
            if custom is not None:
                return custom
        return self._answer(method, params)

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        with self._lock:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and time.monotonic() < deadline:
                self._lock.wait(deadline - time.monotonic())
            return list(self._updates[:100])

    def _answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "getMe":
            return 200, {"ok": True, "result": BOT}
        if method in SENDING:
            chat_id = int(params.get("chat_id") or 0)
            result = {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "text": params.get("text", ""),
            }
            return 200, {"ok": True, "result": result}
        if method in {
            "answerCallbackQuery",
            "answerInlineQuery",
            "setMyCommands",
            "deleteWebhook",
            "setWebhook",
            "close",
            "logOut",
        }:
            return 200, {"ok": True, "result": True}
        if method == "getMyCommands":
            return 200, {"ok": True, "result": []}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}


def _parse(content_type: str, body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        loaded: dict[str, Any] = json.loads(body)
        return loaded
    if content_type.startswith("multipart/form-data"):
        return _parse_multipart(content_type, body)
    fields = {key: values[-1] for key, values in parse_qs(body.decode()).items()}
    return {key: _value(key, value) for key, value in fields.items()}


def _value(key: str, value: str) -> Any:
    """A form field as the bot meant it: texts stay texts (a message "42" is not a number)."""
    return value if key in TEXT_FIELDS else _maybe_json(value)


def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    boundary = content_type.rsplit("boundary=", maxsplit=1)[-1].strip('"').encode()
    fields: dict[str, Any] = {}
    for part in body.split(b"--" + boundary):
        head, _, value = part.partition(b"\r\n\r\n")
        if b'name="' not in head:
            continue
        name = head.split(b'name="')[1].split(b'"')[0].decode()
        content = value.rstrip(b"\r\n")
        if b"filename=" in head:
            fields[name] = {
                "filename": head.split(b'filename="')[1].split(b'"')[0].decode(),
                "bytes": len(content),
            }
        else:
            fields[name] = _value(name, content.decode(errors="replace"))
    return fields


def _maybe_json(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
