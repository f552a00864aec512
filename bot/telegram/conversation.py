"""What the bot remembers of its conversations, bounded so memory never grows with the
number of chats: the question behind each recent message (a reply to it is a follow-up),
the last question per chat (a private chat is one conversation), and which button presses
were answered (every press is answered once)."""

from __future__ import annotations

import hashlib

from msgspec import Struct
from telegram import Message

from bot.cache import LRU
from bot.query import Query
from bot.render import Button, Rendered

#: How many answered button presses are remembered (for the error handler).
ANSWERED_MEMORY = 1000


class Shown(Struct, frozen=True):
    """What one of the bot's messages shows: the query behind it and a digest of its text
    and buttons (pressing a button for the view already shown then edits nothing)."""

    query: Query
    view: str


def view_digest(text: str, buttons: list[list[Button]] | None) -> str:
    return hashlib.blake2b(repr((text, buttons or [])).encode(), digest_size=12).hexdigest()


class Conversation:
    def __init__(self, memory: int) -> None:
        """``memory``: how many of the bot's messages, and how many chats' last questions,
        are remembered (:attr:`bot.settings.Settings.conversation_memory`)."""
        self._shown: LRU[tuple[int, int], Shown] = LRU(memory)
        self._last: LRU[int, Query] = LRU(memory)
        self._answered: LRU[str, bool] = LRU(ANSWERED_MEMORY)

    def remember(self, sent: list[Message], query: Query, rendered: Rendered) -> None:
        """Keep the query behind each sent message (``sent[i]`` shows ``messages[i]``, the
        buttons under the last) so a reply to any of them continues the conversation."""
        last = len(sent) - 1
        for index, (message, text) in enumerate(zip(sent, rendered.messages, strict=False)):
            buttons = rendered.buttons if index == last else None
            self._shown.put((message.chat_id, message.message_id),
                            Shown(query, view_digest(text, buttons)))
        if sent:
            self._last.put(sent[0].chat_id, query)

    def shown_in(self, message: Message | None) -> Shown | None:
        if message is None:
            return None
        return self._shown.get((message.chat_id, message.message_id))

    def recalled(self, message: Message | None) -> Query | None:
        """The query behind one of our messages (None for anything else)."""
        shown = self.shown_in(message)
        return shown.query if shown else None

    def last_query(self, chat_id: int) -> Query | None:
        """The query behind the bot's last answer in a chat."""
        return self._last.get(chat_id)

    def answered(self, query_id: str) -> None:
        self._answered.put(query_id, True)

    def was_answered(self, query_id: str) -> bool:
        return query_id in self._answered

    def __len__(self) -> int:
        return len(self._shown)
