"""The bounded caches every part of the bot uses.

Memory must not grow with the number of questions, chats or charts ever seen, so every
cache is an :class:`LRU` of a fixed size, or, for a pure function on the per-question path
where a lock and an LRU's bookkeeping on every hit would cost more than the work, a
:class:`BoundedDict`.  Caches of things computed from the data
(inline cards, chart pictures, typo verdicts) are made by the pipeline
(:meth:`bot.pipeline.Pipeline.cache`), which empties them all when the data changes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A mapping of at most ``size`` entries; the least recently used goes first.
    Safe to use from several threads."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("an LRU needs room for at least one entry")
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            # One lookup to read, one to move: a key holding a query is hashed in Python.
            found = self._items.get(key, _UNSEEN)
            if found is _UNSEEN:
                return None
            self._items.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def pop(self, key: K) -> V | None:
        with self._lock:
            return self._items.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class BoundedDict(dict[K, V]):
    """A memo of a pure function: a plain dict to read (``memo.get(key)``, at dict speed),
    written through :meth:`remember`, which starts it over once it holds ``size`` entries
    (what is asked often is back at once).  Not locked: an entry is only ever added or the
    whole emptied, which a reader in another thread sees whole (CPython)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def make_room(self) -> None:
        """Start over if full (for code that fills the dict itself)."""
        if len(self) >= self.size:
            self.clear()

    def remember(self, key: K, value: V) -> V:
        """Keep ``value`` for ``key``; returns it."""
        self.make_room()
        self[key] = value
        return value

    def recall(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for ``key``, else ``make()``'s, kept.  Read once: another thread
        may empty the dict between a test and a read; and None may be a value."""
        found = self.get(key, _UNSEEN)
        if found is _UNSEEN:
            return self.remember(key, make())
        return found


_UNSEEN: Any = object()
