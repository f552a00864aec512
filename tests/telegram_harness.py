"""Shared fixtures for the Telegram tests: the real Application against the fake Bot API.

Nothing of the bot is mocked.  A real SQLite database is built once per session from
``data/`` and copied per test; ``build_application`` gets real :class:`Settings` pointing at
a :class:`FakeBotAPI` on 127.0.0.1, and the Application runs exactly as ``pressbot run``
runs it (initialize, post_init, the updater, start; and the reverse on the way out), with
its rate limiter and its JobQueue.  Tests inject updates into the fake and assert on what
the bot really sent over HTTP.

Every test that uses the ``api`` fixture also checks, on teardown, that Telegram (the fake,
which is as strict as Telegram) refused no call the test did not provoke itself: no bad
HTML, no over-long text, no oversized callback data, no "message is not modified", no
callback answered twice.

``tests/conftest.py`` imports the fixtures (``api``, ``bot``, ``bot_db``), so test modules
only import the helpers they use from here.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fakebotapi import Call, FakeBotAPI
from telegram import Update
from telegram.ext import Application, BaseRateLimiter
from telegram.request import BaseRequest

from bot.pipeline import Pipeline
from bot.settings import Settings, configure_logging
from bot.telegram.app import build_application

TOKEN = "7151234567:AAH7test-Token_0123456789abcdefghijk"
BOT_USERNAME = "pressfreedom_bot"
ADMIN_ID = 4242
USER_ID = 1001
GROUP_ID = -1001234567890
ROOT = Path(__file__).resolve().parent.parent

JsonDict = dict[str, Any]


# --- the database ---------------------------------------------------------------------------


#: How long a step may take before a test fails: a deadline, not a pause (a step that is
#: done returns at once); generous, since a first answer after new data builds its index
#: while other workers load both cores.
WAIT = 30.0


async def wait_until(predicate: Callable[[], object], timeout: float = WAIT) -> None:
    """Wait until ``predicate()`` holds, checking every 50 ms; fail after ``timeout``
    seconds.  The deadline only bounds a failure: a condition that holds returns at once,
    however long the deadline."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"not so within {timeout} s")
        await asyncio.sleep(0.05)


@pytest.fixture
def bot_db(db_copy: Path) -> Path:
    """A private copy of the session's database (conftest's ``db_copy``) for one test."""
    return db_copy


# --- the fake Bot API and the "nothing refused" check ----------------------------------------

_ALLOWED: dict[int, list[Callable[[Call], bool]]] = {}


def allow_failures(api: FakeBotAPI, predicate: Callable[[Call], bool]) -> None:
    """Declare failed calls a test provokes on purpose beyond injected faults."""
    _ALLOWED.setdefault(id(api), []).append(predicate)


def unexpected_failures(api: FakeBotAPI) -> list[Call]:
    """Failed calls that no fault injected, no blocked chat and no allowance explains."""
    injected: Counter[tuple[str, int]] = Counter()
    for fault in api.faults:
        if fault.kind == "fail":
            injected[(fault.method.lower(), fault.status)] += len(fault.hits)
        elif fault.kind == "drop":
            injected[(fault.method.lower(), 0)] += len(fault.hits)
    allowed = _ALLOWED.get(id(api), [])
    failures = []
    for call in api.calls:
        if call.ok:
            continue
        key = (call.method.lower(), call.status)
        if injected[key] > 0:
            injected[key] -= 1
        elif call.status == 403 and call.params.get("chat_id") in api.blocked:
            continue
        elif not any(predicate(call) for predicate in allowed):
            failures.append(call)
    return failures


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """The fake Bot API; on teardown, fail the test if any call was refused unexpectedly."""
    async with FakeBotAPI(token=TOKEN, bot_username=BOT_USERNAME) as server:
        try:
            yield server
        finally:
            failures = unexpected_failures(server)
            _ALLOWED.pop(id(server), None)
    assert not failures, "Telegram refused calls:\n  " + "\n  ".join(
        f"{c!r} -> {c.response}" for c in failures)


# --- the running bot ------------------------------------------------------------------------


@dataclass
class Sent:
    """What the bot sent in answer to one update, in order."""

    calls: list[Call]

    @property
    def messages(self) -> list[JsonDict]:
        """The messages as Telegram stored them (visible text, entities, keyboard)."""
        return [c.result for c in self.calls if isinstance(c.result, dict)]

    @property
    def texts(self) -> list[str]:
        return [m.get("text") or m.get("caption") or "" for m in self.messages]

    @property
    def text(self) -> str:
        """All visible text (after Telegram's HTML parsing), messages joined by newlines."""
        return "\n".join(self.texts)

    @property
    def html(self) -> str:
        return "\n".join(str(c.params.get("text") or c.params.get("caption") or "")
                         for c in self.calls)

    @property
    def last(self) -> JsonDict:
        assert self.messages, "the bot sent nothing"
        return self.messages[-1]

    def buttons(self) -> list[JsonDict]:
        """Every inline button under the messages sent."""
        rows: list[JsonDict] = []
        for message in self.messages:
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                rows.extend(row)
        return rows

    def button(self, match: Callable[[JsonDict], bool]) -> JsonDict:
        found = [b for b in self.buttons() if match(b)]
        assert found, f"no such button among {self.buttons()}"
        return found[0]

    def __len__(self) -> int:
        return len(self.calls)


