"""The one way into the core: understand → answer → render, for every interface.

The terminal, ``pressbot ask``, private chats, group commands, inline cards, buttons, deep
links, charts and release alerts all hand a text or a typed request to :class:`Pipeline`
and get back a :class:`Reply` (or rendered text); none of them touches the understander,
the snapshot, ``answer()`` or SQL.  So a fix here fixes every surface.

The understander's index is rebuilt only when the data version changes, every cache of
data (made by :meth:`Pipeline.cache`) is emptied at that moment, in that one place, and
each reply is computed from a single snapshot.

Methods block on SQLite now and then (a snapshot reload after an import, a subscription
written): the Telegram layer calls them from worker threads.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from msgspec import Struct
from msgspec.structs import replace

from bot import button_data
from bot.answer import Answer, alert, answer
from bot.cache import LRU
from bot.charts.cache import CACHE_SIZE as CHART_CACHE_SIZE
from bot.charts.cache import png_for
from bot.charts.data import Picture, PictureKey
from bot.domain import MAX_COMPARE
from bot.errors import OperatorError
from bot.i18n import LANGS, reply_lang, t
from bot.index_cache import understander_for
from bot.lasting import freeze
from bot.query import Intent, Query, Ranking
from bot.render import MAX_MESSAGE, Rendered, directional, render
from bot.render.fixed import (
    about,
    country_names,
    group_help,
    language_menu,
    language_set,
    not_understood,
    status_lines,
    topics,
)
from bot.store import PendingAlert, Snapshot, SnapshotStale, Store, default_db_path
from bot.store.status import has_imports, vdem_never_imported
from bot.understand import Understander

if TYPE_CHECKING:  # operators' imports and undos load what they need when they come
    from bot.changes import Actor

log = logging.getLogger(__name__)
T = TypeVar("T")


class Reply(Struct, frozen=True):
    query: Query
    answer: Answer
    rendered: Rendered

    @property
    def messages(self) -> list[str]:
        return self.rendered.messages

    def as_json(self) -> dict[str, Any]:
        """The shape ``pressbot ask --json`` prints (relied on by tooling)."""
        return {
            "question": self.query.text,
            "intent": str(self.query.intent),
            "countries": list(self.query.countries),
            "topic": self.query.topic,
            # The year the question names: "in 2023" or "since 2020".
            "year": self.query.year if self.query.year is not None else self.query.since,
            "messages": self.messages,
        }

    def json_line(self) -> str:
        """:meth:`as_json` exactly as ``json.dumps(reply.as_json(), ensure_ascii=False)``
        writes it (``", "`` and ``": "`` between items, the same escaping), written
        directly: the general encoder costs as much again as the reply's text does to
        escape, and a reply asked again (the reply cache) has its messages escaped
        already (:attr:`Rendered.json_messages`)."""
        query = self.query
        year = query.year if query.year is not None else query.since
        countries = ", ".join(map(encode_basestring, query.countries))
        topic = "null" if query.topic is None else encode_basestring(query.topic)
        return (f'{{"question": {encode_basestring(query.text)}, '
                f'"intent": {encode_basestring(str(query.intent))}, '
                f'"countries": [{countries}], "topic": {topic}, '
                f'"year": {"null" if year is None else int.__repr__(year)}, '
                f'"messages": {self.rendered.json_messages}}}')


class OperatorReply(Struct, frozen=True):
    """What the bot tells an operator about an import or an undo: the message (HTML) and
    whether what it describes may go ahead (``ready``: a preview that passed every check,
    with the change an undo would take back in ``change_id``)."""

    text: str
    ready: bool = False
    change_id: int | None = None


#: How long a question waits for another thread building the index of new data before it
#: is answered from the data before (seconds): a new index year is read in about a second
#: (0.8-1.4 s measured, within it but in the machine's slowest hours), a first build from
#: nothing takes several.
REBUILD_WAIT = 1.5

#: How long an operator's import or undo from Telegram waits for another process's write
#: lock (an import from the shell) before saying the database is busy.
OPERATOR_WRITE_WAIT = 20.0

#: Inline mode's cards for an empty query: rankings and a few countries people look up.
_STARTING_RANKINGS = (
    Ranking("top", 10),
    Ranking("bottom", 10),
    Ranking("bottom", 10, indicator="safety"),
)
_STARTING_COUNTRIES = ("KAZ", "RUS", "UKR", "USA", "MEX", "FRA", "NOR", "CHN")

#: Inline mode offers the answer itself for these even when no country is named.
_ANSWERED_WITHOUT_COUNTRIES = frozenset({
    Intent.RANKING, Intent.SEARCH, Intent.AGGREGATE, Intent.BAND, Intent.MOVERS,
    Intent.EXPLAIN, Intent.VDEM,
})
#: How many times a reply is computed again when an import replaced the data it was
#: reading (V-Dem's values are read lazily: see bot.store.vdem).
_STALE_RETRIES = 3

#: The data :meth:`Pipeline.one_version` holds in the running context, with the pipeline
#: holding it (a context variable: a Telegram handler in another thread never sees it).
_HELD: ContextVar[tuple[Pipeline, Snapshot, Understander] | None] = ContextVar(
    "pressbot_held_data", default=None)

#: How long a subscription waits for another process's write lock before the user is told
#: it was not saved (counted from when the command arrived, queueing included).
USER_WRITE_WAIT = 5.0


def _patience(asked_at: float | None) -> float:
    """Seconds left to wait for the write lock for a command that arrived at ``asked_at``
    (``time.monotonic()``); at least one try is always made."""
    if asked_at is None:
        return USER_WRITE_WAIT
    return max(0.0, asked_at + USER_WRITE_WAIT - time.monotonic())


#: How long the release-alert job waits for the write lock before leaving the rest to its
#: next run (it runs every few seconds).
ALERT_WRITE_WAIT = 2.0

#: Chats whose chosen language is kept in memory (the rest: read again on their next message).
CHAT_LANGS = 100_000

#: Questions read, and replies made, kept per data version (a reply is 1–4 KB).
PARSED = 8192
REPLIES = 2048


def _directed(text: str, lang: str) -> str:
    """A text that is no rendered reply, made to read right to left in Arabic and Persian
    like every reply (bot.render.bidi)."""
    return directional(text, lang, MAX_MESSAGE)


class Pipeline:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()  # swapping in a new version and emptying the caches
        self._building = threading.Lock()  # held by the one thread building a new index
        # The snapshot the understander and caches are of, and the understander.
        self._pair: tuple[Snapshot, Understander] | None = None
        self._caches: list[LRU[Any, Any]] = []
        self._charts: LRU[PictureKey, bytes] = self.cache(CHART_CACHE_SIZE)
        # Answers come from one immutable snapshot, so the same question asked again (by
        # anyone, in any chat) has the same reply until the data changes.
        # Keyed by the data version first (see _latest).
        self._parsed: LRU[tuple[int, str, str | None, Query | None, str | None], Query] = (
            self.cache(PARSED))
        self._replies: LRU[tuple[int, Query, str | None], tuple[Answer, Rendered]] = (
            self.cache(REPLIES))
        # Chats' chosen languages (/language; "" automatic), read once per chat: bot state,
        # not data, so a new data version leaves them; every change goes through
        # set_chat_lang.
        self._chat_langs: LRU[int, str] = LRU(CHAT_LANGS)
        self.started = time.time()

    @classmethod
    def open(cls, path: Path | str | None = None) -> Pipeline:
        """The pipeline over the database at ``path`` (default: ``PRESSBOT_DB``), built from
        the shipped data first if there is none yet."""
        target = Path(path) if path is not None else default_db_path()
        if target.is_file():
            store = Store(target)
            if store.read(has_imports):
                if store.read(vdem_never_imported):  # built before V-Dem: bring it in, once
                    from bot.importer.shipped import add_shipped_vdem

                    add_shipped_vdem(store)
                return cls(store)  # the usual case: nothing of the importer is loaded
            store.close()
        from bot.importer import open_store

        return cls(open_store(target))

    # -- the data, and everything computed from it -----------------------------------------

    def cache(self, size: int) -> LRU[Any, Any]:
        """A cache of something computed from the data: emptied whenever the data changes.
        Key its entries by the data version they come from (``Snapshot.generation``): a
        reply computed from the version before may be stored after the change."""
        made: LRU[Any, Any] = LRU(size)
        self._caches.append(made)
        return made

    @contextmanager
    def one_version(self) -> Iterator[None]:
        """Answer every question asked inside from the data as it is on entry: the store is
        asked for newer data once, not once per question (``pressbot ask`` over the lines
        of one read).  A reply whose lazy reads find the data replaced meanwhile is still
        computed again on the new data."""
        token = _HELD.set((self, *self._latest()))
        try:
            yield
        finally:
            _HELD.reset(token)

    def _current(self) -> tuple[Snapshot, Understander]:
        """The snapshot and understander replies are computed from: those held by
        :meth:`one_version`, else the latest."""
        held = _HELD.get()
        if held is not None and held[0] is self:
            return held[1], held[2]
        return self._latest()

    def _latest(self, wait: bool = False) -> tuple[Snapshot, Understander]:
        """The latest snapshot and an understander built over the same data; the one place
        where a new data version empties the caches.

        Building the understander of a new version can take seconds (when the names
        changed).  One thread builds it; the others wait for it up to
        :data:`REBUILD_WAIT` (a new index year is read in about a second, so the next
        question after an import has the new data), then answer from the version before,
        its snapshot and understander together, rather than stall.  Every cache of
        the data is keyed by the version its entries were computed from, so a reply of
        the version before, stored after the new one came in, is never read again.
        ``wait``: wait for the new version (the old one's lazy reads failed:
        :class:`SnapshotStale`)."""
        snapshot = self.store.snapshot()
        pair = self._pair
        # Another snapshot is other data (a new version, a /reload, another file at the
        # path), even when its version number is the same.
        if pair is not None and pair[0] is snapshot:
            return pair
        if pair is not None and not wait and not self._building.acquire(timeout=REBUILD_WAIT):
            return pair
        if pair is None or wait:
            self._building.acquire()  # nothing to answer from yet, or asked to wait
        try:
            # The newest data now: another thread may have brought a later version in
            # while this one waited (two imports in a row).
            snapshot = self.store.snapshot()
            pair = self._pair
            if pair is None or pair[0] is not snapshot:
                pair = (snapshot, understander_for(snapshot))
                with self._lock:
                    self._pair = pair
                    for made in self._caches:
                        made.clear()
                # The snapshot and the index never change once built: keep the garbage
                # collector from walking their hundreds of thousands of objects on every
                # full collection (they are freed as usual once nothing refers to them).
                freeze()
            return pair
        finally:
            self._building.release()

    @property
    def indexing(self) -> bool:
        """Whether the understander of a new data version is being built (questions are
        answered from the version before meanwhile)."""
        return self._building.locked()

    def refresh(self) -> int:
        """Notice new data now (emptying the caches if there is some); returns the version
        of the data the next reply is computed from."""
        return self._latest()[0].generation

    # -- questions -------------------------------------------------------------------------

    def ask(
        self,
        text: str,
        lang: str | None = None,
        context: Query | None = None,
        *,
        chosen: str | None = None,
    ) -> Reply:
        """Answer a message.  ``lang`` is the reader's Telegram language code, ``context``
        the query behind the message it follows up on, ``chosen`` the language the chat
        chose (``/language``, ``pressbot ask --lang``; None: automatic).  The reply's
        language follows :mod:`bot.i18n.choice`: the question's own, else ``chosen``,
        else ``lang``, else English."""
        snapshot, understander = self._current()
        key = (snapshot.generation, text, lang, context, chosen)
        query = self._parsed.get(key)
        if query is None:
            query = understander.parse(text, lang, context, chosen=chosen)
            self._parsed.put(key, query)
        return self._reply(query, snapshot)

    def language(self, text: str, lang: str | None = None, chosen: str | None = None) -> str:
        """The language a reply to ``text`` is written in (the rule :meth:`ask` follows),
        for replies that are no answer to it (a subscription, an inline card's frame)."""
        if not text.strip():
            return reply_lang(chosen=chosen, user_code=lang)
        snapshot, understander = self._current()
        key = (snapshot.generation, text, lang, None, chosen)
        query = self._parsed.get(key)
        if query is None:
            query = understander.parse(text, lang, chosen=chosen)
            self._parsed.put(key, query)
        return query.lang

    # -- a chat's language (/language) -----------------------------------------------------

    def chat_lang(self, chat_id: int) -> str | None:
        """The language a chat chose (None: follow each question): read from the database
        once per chat, then kept (blocks on SQLite the first time: call from a worker)."""
        known = self._chat_langs.get(chat_id)
        if known is not None:
            return known or None
        try:
            found = self.store.chat_lang(chat_id)
        except OperatorError as exc:  # the database unreadable now: answer automatically
            log.warning("language of %s not read: %s", chat_id, exc)
            return None
        found = found if found in LANGS else None
        self._chat_langs.put(chat_id, found or "")
        return found

    def remembered_chat_lang(self, chat_id: int) -> tuple[bool, str | None]:
        """``(True, lang)`` when the chat's language is known without reading the database
        (so the event loop may ask), else ``(False, None)``."""
        known = self._chat_langs.get(chat_id)
        return (True, known or None) if known is not None else (False, None)

    def language_menu(self, chat_id: int, lang: str) -> Rendered:
        """``/language``: the languages to choose from, the chat's current one ticked."""
        menu = language_menu(self.chat_lang(chat_id), lang)
        return replace(menu, messages=[_directed(m, lang) for m in menu.messages])

    def set_chat_lang(self, chat_id: int, chosen: str | None, lang: str,
                      asked_at: float | None = None) -> str:
        """Keep a chat's language (None: automatic again) and say so, in the language the
        chat will now be answered in (``lang`` the one it was asked in, for automatic);
        or say it could not be kept.  Writes: call on the writer thread."""
        if chosen is not None and chosen not in LANGS:
            raise ValueError(f"not an interface language: {chosen!r}")
        try:
            self.store.set_chat_lang(chat_id, chosen, _patience(asked_at))
        except OperatorError as exc:
            log.warning("language of %s not stored: %s", chat_id, exc)
            return t(lang, "not_saved")
        self._chat_langs.put(chat_id, chosen or "")
        return _directed(language_set(chosen, chosen or lang), chosen or lang)

    def answer_query(self, query: Query) -> Reply:
        """The reply to a query built by the caller rather than read from text (buttons,
        deep links and tests ask this way)."""
        return self._reply(query, self._current()[0])

    def press(self, data: str, lang: str) -> Reply | None:
        """A button's callback data → its reply; None for data we never made (stale or
        forged)."""
        pressed = button_data.decode(data)
        if pressed is None:
            return None
        return self._reply(pressed.to_query(lang), self.store.snapshot())

    def deep_link(self, payload: str, lang: str) -> Reply | None:
        """``t.me/<bot>?start=PAYLOAD`` → its reply; None when the payload names nothing we
        know (the caller shows the greeting)."""
        link = button_data.deep_link(payload)
        if link is None:
            return None
        snapshot, understander = self._current()
        codes = []
        for code in link.codes:  # RSF's alpha-3, or an alpha-2 ("KZ") resolved like a name
            if code not in snapshot.countries:
                found = understander.parse(code, "en").countries
                code = found[0] if len(found) == 1 else code
            if code not in snapshot.countries:
                return None
            codes.append(code)
        return self._reply(replace(link, codes=tuple(dict.fromkeys(codes))).to_query(lang),
                           snapshot)

    def help(self, lang: str, group_bot: str | None = None) -> Reply:
        """/help and /start; in a group (``group_bot`` the bot's username) also how privacy
        mode and inline mode work there."""
        reply = self._reply(Query(text="/help", intent=Intent.HELP, lang=lang),
                            self.store.snapshot())
        if group_bot is None:
            return reply
        extra = _directed(group_help(group_bot, lang), lang)
        rendered = replace(reply.rendered, messages=[reply.messages[0] + "\n\n" + extra])
        return replace(reply, rendered=rendered)

    def topics(self, lang: str) -> str:
        """/topics: what can be asked about."""
        return _directed(topics(lang), lang)

    def about(self, lang: str) -> str:
        """/about: the sources, the method in brief, the scales and the credits."""
        return _directed(self._fresh(
            lambda snapshot: about(snapshot.years, snapshot.vdem.span(), lang)), lang)

    def suggestions(self, text: str, lang: str) -> list[Reply]:
        """Inline mode's cards for what was typed so far: the answer, then each country of
        a comparison on its own; for a name being typed, every country it may become."""
        snapshot, understander = self._current()
        if not text.strip():
            queries = [Query(text="", intent=Intent.RANKING, ranking=r, lang=lang)
                       for r in _STARTING_RANKINGS]
            queries += [Query(text=c, intent=Intent.PROFILE, countries=(c,), lang=lang)
                        for c in _STARTING_COUNTRIES if c in snapshot.countries]
            return [self._reply(q, snapshot) for q in queries]
        first = self._reply(understander.parse(text, lang), snapshot)
        query = first.query
        replies = []
        codes: list[str] = []
        if query.countries or query.intent in _ANSWERED_WITHOUT_COUNTRIES:
            replies.append(first)
            if len(query.countries) > 1:
                codes = list(query.countries)
        else:
            codes = understander.prefix_matches(text, lang)
            codes += [c for c in query.candidates if c not in codes]
        for code in codes:
            single = Query(text=code, intent=Intent.PROFILE, countries=(code,),
                           topic=query.topic, year=query.year, lang=lang)
            replies.append(self._reply(single, snapshot))
        return replies

    def _reply(self, query: Query, snapshot: Snapshot) -> Reply:
        # Only "did you mean" repeats the words typed; any other reply is the same for every
        # wording of the same query (queries compare without their text).
        key = (snapshot.generation, query, query.text if query.candidates else None)
        made = self._replies.get(key)
        if made is None:
            result = self._fresh(lambda fresh: answer(query, fresh, self.store), snapshot)
            made = (result, render(result, query.lang))
            self._replies.put(key, made)
        return Reply(query, *made)

    def _fresh(self, compute: Callable[[Snapshot], T], snapshot: Snapshot | None = None) -> T:
        """``compute`` on ``snapshot`` (default: the current one), computed again on the
        current snapshot if an import replaced the data it was still reading: a reply is
        never made of two versions of the data."""
        current = snapshot or self._current()[0]
        for _ in range(_STALE_RETRIES):
            try:
                return compute(current)
            except SnapshotStale:
                current = self._latest(wait=True)[0]
        return compute(current)

    # -- charts ----------------------------------------------------------------------------

    def chart(self, countries: str, year: int | None = None, lang: str = "en") -> Reply:
        """``pressbot chart``: the chart of a list of countries in ``lang``, ``year`` (when
        given) winning over a year written among them."""
        snapshot, understander = self._current()
        query = replace(understander.parse(f"/chart {countries}", lang), lang=lang)
        if year is not None:
            query = replace(query, year=year, since=None)
        return self._reply(query, snapshot)

    def chart_png(self, data: Picture) -> bytes:
        """The picture of a chart reply (``reply.rendered.chart``): drawn once per data
        version, then from the cache.  Drawing takes ~0.1 s: call from a worker thread."""
        self.refresh()
        return png_for(data, self._charts)

    # -- lists of countries: subscriptions -------------------------------------------------

    def _countries(self, text: str, lang: str) -> tuple[list[str], str]:
        """The countries a list names, and what to say about the words naming none."""
        snapshot, understander = self._current()
        codes, unknown = understander.country_list(text, lang)
        unclear = []
        for word in unknown:
            near = understander.parse(word, lang).candidates
            found = [snapshot.countries[c] for c in near if c in snapshot.countries]
            unclear.append((word, found[:MAX_COMPARE]))
        return codes, not_understood(unclear, lang) if unclear else ""

    def _names(self, codes: list[str], lang: str) -> str:
        countries = self.store.snapshot().countries
        return country_names([countries[c] for c in codes if c in countries], lang)

    def subscribe(self, chat_id: int, text: str, lang: str,
                  asked_at: float | None = None) -> str:
        """/subscribe COUNTRY[, COUNTRY…]: stored, then said so; or, when it could not be
        stored (the database locked by another process for :data:`USER_WRITE_WAIT` seconds
        after the command arrived at ``asked_at``, or unusable), said so."""
        codes, unclear = self._countries(text, lang)
        lines = [unclear] if unclear else []
        if codes:
            try:
                new = self.store.subscribe(chat_id, codes, lang, _patience(asked_at))
            except OperatorError as exc:
                log.warning("subscription of %s not stored: %s", chat_id, exc)
                return t(lang, "not_saved")
            old = [c for c in codes if c not in new]
            if new:
                lines.append(t(lang, "subscribed", countries=self._names(new, lang)))
            if old:
                lines.append(t(lang, "already_subscribed", countries=self._names(old, lang)))
        return _directed("\n".join(lines), lang)

    def unsubscribe(self, chat_id: int, text: str, lang: str,
                    asked_at: float | None = None) -> str:
        """/unsubscribe COUNTRY[, …], or all of a chat's ("/unsubscribe all"); like
        :meth:`subscribe`, says so when it could not be stored."""
        everything = self._current()[1].means_everything(text)
        codes, unclear = ([], "") if everything else self._countries(text, lang)
        try:
            removed = self.store.unsubscribe(chat_id, None if everything else codes,
                                             _patience(asked_at))
        except OperatorError as exc:
            log.warning("unsubscription of %s not stored: %s", chat_id, exc)
            return t(lang, "not_saved")
        if everything:
            return _directed(t(lang, "unsubscribed", n=removed), lang)
        return _directed("\n".join([*([unclear] if unclear else []),
                                     t(lang, "unsubscribed", n=removed)]), lang)

    def subscriptions(self, chat_id: int, lang: str) -> str:
        """/subscriptions: a chat's countries."""
        codes = self.store.subscriptions(chat_id)
        if not codes:
            return t(lang, "no_subscriptions")
        return _directed(t(lang, "subscriptions", countries=self._names(codes, lang)), lang)

    # -- release alerts --------------------------------------------------------------------

    def due_alerts(self, limit: int = 100) -> list[tuple[PendingAlert, Reply | None]]:
        """Queue alerts for a new index year, then the pending ones with their messages
        (None: the chat has no subscriptions left, nothing to send).  Raises
        :class:`OperatorError` when the database cannot be written now (the next run tries
        again)."""
        self.store.plan_alerts(ALERT_WRITE_WAIT)
        snapshot = self.store.snapshot()
        due: list[tuple[PendingAlert, Reply | None]] = []
        for pending in self.store.pending_alerts(limit):
            if not pending.codes:
                due.append((pending, None))
                continue
            query = Query(text="", intent=Intent.PROFILE, countries=tuple(pending.codes),
                          year=pending.year, lang=pending.lang)
            result = self._fresh(partial(alert, query, year=pending.year), snapshot)
            due.append((pending, Reply(query, result, render(result, pending.lang))))
        return due

    def claim_alert(self, alert: PendingAlert) -> bool:
        """Claim an alert just before it is sent (at most once: a claimed alert is never
        sent again); False when it is no longer due."""
        return self.store.claim_alert(alert, ALERT_WRITE_WAIT)

    def alert_done(self, alert: PendingAlert, status: str) -> None:
        """Record a claimed alert's outcome: "sent", "blocked", "retry" or "unconfirmed".
        An outcome the database is too busy to record leaves the alert unconfirmed: it is
        not sent again either way."""
        self.store.mark_alert(alert, status, ALERT_WRITE_WAIT)

    # -- operators ---------------------------------------------------------------------------

    def preview_import(self, path: Path, actor: Actor, lang: str, *,
                       country: str | None = None, force: bool = False) -> OperatorReply:
        """A file an operator sent: checked exactly as an import checks it, run and rolled
        back; the reply says what it would change (``ready``: it may be imported) or why
        it is refused (``file:line:column: reason``).  Takes the write lock for a moment:
        call on the writer thread."""
        return self._import(path, actor, lang, country, force, dry_run=True)

    def commit_import(self, path: Path, actor: Actor, lang: str, *,
                      country: str | None = None, force: bool = False) -> OperatorReply:
        """Import the file for real, as one change by ``actor``; the reply says what
        changed (or why nothing did: the data may have moved on since the preview)."""
        return self._import(path, actor, lang, country, force, dry_run=False)

    def _import(self, path: Path, actor: Actor, lang: str, country: str | None,
                force: bool, dry_run: bool) -> OperatorReply:
        from bot.importer import ImportFailed, import_files
        from bot.render.changes import change_lines, operator_message

        try:
            change = import_files(self.store, [path], actor, country=country, force=force,
                                  dry_run=dry_run, deadline=OPERATOR_WRITE_WAIT)
        except ImportFailed as refusal:
            # The operator knows the file by its name, not by where the bot keeps it.
            where = Path(refusal.file).name
            if refusal.line:
                where += f":{refusal.line}:{refusal.column}"
            return OperatorReply(t(lang, "op_refused", where=html.escape(where),
                                   reason=html.escape(refusal.reason)))
        except OperatorError as fault:  # the database busy, read-only, gone
            log.warning("import from %s not done: %s", actor.via, fault)
            return OperatorReply(t(lang, "op_failed", reason=html.escape(str(fault))))
        lines = change_lines(change, lang, undo_with="/undo")
        if not change.changes_anything:  # nothing to confirm: the data holds it already
            return OperatorReply(operator_message(t(lang, "op_same"), lines))
        heading = t(lang, "op_preview" if dry_run else "op_committed")
        return OperatorReply(operator_message(heading, lines), ready=dry_run)

    def preview_undo(self, actor: Actor, lang: str) -> OperatorReply:
        """What ``/undo`` would put back (run and rolled back); ``ready`` with the change it
        would undo, for the confirmation button."""
        return self._undo(actor, lang, None, dry_run=True)

    def undo(self, actor: Actor, lang: str, change_id: int) -> OperatorReply:
        """Undo change ``change_id`` if it is still the last one (a second press of the
        button, or another import meanwhile, undoes nothing)."""
        return self._undo(actor, lang, change_id, dry_run=False)

    def _undo(self, actor: Actor, lang: str, change_id: int | None,
              dry_run: bool) -> OperatorReply:
        from bot.importer.undo import NothingToUndo, undo_last
        from bot.render.changes import operator_message, undo_lines

        try:
            report = undo_last(self.store, actor, expected=change_id, dry_run=dry_run,
                               deadline=OPERATOR_WRITE_WAIT)
        except NothingToUndo as nothing:
            return OperatorReply(t(lang, "op_nothing_to_undo",
                                   reason=html.escape(str(nothing))))
        except OperatorError as fault:
            log.warning("undo from %s not done: %s", actor.via, fault)
            return OperatorReply(t(lang, "op_failed", reason=html.escape(str(fault))))
        heading = t(lang, "op_undo_preview" if dry_run else "op_undone")
        return OperatorReply(operator_message(heading, undo_lines(report, lang)),
                             ready=dry_run, change_id=report.target)

    def status_lines(self) -> list[str]:
        """``/status``: the data version, what the database holds, the subscribers."""
        snapshot = self._current()[0]
        status = self.store.status()
        return [
            f"data version: {snapshot.generation} (latest index {snapshot.latest_year})",
            *status_lines(status, self.store.path),
            f"subscribed chats: {status.subscribed_chats}",
        ]

    def reload(self) -> Snapshot:
        """Drop every cache and re-read the database now (``/reload``)."""
        self.store.invalidate()
        return self._current()[0]

    def before_fork(self) -> None:
        """Before :mod:`bot.batch` forks workers: load now what is otherwise loaded when
        first needed (the index's rare parts), so that every worker shares one copy."""
        self._current()[1].load_rare_parts()

    def after_fork(self) -> None:
        """In a forked worker (:mod:`bot.batch`): locks and database connections of its own,
        the loaded index, snapshot and caches shared with the parent."""
        self._lock = threading.Lock()
        self._building = threading.Lock()
        self.store.after_fork()

    def close(self) -> None:
        self.store.close()
