"""``pressbot chat``: the bot in a terminal, over the same pipeline as Telegram.

Buttons are listed as numbers; typing a number presses that button; a chart is written to
a PNG file in the temporary folder.  Useful for trying the bot without a Telegram token,
and for operators checking an import.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TextIO

from bot.digits import ascii_int
from bot.pipeline import Pipeline, Reply
from bot.render import Button, to_plain_text

PROMPT = "you> "


def _show(reply: Reply, pipeline: Pipeline, out: TextIO) -> list[Button]:
    for message in reply.messages:
        out.write(to_plain_text(message) + "\n\n")
    chart = reply.rendered.chart
    if chart is not None:
        path = Path(tempfile.gettempdir()) / f"pressbot-chart-{chart.file_name}.png"
        path.write_bytes(pipeline.chart_png(chart))
        out.write(f"chart written to {path}\n\n")
    pressable = [b for row in reply.rendered.buttons for b in row]
    if pressable:
        out.write("  ".join(f"[{i}] {b.text}" for i, b in enumerate(pressable, 1)) + "\n")
    return pressable


def chat(stdin: TextIO = sys.stdin, out: TextIO = sys.stdout, lang: str | None = None) -> int:
    """Read questions until EOF or "quit"; answer each one (``lang``: the reader's chosen
    language, for questions that do not show one of their own)."""
    pipeline = Pipeline.open()
    interactive = stdin.isatty()
    if interactive:
        out.write(
            "Press Freedom Bot — ask about press freedom in any country "
            "(e.g. 'Kazakhstan', 'compare Norway and Finland', 'worst in Asia').\n"
            "Type a button's number to press it; 'quit' or Ctrl-D to leave.\n\n"
        )
    buttons: list[Button] = []
    last: Reply | None = None
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
        number = ascii_int(text)
        reply: Reply | None
        if number is not None and 1 <= number <= len(buttons):
            shown = last.query.lang if last else (lang or "en")
            reply = pipeline.press(buttons[number - 1].data, shown)
            if reply is None:
                continue
        else:
            reply = pipeline.ask(text, lang, context=last.query if last else None, chosen=lang)
        buttons = _show(reply, pipeline, out)
        last = reply
    pipeline.close()
    return 0