@dataclass
class Pressed:
    """What one button press produced."""

    answers: list[Call]  # answerCallbackQuery (exactly one is expected)
    edits: list[Call]  # editMessageText
    sent: Sent  # new messages or photos


@dataclass
class RunningBot:
    api: FakeBotAPI
    app: Application
    pipeline: Pipeline
    settings: Settings
    workdir: Path
    _next_user: int = field(default=20_000)

    # -- driving ------------------------------------------------------------------------
    async def settle(self, update: JsonDict | None = None, timeout: float = WAIT) -> None:
        """Wait until the bot fetched ``update`` (default: every injected update) and
        finished processing everything it fetched."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        wanted = None if update is None else update["update_id"]
        while any(wanted is None or u["update_id"] == wanted for u in self.api.updates):
            if loop.time() > deadline:
                raise AssertionError(f"the bot did not fetch update {wanted} in {timeout}s")
            await asyncio.sleep(0.005)
        await asyncio.wait_for(self.app.update_queue.join(), max(0.1, deadline - loop.time()))

    def outgoing(self, chat_id: int | str, since: int = 0) -> list[Call]:
        """Messages and photos the bot delivered to a chat (calls from index ``since``)."""
        return [c for c in self.api.calls[since:]
                if c.ok and c.method in ("sendMessage", "sendPhoto")
                and c.params.get("chat_id") == chat_id]

    async def ask(self, text: str, *, user_id: int = USER_ID, chat_id: int | None = None,
                  chat_type: str = "private", language_code: str | None = "en",
                  reply_to: JsonDict | None = None, extra: JsonDict | None = None,
                  timeout: float = WAIT) -> Sent:
        """Send ``text`` as a user and return what the bot answered in that chat."""
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else GROUP_ID
        before = len(self.api.calls)
        update = self.api.inject_message(text, chat_id=chat_id, user_id=user_id,
                                         chat_type=chat_type, language_code=language_code,
                                         reply_to_message=reply_to, extra=extra)
        await self.settle(update, timeout)
        return Sent(self.outgoing(chat_id, before))

    async def press(self, data: str, message: JsonDict, *, user_id: int = USER_ID,
                    timeout: float = WAIT) -> Pressed:
        """Press a button with callback ``data`` under ``message``."""
        before = len(self.api.calls)
        update = self.api.inject_callback(data, message=message, user_id=user_id)
        await self.settle(update, timeout)
        query_id = update["callback_query"]["id"]
        calls = self.api.calls[before:]
        return Pressed(
            answers=[c for c in calls if c.method == "answerCallbackQuery"
                     and c.params.get("callback_query_id") == query_id],
            edits=[c for c in calls if c.method == "editMessageText"],
            sent=Sent(self.outgoing(message["chat"]["id"], before)),
        )

    async def inline(self, query: str, *, user_id: int = USER_ID, language_code: str = "en",
                     timeout: float = WAIT) -> Call:
        """Type ``@bot query`` somewhere; returns the answerInlineQuery call."""
        update = self.api.inject_inline_query(query, user_id=user_id)
        if language_code:
            update["inline_query"]["from"]["language_code"] = language_code
        await self.settle(update, timeout)
        query_id = update["inline_query"]["id"]
        [call] = [c for c in self.api.calls if c.method == "answerInlineQuery"
                  and c.params.get("inline_query_id") == query_id]
        return call

    async def run_alert_job(self) -> None:
        """Run the release-alert job once, now, and wait for it to finish (instead of
        waiting for its next scheduled run)."""
        assert self.app.job_queue is not None
        [job] = self.app.job_queue.get_jobs_by_name("release-alerts")
        await job.run(self.app)

    def new_user(self) -> int:
        self._next_user += 1
        return self._next_user


def make_settings(api: FakeBotAPI, db_path: Path, workdir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "token": TOKEN,
        "base_url": api.base_url,
        "admins": frozenset({ADMIN_ID}),
        "db_path": db_path,
        "heartbeat": workdir / "heartbeat",
        "log_level": "DEBUG",
    }
    values.update(overrides)
    return Settings(**values)


@contextlib.asynccontextmanager
async def running_bot(
    api: FakeBotAPI,
    db_path: Path,
    workdir: Path,
    *,
    rate_limiter: BaseRateLimiter | None = None,
    request: BaseRequest | None = None,
    webhook: JsonDict | None = None,
    settings: Settings | None = None,
) -> AsyncIterator[RunningBot]:
    """Run the bot as ``Application.run_polling`` / ``run_webhook`` would, on this loop."""
    settings = settings or make_settings(api, db_path, workdir)
    configure_logging(settings)
    pipeline = Pipeline.open(settings.db_path)
    app = build_application(settings, pipeline, rate_limiter=rate_limiter, request=request)
    assert app.updater is not None
    await app.initialize()
    try:
        if app.post_init is not None:
            await app.post_init(app)
        if webhook is None:
            await app.updater.start_polling(poll_interval=0, timeout=1,
                                            allowed_updates=Update.ALL_TYPES)
        else:
            await app.updater.start_webhook(**webhook)
        await app.start()
        yield RunningBot(api, app, pipeline, settings, workdir)
    finally:
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


@pytest.fixture
async def bot(api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> AsyncIterator[RunningBot]:
    """The bot, long polling the fake API, on a fresh copy of the database."""
    async with running_bot(api, bot_db, tmp_path) as running:
        yield running


# --- helpers --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def modified_csv(source: Path, target: Path, *, year: int | None = None,
                 delta: float = 0.0) -> dict[str, float]:
    """Write a copy of an RSF CSV as another year and/or with every score moved by
    ``delta`` (kept within 0..100); return the new global score per RSF code.  RSF's own
    "Score N-1" and "Score evolution" follow, as RSF's file for that year would have them."""
    raw = source.read_bytes().decode("cp1252")
    lines = raw.split("\r\n")
    header = lines[0].split(";")
    old_year = int(next(h for h in header if h.startswith("Score ")).split()[1])
    new_year = year or old_year
    header = [h.replace(f"Score {old_year}", f"Score {new_year}") for h in header]
    score_col = next(i for i, h in enumerate(header) if h.startswith("Score "))
    year_col = header.index("Year (N)")
    before_col = header.index("Score N-1") if "Score N-1" in header else None
    change_col = header.index("Score evolution") if "Score evolution" in header else None
    scores: dict[str, float] = {}
    out = [";".join(header)]
    for line in lines[1:]:
        if not line.strip():
            out.append(line)
            continue
        cells = line.split(";")
        score = float(cells[score_col].replace(",", "."))
        new = min(100.0, max(0.0, round(score + delta, 2)))
        cells[score_col] = f"{new:.2f}".replace(".", ",")
        if before_col is not None and change_col is not None:
            if new_year != old_year:  # next year's file: this year's score is its "N-1"
                cells[before_col] = f"{score:.2f}".replace(".", ",")
            earlier = float(cells[before_col].replace(",", "."))
            cells[change_col] = f"{new - earlier:.2f}".replace(".", ",")
        cells[year_col] = str(new_year)
        scores[cells[0]] = new
        out.append(";".join(cells))
    target.write_bytes("\r\n".join(out).encode("cp1252"))
    return scores


