"""The Bot API answered in memory, and a realistic mix of updates: for benchmarks and soak
tests that measure the bot itself rather than a socket (``tests/fakebotapi.py`` is the real
HTTP fake for end-to-end tests)."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from typing import Any

from telegram.request import BaseRequest, RequestData

TOKEN = "123456:BENCH-token"
BOT = {"id": 123456, "is_bot": True, "first_name": "Press Freedom Bot",
       "username": "pressfreedom_bot", "can_join_groups": True,
       "can_read_all_group_messages": False, "supports_inline_queries": True}

QUESTIONS = [
    "Kazakhstan", "are journalists safe in Kazakhstan?", "compare Norway, Finland, Kazakhstan",
    "Казахстан", "Mexico in 2023", "top 10", "worst in Africa", "Russia since 2022",
    "Norway", "which countries mention Pegasus", "hello", "Kyrgyzstan legal",
]
COMMANDS = ["/top 5 Africa", "/country Mexico", "/compare Norway, Finland", "/bottom 3",
            "/start KAZ_safety", "/help", "/frobnicate"]
BUTTONS = ["p:KAZ:2026:safety", "p:KAZ:2024:", "c:KAZ,UZB,TJK:2026:", "p:NOR:2026:"]
TYPED = ["kazakhstan", "norway", "mexico", "russia", "finland", "ukraine", "china",
         "compare norway finland", "top 10 africa", "казахстан", "kyrgyzstan 2024"]


# --- the network, answered in memory ---------------------------------------------------------


class MemoryRequest(BaseRequest):
    """Answers every Bot API call in memory, as Telegram would answer it (test
    infrastructure: the bot under measurement is unchanged)."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self._message_ids = itertools.count(1)

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE,
                         write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        self.calls[endpoint] += 1
        params = request_data.parameters if request_data is not None else {}
        result = self._result(endpoint, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _result(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getMe":
            return BOT
        if endpoint in ("sendMessage", "editMessageText", "sendPhoto"):
            chat_id = params.get("chat_id", 1)
            message_id = params.get("message_id") or next(self._message_ids)
            return {"message_id": message_id, "date": 0, "text": params.get("text", ""),
                    "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                    "from": {k: BOT[k] for k in ("id", "is_bot", "first_name", "username")}}
        if endpoint == "getChatMember":
            return {"status": "member", "user": {"id": params.get("user_id", 1),
                                                 "is_bot": False, "first_name": "U"}}
        if endpoint == "getUpdates":
            return []
        return True


# --- updates ---------------------------------------------------------------------------------


def _user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": f"U{user_id}", "language_code": "en"}


def _message(update_id: int, user_id: int, text: str) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": update_id, "date": 0, "text": text, "from": _user(user_id),
        "chat": {"id": user_id, "type": "private", "first_name": f"U{user_id}"}}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


def _callback(update_id: int, user_id: int, data: str) -> dict[str, Any]:
    shown = {"message_id": 10**9 + update_id, "date": 0, "text": "Kazakhstan …",
             "chat": {"id": user_id, "type": "private", "first_name": f"U{user_id}"},
             "from": {k: BOT[k] for k in ("id", "is_bot", "first_name", "username")}}
    return {"update_id": update_id, "callback_query": {
        "id": str(update_id), "from": _user(user_id), "chat_instance": str(user_id),
        "data": data, "message": shown}}


def _inline(update_id: int, user_id: int, text: str) -> dict[str, Any]:
    return {"update_id": update_id, "inline_query": {
        "id": str(update_id), "from": _user(user_id), "query": text, "offset": ""}}


def update_mix(n: int) -> list[dict[str, Any]]:
    """``n`` updates from 200 users: 70 % questions, 10 % each commands, buttons, inline."""
    updates = []
    for i in range(n):
        user = 1000 + i % 200
        kind = i % 10
        if kind < 7:
            updates.append(_message(i + 1, user, QUESTIONS[i % len(QUESTIONS)]))
        elif kind == 7:
            updates.append(_message(i + 1, user, COMMANDS[i % len(COMMANDS)]))
        elif kind == 8:
            updates.append(_callback(i + 1, user, BUTTONS[i % len(BUTTONS)]))
        else:
            word = TYPED[i % len(TYPED)]
            updates.append(_inline(i + 1, user, word[: 1 + i % len(word)]))
    return updates
