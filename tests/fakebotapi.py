"""A fake Telegram Bot API HTTP server for the test-suite.

It speaks the real wire protocol, so a real python-telegram-bot ``Application`` can run against it
(``ApplicationBuilder().base_url(api.base_url).base_file_url(api.base_file_url)``), and it is
deliberately *strict*: it refuses what Telegram refuses (bad HTML, over-long text, oversized
callback data, "message is not modified", ...) with Telegram's error shapes, so that bugs which
only show up against the real API fail in tests instead of in production.

Where the real server is lenient but its documentation is not, the fake follows the
documentation: every ``&`` must start ``&lt;``, ``&gt;``, ``&amp;``, ``&quot;`` or a numeric
reference ending in ``;`` (Telegram keeps a stray ``&`` as is; a bot that sends one is not
escaping user text). Lengths are counted in code points after entity parsing; only the HTML
parse mode is parsed, other parse modes are measured raw.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import re
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

JsonDict = dict[str, Any]
ChatId = int | str

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup of "
    "the specified message are exactly the same as a current content and reply markup of the "
    "message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_STATUS_TEXT = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
                500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
# Form/multipart requests carry every value as a string; python-telegram-bot JSON-encodes the
# complex ones. These tables turn them back into what a JSON request body would have contained.
_JSON_FIELDS = {"reply_markup", "results", "commands", "scope", "entities", "caption_entities",
                "allowed_updates", "reply_parameters", "link_preview_options", "button", "media",
                "menu_button", "rights", "input_message_content"}
_INT_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "user_id", "cache_time",
               "from_chat_id", "reply_to_message_id", "message_thread_id", "max_connections"}
_BOOL_FIELDS = {"disable_notification", "protect_content", "show_alert", "is_personal",
                "drop_pending_updates", "disable_web_page_preview", "allow_sending_without_reply"}
_BUTTON_KINDS = ("url", "callback_data", "web_app", "login_url", "switch_inline_query",
                 "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
                 "copy_text", "callback_game", "pay")
_HTML_TAGS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
              "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
              "del": "strikethrough", "a": "text_link", "code": "code", "pre": "pre",
              "blockquote": "blockquote", "tg-spoiler": "spoiler", "span": "spoiler",
              "tg-emoji": "custom_emoji"}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z]+));")
_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=\s|$)")
_BOT_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


class ApiError(Exception):
    """An error answer, raised by method handlers and turned into Telegram's error JSON."""

    def __init__(self, status: int, description: str, parameters: JsonDict | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters

    def payload(self) -> JsonDict:
        body: JsonDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


@dataclass
class Call:
    """One request, recorded once answered.

    ``params`` are normalised to what a JSON body would hold (form values decoded, uploaded
    files as bytes); ``time`` is ``time.monotonic()`` at arrival; ``status`` is the HTTP status
    answered (0: connection dropped); ``response`` the JSON body answered.
    """

    method: str
    params: JsonDict
    time: float
    status: int = 200
    response: JsonDict | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def result(self) -> Any:
        return (self.response or {}).get("result")

    def __repr__(self) -> str:
        shown = {k: (f"<{len(v)} bytes>" if isinstance(v, bytes) else v)
                 for k, v in self.params.items()}
        return f"{self.method}[{self.status}]({shown})"


@dataclass
class Fault:
    """An injected fault; ``remaining`` counts down as calls consume it."""

    method: str
    kind: str  # "fail" | "delay" | "drop" | "stall"
    remaining: int
    status: int = 0
    retry_after: int | None = None
    seconds: float = 0.0
    hits: list[float] = field(default_factory=list)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[JsonDict]]:
    """Parse Telegram-flavoured HTML into (visible text, entities), or raise ApiError.

    A hand-written tokenizer rather than ``html.parser``, which silently tolerates exactly the
    mistakes (unknown tags, stray ``<``, mis-nesting) we want tests to catch. Error messages
    follow TDLib's ``parse_html``; entity offsets are in UTF-16 code units like Telegram's.
    """
    out: list[str] = []
    pos16 = 0
    stack: list[tuple[str, int, JsonDict]] = []
    entities: list[JsonDict] = []
    n, i = len(text), 0

    def fail(msg: str) -> ApiError:
        return bad_request(f"can't parse entities: {msg}")

    def at(index: int) -> str:
        return f"at byte offset {len(text[:index].encode())}"

    def emit(chars: str) -> None:
        nonlocal pos16
        out.append(chars)
        pos16 += utf16_len(chars)

    def entity(start: int) -> tuple[str, int]:
        m = _ENTITY_RE.match(text, start)
        if m is None:
            raise fail(f'character "&" must be escaped as "&amp;" {at(start)}')
        dec, hexa, name = m.groups()
        if name is not None:
            if name not in _NAMED_ENTITIES:
                raise fail(f'unsupported HTML entity "{m.group()}" {at(start)}')
            return _NAMED_ENTITIES[name], m.end()
        code = int(dec) if dec is not None else int(hexa, 16)
        if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise fail(f'invalid character reference "{m.group()}" {at(start)}')
        return chr(code), m.end()

    while i < n:
        c = text[i]
        if c == "&":
            ch, i = entity(i)
            emit(ch)
            continue
        if c != "<":
            emit(c)
            i += 1
            continue
        begin = i
        if text.startswith("</", i):  # end tag
            if not stack:
                raise fail(f"Unexpected end tag {at(begin)}")
            j = i + 2
            while j < n and not text[j].isspace() and text[j] != ">":
                j += 1
            name = text[i + 2 : j].lower()
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] != ">":
                raise fail(f"Unclosed end tag {at(begin)}")
            tag, start, opened = stack.pop()
            if name and name != tag:
                raise fail(f'Unmatched end tag {at(begin)}, expected "</{tag}>", found "</{name}>"')
            i = j + 1
            kind = _HTML_TAGS[tag]
            if tag == "code" and stack and stack[-1][0] == "pre":  # <pre><code class=...>
                lang = opened.get("class", "")
                if lang.startswith("language-"):
                    stack[-1][2]["language"] = lang[len("language-") :]
                continue
            if pos16 == start or (tag == "a" and not opened.get("href")):
                continue
            ent: JsonDict = {"type": kind, "offset": start, "length": pos16 - start}
            if tag == "a":
                ent["url"] = opened["href"]
            elif tag == "pre" and "language" in opened:
                ent["language"] = opened["language"]
            elif tag == "blockquote" and "expandable" in opened:
                ent["type"] = "expandable_blockquote"
            elif tag == "tg-emoji":
                ent["custom_emoji_id"] = opened["emoji-id"]
            entities.append(ent)
            continue
        j = i + 1  # start tag
        while j < n and not text[j].isspace() and text[j] != ">":
            j += 1
        if j >= n:
            raise fail(f"Unclosed start tag {at(begin)}")
        name = text[i + 1 : j].lower()
        if name not in _HTML_TAGS:
            raise fail(f'Unsupported start tag "{name}" {at(begin)}')
        attrs: JsonDict = {}
        while True:
            while j < n and text[j].isspace():
                j += 1
            if j >= n:
                raise fail(f"Unclosed start tag {at(begin)}")
            if text[j] == ">":
                break
            k = j
            while j < n and not text[j].isspace() and text[j] not in "=>":
                j += 1
            attr = text[k:j].lower()
            if not attr:
                raise fail(f'Empty attribute name in the tag "{name}" {at(begin)}')
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] != "=":
                if name == "blockquote" and attr == "expandable":
                    attrs[attr] = ""
                    continue
                raise fail("Expected equal sign in declaration of an attribute of the tag "
                           f'"{name}" {at(begin)}')
            j += 1
            while j < n and text[j].isspace():
                j += 1
            if j >= n:
                raise fail(f"Unclosed start tag {at(begin)}")
            if text[j] in "\"'":
                quote, value = text[j], []
                j += 1
                while j < n and text[j] != quote:
                    if text[j] == "&":
                        ch, j = entity(j)
                        value.append(ch)
                    else:
                        value.append(text[j])
                        j += 1
                if j >= n:
                    raise fail(f"Unclosed start tag {at(begin)}")
                j += 1
                attrs[attr] = "".join(value)
            else:
                k = j
                while j < n and ((text[j].isascii() and text[j].isalnum()) or text[j] in ".-"):
                    j += 1
                if j >= n or not (text[j].isspace() or text[j] == ">"):
                    raise fail(f"Unexpected end of name token {at(k)}")
                attrs[attr] = text[k:j].lower()
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise fail(f'Tag "span" must have class "tg-spoiler" {at(begin)}')
        if name == "tg-emoji" and not str(attrs.get("emoji-id", "")).isdigit():
            raise fail(f"Invalid custom emoji identifier specified {at(begin)}")
        stack.append((name, pos16, attrs))
        i = j + 1
    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def check_text(text: Any, parse_mode: Any, *, caption: bool = False) -> tuple[str, list[JsonDict]]:
    """Validate a message text (or caption) like Telegram; return (visible text, entities)."""
    if text is None or text == "":
        if caption:
            return "", []
        raise bad_request("message text is empty")
    if not isinstance(text, str):
        raise bad_request("can't parse message text: expected a string")
    visible, entities = (
        parse_html(text) if str(parse_mode or "").upper() == "HTML" else (text, [])
    )
    if caption and len(visible) > 1024:
        raise bad_request("message caption is too long")
    if not caption and not visible.strip():
        raise bad_request("message text is empty")
    if not caption and len(visible) > 4096:
        raise bad_request("message is too long")
    return visible, entities