def _clean_environment() -> dict[str, str]:
    """The tests' environment without Telegram's or the bot's settings, but with the run's
    understanding cache (the index of the shipped data is built once per run)."""
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("TELEGRAM_", "PRESSBOT_"))}
    if "PRESSBOT_CACHE" in os.environ:
        environment["PRESSBOT_CACHE"] = os.environ["PRESSBOT_CACHE"]
    return environment


async def run_cli(*args: str, db: Path | None = None, env: dict[str, str] | None = None,
                  timeout: float = 60.0) -> tuple[int, str, str]:
    """``python -m bot ARGS`` in a subprocess, without blocking the event loop the bot runs
    on; returns (exit code, stdout, stderr)."""
    environment = _clean_environment()
    if db is not None:
        environment["PRESSBOT_DB"] = str(db)
    environment.update(env or {})
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=ROOT, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), timeout)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


@contextlib.asynccontextmanager
async def pressbot_run(api: FakeBotAPI, db: Path, tmp: Path, *args: str,
                       env: dict[str, str] | None = None,
                       preexec: Callable[[], None] | None = None) -> Any:
    """``pressbot run ARGS`` as a real process pointed at the fake; SIGTERM on exit
    (``preexec``: run in the child before the program starts)."""
    environment = _clean_environment()
    environment.update({
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
        "PRESSBOT_DB": str(db), "PRESSBOT_HEARTBEAT": str(tmp / "heartbeat"),
        **(env or {}),
    })
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", *args, cwd=ROOT, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, preexec_fn=preexec)
    try:
        yield process
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 15)
        process.stderr_text = err.decode()  # type: ignore[attr-defined]
