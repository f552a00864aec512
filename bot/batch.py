"""``pressbot ask`` over many questions: one reply per input line, in input order, on every
core the machine offers.

Lines are answered as they arrive, so a script that writes one question and waits for its
reply gets it at once.  When a read brings many lines at a time (a file, a long pipe), the
process forks workers after start-up — they share the loaded index and snapshot
copy-on-write, so a worker costs a fork, not a second start-up — and each answers its share
of the lines; the replies are written back in input order.  A worker that fails leaves its
share to the parent, which answers it again: a batch never loses a line.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack, nullcontext, suppress
from typing import BinaryIO

#: Fewer lines than this in one read are answered in-process: a fork costs about a
#: millisecond, a reply a few tenths of one.
MIN_LINES_PER_WORKER = 100
#: Bytes read at a time; a pipe gives at most what it holds (64 KiB on Linux).
READ_SIZE = 1 << 20
#: Bytes taken at most before they are answered.
MAX_READ = 16 << 20


def default_jobs() -> int:
    """The cores this process may run on (all of them where fork is missing: one)."""
    if not hasattr(os, "fork"):
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


def answer_stream(
    source: BinaryIO,
    out: BinaryIO,
    reply: Callable[[str], str],
    *,
    jobs: int,
    after_fork: Callable[[], None],
    hold: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> None:
    """Write ``reply(line)`` and a newline to ``out`` for every line of ``source``, in order.
    ``after_fork`` runs first in every worker (to let go of what a child may not share, such
    as database connections); the lines of one read are answered inside ``hold()`` (one
    version of the data for all of them)."""
    pending = b""
    fd = source.fileno()
    while True:
        chunk = _read_ready(fd)
        if not chunk:
            break
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        with hold():
            _answer_lines([_decoded(line) for line in lines], out, reply, jobs, after_fork)
    if pending:  # a last line without its newline
        with hold():
            _answer_lines([_decoded(pending)], out, reply, jobs, after_fork)


def _read_ready(fd: int) -> bytes:
    """What can be read now: at least one read (waiting for it), then more for as long as
    more is there at once.  A pipe hands over 64 KiB a read: a file of questions piped
    in is taken whole, to be shared among the workers once, not 64 KiB at a time."""
    chunk = os.read(fd, READ_SIZE)
    parts = [chunk]
    size = len(chunk)
    while chunk and size < MAX_READ:
        try:
            ready, _, _ = select.select([fd], [], [], 0)
        except (OSError, ValueError):  # not a descriptor select takes (Windows files)
            break
        if not ready:
            break
        chunk = os.read(fd, READ_SIZE)
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _decoded(line: bytes) -> str:
    # A byte that is no UTF-8 becomes U+FFFD: one bad line must not end a batch.
    return line.decode("utf-8", errors="replace").removesuffix("\r")


def _answer_lines(
    lines: list[str],
    out: BinaryIO,
    reply: Callable[[str], str],
    jobs: int,
    after_fork: Callable[[], None],
) -> None:
    # A line asked again is answered once: in a file of questions many recur, and dealt
    # to two workers a repeat would cost a whole answer in the one that had not seen it.
    unique = list(dict.fromkeys(lines))
    replies = _replies(unique, reply, jobs, after_fork)
    if len(unique) < len(lines):
        answers = dict(zip(unique, replies, strict=True))
        replies = [answers[line] for line in lines]
    out.write(b"".join(replies))
    out.flush()


def _replies(
    lines: list[str],
    reply: Callable[[str], str],
    jobs: int,
    after_fork: Callable[[], None],
) -> list[bytes]:
    """``reply(line)`` for each of ``lines``, in order, shared among up to ``jobs``
    processes: each as the line written out (:func:`_written`).  A worker's replies come
    back as written, and are never decoded again: the parent, once every worker is
    done, only puts them in order."""
    workers = min(jobs, len(lines) // MIN_LINES_PER_WORKER)
    if workers <= 1:
        return [_written(reply(line)) for line in lines]
    # Dealt like cards, line by line: neighbouring lines are often alike (a file of one
    # language, then another), and slices of whole runs would leave one worker the slow ones.
    hands = [lines[k::workers] for k in range(workers)]
    with ExitStack() as files:
        spools = [files.enter_context(tempfile.TemporaryFile()) for _ in hands[1:]]
        pids = [_fork(hand, spool, reply, after_fork)
                for hand, spool in zip(hands[1:], spools, strict=True)]
        try:
            answered = [[_written(reply(line)) for line in hands[0]]]
        except BaseException:
            _stop(pids)  # no worker outlives the batch it was forked for
            raise
        for hand, spool, pid in zip(hands[1:], spools, pids, strict=True):
            if pid is not None and _succeeded(pid):
                spool.seek(0)
                answered.append(_unframed(spool.read()))
            else:
                answered.append([_written(reply(line)) for line in hand])
    return [answered[i % workers][i // workers] for i in range(len(lines))]


def _fork(
    lines: list[str], spool: BinaryIO, reply: Callable[[str], str],
    after_fork: Callable[[], None],
) -> int | None:
    """A worker answering ``lines`` into ``spool``, a temporary file (a pipe would stall it
    once full while the parent answers its own lines); None if the fork failed."""
    sys.stdout.flush()
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    status = 1
    try:  # the worker: never returns into the parent's code
        after_fork()
        for line in lines:
            spool.write(_framed(_written(reply(line))))
        spool.flush()
        status = 0
    finally:
        os._exit(status)


def _written(text: str) -> bytes:
    """A reply as it is written out: encoded, a newline after it."""
    return f"{text}\n".encode()


def _framed(data: bytes) -> bytes:
    """A written reply with its length before it: a reply may hold any character, newlines
    too."""
    return len(data).to_bytes(4, "big") + data


def _unframed(data: bytes) -> list[bytes]:
    replies, at = [], 0
    while at < len(data):
        size = int.from_bytes(data[at:at + 4], "big")
        replies.append(data[at + 4:at + 4 + size])
        at += 4 + size
    return replies


def _stop(pids: list[int | None]) -> None:
    for pid in pids:
        if pid is not None:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            with suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _succeeded(pid: int) -> bool:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0