def check_markup(markup: Any) -> JsonDict | None:
    """Validate reply_markup; return it if it is an inline keyboard (the only kind echoed back)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array '
                          "of Arrays")
    for button in itertools.chain.from_iterable(rows):
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            raise bad_request('can\'t parse inline keyboard button: Field "text" must be of type '
                              "String")
        kinds = [kind for kind in _BUTTON_KINDS if kind in button]
        if not kinds:
            raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in "
                              "the inline keyboard")
        if len(kinds) > 1:
            raise bad_request("can't parse inline keyboard button: exactly one of the optional "
                              f"fields must be used, got {kinds}")
        data = button.get("callback_data")
        if "callback_data" in button and not (
            isinstance(data, str) and 1 <= len(data.encode()) <= 64
        ):
            raise bad_request("BUTTON_DATA_INVALID")
        url = button.get("url")
        if "url" in button and not (isinstance(url, str) and re.match(r"(https?|tg)://\S", url)):
            raise bad_request("BUTTON_URL_INVALID")
    return markup


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    return None


class FakeBotAPI:
    """``async with FakeBotAPI() as api:`` serves the Bot API on 127.0.0.1:<ephemeral port>."""

    def __init__(self, token: str = "123456:TEST-TOKEN", bot_username: str = "pressfreedom_bot",
                 bot_name: str = "Press Freedom Bot", *, max_poll_timeout: float = 1.0) -> None:
        self.token, self.bot_username = token, bot_username
        self.max_poll_timeout = max_poll_timeout
        self.bot_user: JsonDict = {
            "id": int(token.split(":")[0]), "is_bot": True, "first_name": bot_name,
            "username": bot_username, "can_join_groups": True,
            "can_read_all_group_messages": False, "supports_inline_queries": True,
        }
        # Messages carry the short User object (getMe adds the capability flags).
        self._sender = {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.updates: list[JsonDict] = []  # pending (not yet acknowledged) updates
        self.webhook_url = ""
        self.commands: dict[tuple[str, str], list[JsonDict]] = {}  # (scope json, lang) -> list
        self.profile: dict[tuple[str, str], str] = {}  # (field, lang) -> value
        self.default_member_status = "member"
        self.member_status: dict[tuple[ChatId, int], str] = {}
        self.blocked: set[ChatId] = set()
        self._messages: dict[ChatId, dict[int, JsonDict]] = {}
        self._chats: dict[ChatId, JsonDict] = {}
        self._users: dict[int, JsonDict] = {}
        self._queries: dict[str, bool] = {}  # callback/inline query id -> answered
        self._pending: list[Fault] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(4_000_000_001)
        self._file_ids = itertools.count(1)
        # Files users sent (by file_id), and the paths getFile handed out for them.
        self.files: dict[str, bytes] = {}
        self._file_paths: dict[str, str] = {}
        self._file_names: dict[str, str] = {}
        self._message_ids: dict[ChatId, itertools.count[int]] = {}
        self._updates_changed = asyncio.Event()
        self._calls_changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.base_url = self.base_file_url = ""
        self._handlers: dict[str, tuple[str, Callable[[JsonDict], Any]]] = {
            name.lower(): (name, handler) for name, handler in {
                "getMe": lambda p: self.bot_user, "getUpdates": self._get_updates,
                "deleteWebhook": self._delete_webhook, "setWebhook": self._set_webhook,
                "getWebhookInfo": self._get_webhook_info, "setMyCommands": self._set_commands,
                "deleteMyCommands": self._delete_commands, "getMyCommands": self._get_commands,
                "setMyDescription": self._profile_setter("description", 512),
                "setMyShortDescription": self._profile_setter("short_description", 120),
                "setMyName": self._profile_setter("name", 64),
                "getMyDescription": self._profile_getter("description"),
                "getMyShortDescription": self._profile_getter("short_description"),
                "getMyName": self._profile_getter("name"),
                "sendMessage": self._send_message, "sendPhoto": self._send_photo,
                "editMessageText": self._edit_text, "editMessageReplyMarkup": self._edit_markup,
                "deleteMessage": self._delete_message, "answerCallbackQuery": self._answer_cb,
                "answerInlineQuery": self._answer_inline, "getChat": self._get_chat,
                "getChatMember": self._get_chat_member, "sendChatAction": lambda p: True,
                "getFile": self._get_file,
                "close": lambda p: True, "logOut": lambda p: True,
            }.items()
        }

    # ------------------------------------------------------------------ server lifecycle
    async def __aenter__(self) -> FakeBotAPI:
        app = web.Application(client_max_size=50 * 2**20)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._handle_file)
        # A short shutdown_timeout: a long-poll still in flight must not delay teardown by 60 s.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}/bot"
        self.base_file_url = f"http://{host}:{port}/file/bot"
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        self._closing = True
        self._notify_updates()
        if self._runner is not None:
            await self._runner.cleanup()

    # ------------------------------------------------------------------ HTTP plumbing
    async def _read_params(self, request: web.Request) -> JsonDict:
        params: JsonDict = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    body = None
                if not isinstance(body, dict):
                    raise bad_request("can't parse JSON body: expected an object")
                params.update(body)
            else:
                for key, value in (await request.post()).items():
                    params[key] = value.file.read() if isinstance(value, web.FileField) else value
        for key, value in params.items():
            if not isinstance(value, str):
                continue
            if key in _JSON_FIELDS:
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    raise bad_request(f"can't parse {key} JSON object") from None
            elif key in _INT_FIELDS and re.fullmatch(r"-?\d+", value):
                params[key] = int(value)
            elif key in _BOOL_FIELDS:
                params[key] = value.lower() in ("true", "1")
        return params

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        canonical, handler = self._handlers.get(name.lower(), (name, None))
        call = Call(canonical, {}, time.monotonic())
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            call.params = await self._read_params(request)
            fault = self._take_fault(canonical)
            if fault is not None and fault.kind == "drop":
                call.status = 0
                self._record(call)
                if request.transport is not None:
                    request.transport.abort()
                return web.Response(status=499)  # never reaches the client
            if fault is not None and fault.kind == "delay":
                await asyncio.sleep(fault.seconds)
            if fault is not None and fault.kind == "fail":
                description = (f"Too Many Requests: retry after {fault.retry_after}"
                               if fault.status == 429
                               else _STATUS_TEXT.get(fault.status, "Internal Server Error"))
                params = {"retry_after": fault.retry_after} if fault.status == 429 else None
                raise ApiError(fault.status, description, params)
            result = True if handler is None else handler(call.params)
            if asyncio.iscoroutine(result):
                result = await result
            call.response = {"ok": True, "result": result}
            if fault is not None and fault.kind == "stall":
                # Done and recorded (a message is delivered), but the answer comes late: a
                # client that dies meanwhile never learns it was sent.
                self._record(call)
                await asyncio.sleep(fault.seconds)
                return web.json_response(call.response, status=call.status)
        except ApiError as error:
            call.status, call.response = error.status, error.payload()
        except (ValueError, TypeError, KeyError, AttributeError) as error:  # malformed params
            call.status = 400
            call.response = bad_request(f"{type(error).__name__}: {error}").payload()
        self._record(call)
        return web.json_response(call.response, status=call.status)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        """A file's bytes at the path getFile gave for it (and the bot's token); anything
        else is 404, as Telegram answers."""
        path = request.match_info["path"]
        file_id = self._file_paths.get(path)
        call = Call("downloadFile", {"file_path": path}, time.monotonic(), status=404)
        if request.match_info["token"] == self.token and file_id is not None:
            call.status = 200
            self._record(call)
            return web.Response(body=self.files[file_id],
                                content_type="application/octet-stream")
        call.response = {"ok": False, "error_code": 404, "description": "Not Found"}
        self._record(call)
        return web.json_response(call.response, status=404)

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._calls_changed.set()
        self._calls_changed = asyncio.Event()

    def _notify_updates(self) -> None:
        self._updates_changed.set()
        self._updates_changed = asyncio.Event()

    def _take_fault(self, method: str) -> Fault | None:
        for fault in self._pending:
            if fault.method.lower() == method.lower():
                fault.remaining -= 1
                fault.hits.append(time.monotonic())
                if fault.remaining <= 0:
                    self._pending.remove(fault)
                return fault
        return None

    # ------------------------------------------------------------------ fault injection
    def _add_fault(self, fault: Fault) -> Fault:
        self._pending.append(fault)
        self.faults.append(fault)
        return fault

    def fail_next(self, method: str, status: int = 429, retry_after: int = 2,
                  times: int = 1) -> Fault:
        """Answer the next ``times`` calls of ``method`` with an error (429: flood control)."""
        return self._add_fault(Fault(method, "fail", times, status=status,
                                     retry_after=retry_after if status == 429 else None))

    def delay_next(self, method: str, seconds: float, times: int = 1) -> Fault:
        return self._add_fault(Fault(method, "delay", times, seconds=seconds))

    def stall_next(self, method: str, seconds: float, times: int = 1) -> Fault:
        """Carry out the next ``times`` calls of ``method`` at once (a message is delivered
        and recorded) but answer them only ``seconds`` later."""
        return self._add_fault(Fault(method, "stall", times, seconds=seconds))

    def drop_next(self, method: str, times: int = 1) -> Fault:
        """Close the connection without answering (the client sees a connection reset)."""
        return self._add_fault(Fault(method, "drop", times))

    def block_chat(self, chat_id: ChatId) -> None:
        self.blocked.add(chat_id)

    def unblock_chat(self, chat_id: ChatId) -> None:
        self.blocked.discard(chat_id)

    def set_member_status(self, chat_id: ChatId, user_id: int, status: str) -> None:
        """What getChatMember reports: creator, administrator, member, restricted, left, kicked."""
        self.member_status[(chat_id, user_id)] = status

    # ------------------------------------------------------------------ inspection
    def sent(self, method: str | None = None, chat_id: ChatId | None = None) -> list[Call]:
        """Successful calls of ``method`` (default: every send* method except sendChatAction)."""
        def wanted(call: Call) -> bool:
            name = call.method.lower()
            if method is not None:
                return name == method.lower()
            return name.startswith("send") and name != "sendchataction"

        return [c for c in self.calls if c.ok and wanted(c)
                and (chat_id is None or c.params.get("chat_id") == chat_id)]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 30.0,
                       predicate: Callable[[Call], bool] | None = None) -> list[Call]:
        """Wait until ``count`` answered calls of ``method`` (matching ``predicate``) exist.

        Returns all matching calls (possibly more than ``count``); failed and dropped calls
        count too, filter them with ``predicate=lambda c: c.ok`` if needed.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            matches = [c for c in self.calls if c.method.lower() == method.lower()
                       and (predicate is None or predicate(c))]
            remaining = deadline - loop.time()
            if len(matches) >= count or remaining <= 0:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._calls_changed.wait(), remaining)
        if len(matches) < count:
            polls = sum(c.method == "getUpdates" for c in self.calls)
            others = "\n  ".join(repr(c) for c in self.calls if c.method != "getUpdates")
            raise AssertionError(
                f"expected {count} call(s) of {method}"
                f"{' matching predicate' if predicate else ''} within {timeout}s, "
                f"got {len(matches)}. Received ({polls} getUpdates omitted):\n  {others or '-'}")
        return matches

    def chat_messages(self, chat_id: ChatId) -> list[JsonDict]:
        """Current state (after edits/deletions) of every message in a chat, oldest first."""
        return [copy.deepcopy(m) for m in self._messages.get(chat_id, {}).values()]

    def commands_for(self, language_code: str = "", scope: JsonDict | None = None
                     ) -> list[JsonDict]:
        return self.commands.get((self._scope_key(scope), language_code), [])

    # ------------------------------------------------------------------ update injection
    def _queue(self, update: JsonDict) -> JsonDict:
        update.setdefault("update_id", next(self._update_ids))
        self.updates.append(update)
        self._notify_updates()
        return update

    def _user(self, user_id: int, language_code: str | None = "en") -> JsonDict:
        user = self._users.setdefault(user_id, {"id": user_id, "is_bot": False,
                                                "first_name": f"User{user_id}"})
        if language_code:
            user["language_code"] = language_code
        return dict(user)

    def _chat(self, chat_id: ChatId, chat_type: str | None = None) -> JsonDict:
        if chat_id not in self._chats or chat_type is not None:
            kind = chat_type or ("private" if isinstance(chat_id, int) and chat_id > 0
                                 else "supergroup")
            chat: JsonDict = {"id": chat_id if isinstance(chat_id, int) else -1001000000001,
                              "type": kind}
            if kind == "private":
                chat["first_name"] = f"User{chat_id}"
            else:
                chat["title"] = f"Test {kind} {chat_id}"
            self._chats[chat_id] = chat
        return dict(self._chats[chat_id])

    def _store(self, chat_id: ChatId, message: JsonDict) -> JsonDict:
        self._messages.setdefault(chat_id, {})[message["message_id"]] = message
        return copy.deepcopy(message)

    def _new_message(self, chat_id: ChatId, sender: JsonDict, **fields: Any) -> JsonDict:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        message = {"message_id": next(counter), "date": int(time.time()),
                   "chat": self._chat(chat_id), "from": sender}
        message.update({k: v for k, v in fields.items() if v not in (None, [], "")})
        return message

    def inject_message(self, text: str, chat_id: ChatId | None = None, user_id: int = 1001,
                       chat_type: str = "private", language_code: str | None = "en",
                       reply_to_message: JsonDict | None = None,
                       extra: JsonDict | None = None) -> JsonDict:
        """Queue a user message; a leading /command gets its bot_command entity like Telegram."""
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else -1_001_000_000_000 - user_id
        self._chat(chat_id, chat_type)
        entities = []
        if (m := _COMMAND_RE.match(text)) is not None:
            entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group())})
        reply = None
        if reply_to_message is not None:
            reply = copy.deepcopy(reply_to_message)
            reply.pop("reply_to_message", None)
        message = self._new_message(chat_id, self._user(user_id, language_code), text=text,
                                    entities=entities, reply_to_message=reply, **(extra or {}))
        return self._queue({"message": self._store(chat_id, message)})

    def inject_document(self, data: bytes, file_name: str | None = "file.csv",
                        mime_type: str = "text/csv", user_id: int = 1001,
                        chat_id: ChatId | None = None, chat_type: str = "private",
                        caption: str | None = None, language_code: str | None = "en",
                        declared_size: int | None = None) -> JsonDict:
        """Queue a message carrying a document, as Telegram delivers one: the file kept
        under a new file_id for getFile.  ``declared_size``: the file_size the message
        says (default: the real one)."""
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else -1_001_000_000_000 - user_id
        self._chat(chat_id, chat_type)
        n = next(self._file_ids)
        file_id = f"BQACAgIAAxkBAAI{n}DOC"
        self.files[file_id] = data
        self._file_names[file_id] = file_name or ""
        document: JsonDict = {"file_id": file_id, "file_unique_id": f"AgAD{n}",
                              "mime_type": mime_type,
                              "file_size": len(data) if declared_size is None else declared_size}
        if file_name is not None:
            document["file_name"] = file_name
        message = self._new_message(chat_id, self._user(user_id, language_code),
                                    document=document, caption=caption)
        return self._queue({"message": self._store(chat_id, message)})

    def inject_callback(self, data: str, message: JsonDict | None = None, user_id: int = 1001,
                        chat_id: ChatId | None = None) -> JsonDict:
        """Queue a button press on ``message`` (default: the bot's latest message in the chat).

        The update carries the message as it is *now* (after edits), like Telegram's does.
        """
        if message is None:
            stored = self._messages.get(chat_id if chat_id is not None else user_id, {})
            mine = [m for m in stored.values() if m["from"]["id"] == self.bot_user["id"]]
            if not mine:
                raise ValueError("inject_callback: the bot sent no message in that chat")
            message = mine[-1]
        chat_key = message["chat"]["id"] if chat_id is None else chat_id
        current = self._messages.get(chat_key, {}).get(message["message_id"], message)
        query_id = str(next(self._query_ids))
        self._queries[query_id] = False
        return self._queue({"callback_query": {
            "id": query_id, "from": self._user(user_id), "chat_instance": f"ci{chat_key}",
            "data": data, "message": copy.deepcopy(current)}})

    def inject_inline_query(self, query: str, user_id: int = 1001, offset: str = "") -> JsonDict:
        query_id = str(next(self._query_ids))
        self._queries[query_id] = False
        return self._queue({"inline_query": {"id": query_id, "from": self._user(user_id),
                                             "query": query, "offset": offset}})

    def inject_raw(self, update: JsonDict) -> JsonDict:
        """Queue an arbitrary (possibly malformed) update; update_id is added if missing."""
        return self._queue(update)

    # ------------------------------------------------------------------ Bot API methods
    async def _get_updates(self, p: JsonDict) -> list[JsonDict]:
        if self.webhook_url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = int(p.get("offset", 0))
        if offset > 0:  # acknowledges every update before it, like Telegram
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(float(p.get("timeout", 0)), self.max_poll_timeout)
        while not self.updates and not self._closing and (left := deadline - loop.time()) > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._updates_changed.wait(), left)
        return self.updates[: max(1, min(100, int(p.get("limit", 100))))]

    def _delete_webhook(self, p: JsonDict) -> bool:
        self.webhook_url = ""
        if p.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _set_webhook(self, p: JsonDict) -> bool:
        url = str(p.get("url", ""))
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook_url = url
        return True

    def _get_webhook_info(self, p: JsonDict) -> JsonDict:
        return {"url": self.webhook_url, "has_custom_certificate": False,
                "pending_update_count": len(self.updates)}

    @staticmethod
    def _scope_key(scope: Any) -> str:
        return json.dumps(scope or {"type": "default"}, sort_keys=True)

    def _set_commands(self, p: JsonDict) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        for cmd in commands:
            if not isinstance(cmd, dict) or not _BOT_COMMAND_RE.fullmatch(str(cmd.get("command"))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not isinstance(cmd.get("description"), str) or not 1 <= len(
                    cmd["description"]) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = (self._scope_key(p.get("scope")), str(p.get("language_code", "")))
        self.commands[key] = [{"command": c["command"], "description": c["description"]}
                              for c in commands]
        return True

    def _delete_commands(self, p: JsonDict) -> bool:
        self.commands.pop((self._scope_key(p.get("scope")), str(p.get("language_code", ""))),
                          None)
        return True

    def _get_commands(self, p: JsonDict) -> list[JsonDict]:
        return self.commands.get(
            (self._scope_key(p.get("scope")), str(p.get("language_code", ""))), [])

    def _profile_setter(self, key: str, limit: int) -> Callable[[JsonDict], bool]:
        def setter(p: JsonDict) -> bool:
            value = str(p.get(key, ""))
            if len(value) > limit:
                raise bad_request(f"BOT_{key.upper()}_INVALID")
            self.profile[(key, str(p.get("language_code", "")))] = value
            return True

        return setter

    def _profile_getter(self, key: str) -> Callable[[JsonDict], JsonDict]:
        def getter(p: JsonDict) -> JsonDict:
            value = self.profile.get((key, str(p.get("language_code", ""))), "")
            if key == "name" and not value:
                value = self.bot_user["first_name"]
            return {key: value}

        return getter

    def _target_chat(self, p: JsonDict, method: str) -> ChatId:
        chat_id = p.get("chat_id")
        if chat_id in (None, ""):
            raise bad_request("chat_id is empty")
        if chat_id in self.blocked and method.startswith("send"):
            kind = "bot was blocked by the user" if isinstance(chat_id, int) and chat_id > 0 \
                else "bot was kicked from the group chat"
            raise ApiError(403, f"Forbidden: {kind}")
        return chat_id

    def _reply_to(self, chat_id: ChatId, p: JsonDict) -> JsonDict | None:
        reply_id = (p.get("reply_parameters") or {}).get("message_id") or p.get(
            "reply_to_message_id")
        original = self._messages.get(chat_id, {}).get(reply_id) if reply_id else None
        if reply_id and original is None and not (p.get("reply_parameters") or {}).get(
                "allow_sending_without_reply", p.get("allow_sending_without_reply")):
            raise bad_request("message to be replied not found")
        return {k: v for k, v in original.items() if k != "reply_to_message"} if original else None

    def _send_message(self, p: JsonDict) -> JsonDict:
        chat_id = self._target_chat(p, "send")
        text, entities = check_text(p.get("text"), p.get("parse_mode"))
        markup = check_markup(p.get("reply_markup"))
        reply = self._reply_to(chat_id, p)
        message = self._new_message(chat_id, self._sender, text=text, entities=entities,
                                    reply_markup=markup, reply_to_message=reply)
        return self._store(chat_id, message)

    def _send_photo(self, p: JsonDict) -> JsonDict:
        chat_id = self._target_chat(p, "send")
        caption, entities = check_text(p.get("caption"), p.get("parse_mode"), caption=True)
        markup = check_markup(p.get("reply_markup"))
        photo = p.get("photo")
        if not photo:
            raise bad_request("there is no photo in the request")
        width, height = (_png_size(photo) if isinstance(photo, bytes) else None) or (800, 600)
        n = next(self._file_ids)
        sizes = [{"file_id": f"AgACAgQAAxkBAAI{n}{suffix}", "file_unique_id": f"AQAD{n}{suffix}",
                  "width": w, "height": h, "file_size": 1000 * n}
                 for suffix, w, h in (("s", max(1, width * 90 // max(width, height)),
                                       max(1, height * 90 // max(width, height))),
                                      ("x", width, height))]
        message = self._new_message(chat_id, self._sender, photo=sizes, caption=caption,
                                    caption_entities=entities, reply_markup=markup,
                                    reply_to_message=self._reply_to(chat_id, p))
        return self._store(chat_id, message)

    def _editable(self, p: JsonDict) -> JsonDict:
        chat_id = self._target_chat(p, "edit")
        message = self._messages.get(chat_id, {}).get(int(p.get("message_id") or 0))
        if message is None:
            raise bad_request("message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        return message

    def _apply_edit(self, message: JsonDict, changes: JsonDict) -> JsonDict:
        if all(message.get(k) == v for k, v in changes.items()):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        for key, value in changes.items():
            if value in (None, []):
                message.pop(key, None)
            else:
                message[key] = value
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    def _edit_text(self, p: JsonDict) -> JsonDict | bool:
        text, entities = check_text(p.get("text"), p.get("parse_mode"))
        markup = check_markup(p.get("reply_markup"))
        if p.get("inline_message_id"):
            return True
        message = self._editable(p)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        return self._apply_edit(message, {"text": text, "entities": entities or None,
                                          "reply_markup": markup})

    def _edit_markup(self, p: JsonDict) -> JsonDict | bool:
        markup = check_markup(p.get("reply_markup"))
        if p.get("inline_message_id"):
            return True
        return self._apply_edit(self._editable(p), {"reply_markup": markup})

    def _delete_message(self, p: JsonDict) -> bool:
        chat_id = self._target_chat(p, "delete")
        if self._messages.get(chat_id, {}).pop(int(p.get("message_id") or 0), None) is None:
            raise bad_request("message to delete not found")
        return True

    def _answer_query(self, query_id: Any) -> None:
        if self._queries.get(str(query_id)) is not False:
            raise bad_request(QUERY_TOO_OLD.removeprefix("Bad Request: "))
        self._queries[str(query_id)] = True

    def _answer_cb(self, p: JsonDict) -> bool:
        self._answer_query(p.get("callback_query_id"))
        return True

    def _answer_inline(self, p: JsonDict) -> bool:
        results = p.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse results JSON object")
        if len(results) > 50:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            rid = result.get("id") if isinstance(result, dict) else None
            if not isinstance(rid, str) or not 1 <= len(rid.encode()) <= 64:
                raise bad_request("RESULT_ID_INVALID")
            if rid in seen:
                raise bad_request("RESULT_ID_DUPLICATE")
            seen.add(rid)
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                check_text(content["message_text"], content.get("parse_mode"))
            check_markup(result.get("reply_markup"))
        self._answer_query(p.get("inline_query_id"))
        return True

    #: The largest file a bot may download (the Bot API server's getFile limit).
    MAX_DOWNLOAD = 20 << 20

    def _get_file(self, p: JsonDict) -> JsonDict:
        """getFile: a file_path to download the file from (valid for an hour on Telegram),
        or Telegram's refusals: an unknown file_id, a file over 20 MB."""
        file_id = p.get("file_id")
        if not isinstance(file_id, str) or not file_id:
            raise bad_request("file_id is empty" if not file_id else "invalid file_id")
        data = self.files.get(file_id)
        if data is None:
            raise bad_request("invalid file_id")
        if len(data) > self.MAX_DOWNLOAD:
            raise bad_request("file is too big")
        path = next((k for k, v in self._file_paths.items() if v == file_id), None)
        if path is None:
            suffix = "".join(re.findall(r"\.[A-Za-z0-9]{1,8}$", self._file_names[file_id]))
            path = f"documents/file_{len(self._file_paths)}{suffix}"
            self._file_paths[path] = file_id
        return {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-8:]}",
                "file_size": len(data), "file_path": path}

    def _get_chat(self, p: JsonDict) -> JsonDict:
        gifts = dict.fromkeys(("unlimited_gifts", "limited_gifts", "unique_gifts",
                               "premium_subscription", "gifts_from_channels"), False)
        return {**self._chat(self._target_chat(p, "get")), "accent_color_id": 0,
                "max_reaction_count": 11, "accepted_gift_types": gifts}

    def _get_chat_member(self, p: JsonDict) -> JsonDict:
        chat_id, user_id = self._target_chat(p, "get"), int(p.get("user_id", 0))
        status = self.member_status.get((chat_id, user_id), self.default_member_status)
        user = self.bot_user if user_id == self.bot_user["id"] else self._user(user_id, None)
        member: JsonDict = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(dict.fromkeys(
                ("can_manage_chat", "can_delete_messages", "can_restrict_members",
                 "can_invite_users", "can_change_info", "can_pin_messages"), True))
            member.update(dict.fromkeys(
                ("can_be_edited", "is_anonymous", "can_manage_video_chats", "can_promote_members",
                 "can_post_stories", "can_edit_stories", "can_delete_stories"), False))
        elif status == "restricted":
            member.update(dict.fromkeys(
                ("can_change_info", "can_invite_users", "can_pin_messages", "can_send_messages",
                 "can_send_polls", "can_send_other_messages", "can_add_web_page_previews",
                 "can_manage_topics", "can_send_audios", "can_send_documents",
                 "can_send_photos", "can_send_videos", "can_send_video_notes",
                 "can_send_voice_notes", "can_edit_tag"), False))
            member.update(is_member=True, until_date=0)
        elif status == "kicked":
            member["until_date"] = 0
        return member
