"""What render produces: messages, buttons, and optionally a chart to draw."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from json.encoder import encode_basestring

from msgspec import Struct, field

from bot.charts.data import Picture


class Button(Struct, frozen=True):
    """One inline button: its label and the callback data it sends (:mod:`bot.button_data`)."""

    text: str
    data: str


#: Rows of buttons, top to bottom.
Rows = list[list[Button]]


class Rendered(Struct, frozen=True, eq=False, dict=True):  # dict: for cached_property
    """A reply as every interface shows it: Telegram-HTML messages (each ≤ 4096 characters),
    buttons under the last one, and for a chart the picture's data (the first message is
    then its caption, ≤ 1024 characters)."""

    messages: list[str]
    # The buttons, or what makes them when they are first asked for: a card's buttons cost
    # about as much as its text, and a reply printed (``pressbot ask``) shows none.
    button_rows: Rows | Callable[[], Rows] = field(default_factory=list)
    title: str = ""  # a one-line plain summary (inline result titles, logs)
    description: str = ""
    chart: Picture | None = None
    url: str | None = None  # RSF's page for what the reply is about (inline cards link it)

    @cached_property
    def json_messages(self) -> str:
        """The messages as a JSON array (``json.dumps(messages, ensure_ascii=False)``), made
        once per reply: ``pressbot ask --json`` prints them for every question asked again."""
        return "[" + ", ".join(map(encode_basestring, self.messages)) + "]"

    @cached_property
    def buttons(self) -> Rows:
        """The rows of buttons under the last message."""
        rows = self.button_rows
        return rows() if callable(rows) else rows

    def __eq__(self, other: object) -> bool:
        # By what is shown: the buttons made, not what makes them.
        if not isinstance(other, Rendered):
            return NotImplemented
        return (self.messages, self.buttons, self.title, self.description, self.chart,
                self.url) == (other.messages, other.buttons, other.title, other.description,
                              other.chart, other.url)

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside, as before
