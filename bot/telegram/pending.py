"""Files operators sent, waiting for Import or Cancel, and profile pages being pasted.

A file waits on disk in a private temporary folder (created mode 0700 by
:func:`tempfile.mkdtemp`), under a short random key its buttons carry, so callback data
stays far below Telegram's 64 bytes and carries nothing an attacker could point
elsewhere.  Taking a file for Import or Cancel removes it from the waiting list first: a
second press finds nothing and changes nothing.  A file not confirmed within
:data:`WAIT` seconds is forgotten and deleted.

What is remembered lives in this process only: after a restart, a button of an earlier
file says it is no longer waiting.
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from msgspec import Struct, field

#: How long a file (or a paste) waits for its operator.
WAIT = 15 * 60.0
#: Files waiting at once, all operators together (the oldest goes first).
MOST_WAITING = 20


def safe_name(name: str | None, default: str = "document") -> str:
    """A file name of ours for what Telegram says the file was called: the last part, in
    plain characters, never hidden (the imports table records it)."""
    plain = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name or "").name).strip("._")
    return plain[:80] or default


class Waiting(Struct):
    """A file an operator sent, checked and waiting for Import or Cancel."""

    key: str
    chat_id: int
    path: Path
    since: float = field(default_factory=time.monotonic)
    country: str | None = None  # --country and --force given with the file
    force: bool = False


class PendingFiles:
    """Files waiting for their operator's answer, by key."""

    def __init__(self, wait: float = WAIT) -> None:
        self.wait = wait
        self._root: Path | None = None
        self._waiting: dict[str, Waiting] = {}

    def _folder(self) -> Path:
        if self._root is None or not self._root.is_dir():
            self._root = Path(tempfile.mkdtemp(prefix="pressbot-imports-"))
        return self._root

    def new(self, chat_id: int, file_name: str | None) -> Waiting:
        """A place for a file about to be downloaded (not waiting until :meth:`hold`)."""
        self.expire()
        key = secrets.token_urlsafe(6)  # 8 characters, 48 random bits
        folder = self._folder() / key
        folder.mkdir(mode=0o700)
        return Waiting(key, chat_id, folder / safe_name(file_name))

    def hold(self, item: Waiting) -> None:
        """Keep a checked file until its operator answers (or :data:`WAIT` runs out)."""
        self._waiting[item.key] = item
        while len(self._waiting) > MOST_WAITING:
            self.drop(next(iter(self._waiting.values())))

    def take(self, key: str, chat_id: int) -> Waiting | None:
        """The file waiting under ``key`` in that chat, no longer waiting; None when there
        is none (answered already, expired, or another chat's)."""
        self.expire()
        item = self._waiting.get(key)
        if item is None or item.chat_id != chat_id:
            return None
        del self._waiting[key]
        return item

    def drop(self, item: Waiting) -> None:
        """Forget a file and delete it."""
        self._waiting.pop(item.key, None)
        shutil.rmtree(item.path.parent, ignore_errors=True)

    def expire(self, now: float | None = None) -> int:
        """Forget the files that waited too long; returns how many."""
        now = time.monotonic() if now is None else now
        old = [item for item in self._waiting.values() if now - item.since > self.wait]
        for item in old:
            self.drop(item)
        return len(old)

    def close(self) -> None:
        """Delete every file (the bot is stopping)."""
        self._waiting.clear()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None


#: A profile page is at most 1 MB (bot.importer.text.MAX_PROFILE_BYTES).
MOST_PASTED = 2**20


class Paste(Struct):
    parts: list[str] = field(default_factory=list)
    size: int = 0
    since: float = field(default_factory=time.monotonic)


class Pastes:
    """Profile pages being pasted after ``/import``, by chat, until ``/done``."""

    def __init__(self, wait: float = WAIT) -> None:
        self.wait = wait
        self._pastes: dict[int, Paste] = {}

    def start(self, chat_id: int) -> None:
        self._pastes[chat_id] = Paste()

    def active(self, chat_id: int) -> bool:
        paste = self._pastes.get(chat_id)
        if paste is not None and time.monotonic() - paste.since > self.wait:
            del self._pastes[chat_id]
            return False
        return paste is not None

    def add(self, chat_id: int, text: str) -> Paste | None:
        """Add a part; None when the paste grew past a profile page's limit (then it is
        dropped whole)."""
        paste = self._pastes.setdefault(chat_id, Paste())
        paste.parts.append(text)
        paste.size += len(text.encode())
        paste.since = time.monotonic()
        if paste.size > MOST_PASTED:
            del self._pastes[chat_id]
            return None
        return paste

    def finish(self, chat_id: int) -> str | None:
        """The whole paste, no longer collected (None: nothing was being pasted)."""
        if not self.active(chat_id):
            return None
        return "\n".join(self._pastes.pop(chat_id).parts)

    def cancel(self, chat_id: int) -> bool:
        return self._pastes.pop(chat_id, None) is not None
