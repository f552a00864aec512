"""What every reply must be, checked the way Telegram would: shared by the tests that read
replies as text."""

from __future__ import annotations

from fakebotapi import parse_html

from bot import button_data
from bot.pipeline import Reply
from bot.render import MAX_MESSAGE


def text_of(reply: Reply) -> str:
    """All messages of a reply as visible text, after checking each is sendable and every
    button's data is ours and within Telegram's 64 bytes."""
    assert reply.messages, "a reply must have at least one message"
    texts = []
    for message in reply.messages:
        visible, _ = parse_html(message)  # raises like Telegram on bad markup
        assert 0 < len(visible) <= MAX_MESSAGE
        texts.append(visible)
    for row in reply.rendered.buttons:
        for button in row:
            assert 0 < len(button.data.encode()) <= 64
            assert button_data.decode(button.data) is not None, button.data
    return "\n".join(texts)
