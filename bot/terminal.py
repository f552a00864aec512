"""``pressbot chat``: the bot in a terminal, over the same pipeline as Telegram.

Buttons are listed as numbers; typing a number presses that button.  Useful for trying the
bot without a Telegram token, and for operators checking an import.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bot import callbacks
from bot.i18n import pick_lang
from bot.pipeline import Pipeline, Reply
from bot.render import Button, to_plain_text

PROMPT = "you> "


def _show(reply: Reply, out: TextIO) -> list[Button]:
    for message in reply.messages:
        out.write(to_plain_text(message) + "\n\n")
    pressable = [b for row in reply.rendered.buttons for b in row]
    if pressable:
        out.write("  ".join(f"[{i}] {b.text}" for i, b in enumerate(pressable, 1)) + "\n")
    return pressable


def chat(stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """Read questions until EOF or "quit"; answer each one."""
    pipeline = Pipeline.open()
    interactive = stdin.isatty()
    if interactive:
        out.write(
            "Press Freedom Bot — ask about press freedom in any country "
            "(e.g. 'Kazakhstan', 'compare Norway and Finland', 'worst in Asia').\n"
            "Type a button's number to press it; 'quit' or Ctrl-D to leave.\n\n"
        )
    buttons: list[Button] = []
    last = None
    while True:
        if interactive:
            out.write(PROMPT)
            out.flush()
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        if text.lower() in ("quit", "exit", "/quit"):
            break
        if not text:
            continue
        lang = pick_lang(None, text)
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            pressed = callbacks.decode(buttons[int(text) - 1].data)
            if pressed is None:
                continue
            if pressed.kind == "chart":
                from bot.charts import write_chart

                path = write_chart(pipeline, pressed.codes, pressed.year)
                out.write(f"chart written to {path}\n\n")
                continue
            reply = pipeline.reply(pressed.to_query(last.query.lang if last else lang))
        else:
            reply = pipeline.ask(text, context=last.query if last else None)
        buttons = _show(reply, out)
        last = reply
    pipeline.close()
    return 0
