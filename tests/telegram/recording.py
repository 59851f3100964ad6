"""A python-telegram-bot request layer that records every call and never touches the network.

It answers the Bot API methods the bot uses with plausible results, so the real Application
can be driven end to end in-process. Any other method fails the test loudly. A call Telegram
would refuse (tests/e2e/telegram_rules.py) gets Telegram's 400 Bad Request, which the bot sees
as telegram.error.BadRequest, and is kept in ``refusals`` instead of ``calls``. A test can
make the next calls of a method fail (``fail_next``): with Telegram's error answer, or with an
exception raised as if the network failed; each failed attempt is kept in ``failures``.
"""

from __future__ import annotations

import json
from typing import Any

from telegram.request import BaseRequest, RequestData

from tests.e2e.botapi_standin import BOT as BOT_USER
from tests.e2e.telegram_rules import TEXT_FIELDS, refusal


class RecordingRequest(BaseRequest):
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.refusals: list[tuple[str, dict[str, Any], str]] = []  # method, params, description
        self.failures: list[tuple[str, dict[str, Any]]] = []  # method, params: failed on purpose
        self._faults: dict[str, list[tuple[int, str] | Exception]] = {}
        self._message_id = 1000

    def fail_next(self, method: str, *faults: tuple[int, str] | Exception) -> None:
        """The next calls of ``method`` fail, one per fault: (status, description) is answered
        as Telegram answers an error, an exception is raised by the request layer."""
        self._faults.setdefault(method, []).extend(faults)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def sent(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    async def do_request(  # noqa: PLR0917 - the signature is BaseRequest's
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if not url.startswith("https://api.test.invalid/"):
            raise AssertionError(f"unexpected network call to {url}")
        name = url.rsplit("/", 1)[-1]
        params = _params(request_data)
        if self._faults.get(name):
            fault = self._faults[name].pop(0)
            self.failures.append((name, params))
            if isinstance(fault, Exception):
                raise fault
            status, description = fault
            body = {"ok": False, "error_code": status, "description": description}
            return status, json.dumps(body).encode()
        refused = refusal(name, params)
        if refused is not None:
            self.refusals.append((name, params, refused))
            body = {"ok": False, "error_code": 400, "description": refused}
            return 400, json.dumps(body).encode()
        self.calls.append((name, params))
        result = self._result(name, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name in {"sendMessage", "editMessageText", "sendDocument"}:
            self._message_id += 1
            chat_id = int(params.get("chat_id", 1))
            return {
                "message_id": self._message_id,
                "date": 1_700_000_000,
                "chat": {"id": chat_id, "type": "private"},
                "text": params.get("text", ""),
            }
        if name in {"answerCallbackQuery", "answerInlineQuery", "setMyCommands", "deleteWebhook"}:
            return True
        raise AssertionError(f"the bot called an unexpected method {name}")


def _params(request_data: RequestData | None) -> dict[str, Any]:
    if request_data is None:
        return {}
    decoded: dict[str, Any] = {}
    for key, value in request_data.json_parameters.items():
        if key in TEXT_FIELDS:
            decoded[key] = value
            continue
        try:
            decoded[key] = json.loads(value)
        except ValueError:
            decoded[key] = value
    return decoded
