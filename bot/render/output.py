"""What render produces: messages, buttons, and optionally a chart to draw."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.charts.data import Picture


@dataclass(frozen=True, slots=True)
class Button:
    """One inline button: its label and the callback data it sends (:mod:`bot.button_data`)."""

    text: str
    data: str


@dataclass(frozen=True)
class Rendered:
    """A reply as every interface shows it: Telegram-HTML messages (each ≤ 4096 characters),
    buttons under the last one, and for a chart the picture's data (the first message is
    then its caption, ≤ 1024 characters)."""

    messages: list[str]
    buttons: list[list[Button]] = field(default_factory=list)
    title: str = ""  # a one-line plain summary (inline result titles, logs)
    description: str = ""
    chart: Picture | None = None
    url: str | None = None  # RSF's page for what the reply is about (inline cards link it)
