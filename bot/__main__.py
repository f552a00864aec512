"""Command line: ``pressbot [start|run|ask|chat|chart|data import|undo|remove|status]``.

``pressbot`` alone starts the bot on Telegram when ``TELEGRAM_BOT_TOKEN`` is set and
otherwise opens the terminal chat on the shipped data: the same answers either way.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser of every command is built only when needed (_quick_ask)
    import argparse


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="pressbot",
        description="Press Freedom Bot: RSF's World Press Freedom Index on Telegram.",
    )
    parser.add_argument("--db", type=Path, help="database file (default: $PRESSBOT_DB)")
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("start", help="run on Telegram if TELEGRAM_BOT_TOKEN is set, else chat")

    run = sub.add_parser("run", help="run the Telegram bot (long polling or webhook)")
    run.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to")
    run.add_argument("--listen", default="0.0.0.0", help="webhook server address")
    run.add_argument("--port", type=int, default=8443, help="webhook server port")

    ask = sub.add_parser("ask", help="answer questions once and print the replies")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--lang", default=None, help="the language to answer in when a question "
                     "shows none of its own, e.g. a bare country name (en, ru)")
    ask.add_argument("question", nargs="*", help="questions (default: one per stdin line)")
    ask.add_argument("--jobs", type=_positive, default=None, metavar="N",
                     help="processes answering many stdin lines at once (default: one per "
                     "core)")

    chat = sub.add_parser("chat", help="chat with the bot in the terminal")
    chat.add_argument("--lang", default=None, help="the language to answer in when a "
                      "question shows none of its own, e.g. a bare country name (en, ru)")
    sub.add_parser("health", help="exit 0 if the running bot is alive (Docker HEALTHCHECK)")

    chart = sub.add_parser("chart", help="draw a country's history or a comparison as PNG")
    chart.add_argument("countries", nargs="+", help="one to five country names")
    chart.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    chart.add_argument("--year", type=int, default=None, help="index year for indicators")
    chart.add_argument("--lang", default="en", help="language of the picture (en, ru)")

    data = sub.add_parser("data", help="operator commands for the database")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    imp = data_sub.add_parser("import",
                              help="import RSF CSVs, V-Dem CSVs, profile pages or aliases")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--country", help="RSF code of a profile page's country (e.g. KAZ)")
    imp.add_argument("--force", action="store_true",
                     help="accept an index year that leaves earlier years without an index")
    imp.add_argument("--dry-run", action="store_true",
                     help="check the files and print what would change; write nothing")
    undo = data_sub.add_parser("undo", help="put the data back as it was before the last "
                               "import or removal")
    undo.add_argument("--dry-run", action="store_true",
                      help="print what would be put back; change nothing")
    remove = data_sub.add_parser(
        "remove", help="remove index years, a profile or the curated aliases",
        usage=REMOVE_USAGE,
        description="Remove what an import put in, in one transaction: index years (with "
        "what only they defined), a country's profile for one index year, or the curated "
        "aliases of the alias list.")
    remove.add_argument("target", nargs="*", help="YEAR …, 'profile CODE YEAR' or 'aliases'")
    remove.add_argument("--dry-run", action="store_true",
                        help="print what would be removed; change nothing")
    data_sub.add_parser("status", help="years, countries, profiles, aliases, the last changes")
    return parser


def _positive(text: str) -> int:
    import argparse

    number = int(text) if text.isdigit() else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    import sqlite3

    from bot.errors import OperatorError

    try:
        return _main(argv)
    except OperatorError as exc:  # a refused file, an unusable database, missing data/ …
        print(f"pressbot: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # a database fault bot.store.faults has no sentence for
        print(f"pressbot: the database failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C in pressbot ask or chat: stop, as shells expect
        return 130
    except BrokenPipeError:
        # The reader went away (`pressbot ask … | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # the output cannot be written (a full disk): say so, briefly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"pressbot: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _quick_ask(argv: Sequence[str]) -> list[str] | None:
    """The questions of ``pressbot ask QUESTION …`` when the command line says nothing else
    (no option at all), as the parser reads them; else None, and the parser reads it.
    Building the parser of every command costs a start milliseconds (argparse, shutil,
    and gettext's look-ups of every help text): the commonest command goes without it."""
    if argv[:1] == ["ask"] and not any(word.startswith("-") for word in argv[1:]):
        return list(argv[1:])
    return None


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    questions = _quick_ask(words)
    if questions is not None:
        return _ask(questions, as_json=False, lang=None, jobs=None)
    parser = _parser()
    args = parser.parse_args(words)
    if args.db is not None:
        os.environ["PRESSBOT_DB"] = str(args.db)
    command = args.command or "start"
    if command == "start":
        command = "run" if os.environ.get("TELEGRAM_BOT_TOKEN") else "chat"
        args.webhook_url, args.listen, args.port = None, "0.0.0.0", 8443
    if command == "data":
        from bot import operations

        if args.data_command == "import":
            return operations.import_command(args.files, country=args.country,
                                             force=args.force, dry_run=args.dry_run)
        if args.data_command == "undo":
            return operations.undo_command(dry_run=args.dry_run)
        if args.data_command == "remove":
            return operations.remove_command(_removal(parser, args.target),
                                             dry_run=args.dry_run)
        return operations.status_command()
    if command == "health":
        from bot import operations

        return operations.health_command()
    if command == "ask":
        return _ask(args.question, as_json=args.json, lang=args.lang, jobs=args.jobs)
    if command == "chat":
        from bot.terminal import chat

        return chat(lang=getattr(args, "lang", None))
    if command == "chart":
        return _chart(args.countries, args.output, args.year, args.lang)
    if command == "run":
        from bot.telegram.app import run_command

        return run_command(webhook_url=args.webhook_url, listen=args.listen, port=args.port)
    return 2


REMOVE_USAGE = ("pressbot data remove [--dry-run] YEAR [YEAR ...] | profile CODE YEAR | "
                "aliases")


def _removal(parser: argparse.ArgumentParser, words: list[str]) -> tuple[str, ...]:
    """``YEAR …`` → ("years", "2025", …); ``profile CODE YEAR`` → ("profile", CODE, YEAR);
    ``aliases`` → ("aliases",).  Anything else: the usage, exit status 2."""
    from bot.digits import ascii_int

    if words and all(ascii_int(w) is not None for w in words):
        return ("years", *words)
    if len(words) == 3 and words[0] == "profile" and ascii_int(words[2]) is not None:
        return ("profile", words[1], words[2])
    if words == ["aliases"]:
        return ("aliases",)
    said = f"cannot read {' '.join(words)!r}" if words else "say what to remove"
    parser.exit(2, f"usage: {REMOVE_USAGE}\npressbot data remove: {said}\n")


def _chart(countries: list[str], output: Path, year: int | None, lang: str) -> int:
    """``pressbot chart COUNTRY... -o file.png [--year Y]``: 0 with the file written, 1 with
    the reason.  One argument is one part ("United States" "Norway"); a year may come inside
    one, and ``--year`` wins over it."""
    from bot.answer import ChartAnswer, MessageAnswer, MessageKind
    from bot.pipeline import Pipeline
    from bot.render import to_plain_text

    pipeline = Pipeline.open()
    try:
        reply = pipeline.chart(", ".join(countries), year, lang)
        result = reply.answer
        if isinstance(result, MessageAnswer) and result.kind == MessageKind.UNPLACED:
            words = ", ".join(word for word, _ in result.unplaced)
            print(f"pressbot chart: unknown country: {words}", file=sys.stderr)
            return 1
        if not isinstance(result, ChartAnswer) or reply.rendered.chart is None:
            print(f"pressbot chart: {to_plain_text(reply.messages[0])}", file=sys.stderr)
            return 1
        png = pipeline.chart_png(reply.rendered.chart)
    finally:
        pipeline.close()
    output.write_bytes(png)
    if result.year_note is not None:
        print(f"pressbot chart: no {result.year_note.asked} index: drew "
              f"{result.year_note.shown}", file=sys.stderr)
    print(f"{output} ({len(png) // 1024} KB)")
    return 0


def _ask(questions: list[str], *, as_json: bool, lang: str | None, jobs: int | None) -> int:
    from bot.lasting import made_to_last, short_lived

    short_lived()  # it answers and ends: nothing it freezes needs collecting first
    with made_to_last():  # modules, their classes and tables last as long as the process
        from bot.pipeline import Pipeline
        from bot.render import to_plain_text

    pipeline = Pipeline.open()

    def printed(question: str) -> str:
        reply = pipeline.ask(question, lang=lang, chosen=lang)
        if as_json:
            return reply.json_line()
        return "\n\n".join(to_plain_text(m) for m in reply.messages)

    if questions:
        for question in questions:
            print(printed(question), flush=True)
        return 0
    from bot import batch  # questions given as arguments need none of it

    # Loaded before any worker is forked, so that every worker shares it.
    pipeline.refresh()
    # One reply per line, blank lines included: outputs stay aligned with inputs.
    sys.stdout.flush()
    batch.answer_stream(sys.stdin.buffer, sys.stdout.buffer, printed,
                        jobs=jobs or batch.default_jobs(), before_fork=pipeline.before_fork,
                        after_fork=pipeline.after_fork, hold=pipeline.one_version)
    return 0


def entry() -> None:
    """The ``pressbot`` command: :func:`main`, then out.  A finished command need not free
    what it loaded (the index and the snapshot are hundreds of thousands of objects, tens
    of milliseconds to take apart): once no other thread is left to finish its work, what
    was written is flushed and the process ends at once."""
    code = main()
    if threading.active_count() > 1:
        sys.exit(code)  # let them finish, as interpreter shutdown does
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader went away: as main() treats it
            pass
        except (OSError, ValueError):  # a full disk, a closed stream: not written
            code = code or 120  # as Python's own exit does when its flush fails
    os._exit(code)


if __name__ == "__main__":
    entry()
