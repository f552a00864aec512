"""``pressbot ask`` over many questions: one reply per input line, in input order, on every
core the machine offers.

Lines are answered as they arrive, so a script that writes one question and waits for its
reply gets it at once.  When a read brings many lines at a time (a file, a long pipe), the
process forks workers after start-up — they share the loaded index and snapshot
copy-on-write, so a worker costs a fork, not a second start-up — and the workers share the
lines out as they go (:class:`_Shares`); the replies are written back in input order.  Any
line a failed worker leaves unanswered is answered by the parent: a batch never loses a
line.
"""

from __future__ import annotations

import mmap
import os
import select
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, nullcontext, suppress
from typing import BinaryIO

#: Fewer lines than this in one read are answered in-process: a fork costs about a
#: millisecond, a reply a few tenths of one.
MIN_LINES_PER_WORKER = 100
#: Bytes read at a time; a pipe gives at most what it holds (64 KiB on Linux).
READ_SIZE = 1 << 20
#: Bytes taken at most before they are answered.
MAX_READ = 16 << 20
#: Lines a worker takes at a time: a take costs two system calls, a line a few tenths of
#: a millisecond.
CHUNK = 16


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
    before_fork: Callable[[], None] = lambda: None,
) -> None:
    """Write ``reply(line)`` and a newline to ``out`` for every line of ``source``, in order.
    ``before_fork`` runs in this process before workers are forked (to load what they
    should share); ``after_fork`` runs first in every worker (to let go of what a child
    may not share, such as database connections); the lines of one read are answered
    inside ``hold()`` (one version of the data for all of them)."""
    pending = b""
    fd = source.fileno()
    while True:
        chunk = _read_ready(fd)
        if not chunk:
            break
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        with hold():
            _answer_lines([_decoded(line) for line in lines], out, reply, jobs, before_fork,
                          after_fork)  # fmt: skip
    if pending:  # a last line without its newline
        with hold():
            _answer_lines([_decoded(pending)], out, reply, jobs, before_fork, after_fork)


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
    before_fork: Callable[[], None],
    after_fork: Callable[[], None],
) -> None:
    # A line asked again is answered once: in a file of questions many recur, and in two
    # workers' runs a repeat would cost a whole answer in the one that had not seen it.
    unique = list(dict.fromkeys(lines))
    replies = _replies(unique, reply, jobs, before_fork, after_fork)
    if len(unique) < len(lines):
        answers = dict(zip(unique, replies, strict=True))
        replies = [answers[line] for line in lines]
    out.write(b"".join(replies))
    out.flush()


def _replies(
    lines: list[str],
    reply: Callable[[str], str],
    jobs: int,
    before_fork: Callable[[], None],
    after_fork: Callable[[], None],
) -> list[bytes]:
    """``reply(line)`` for each of ``lines``, in order, shared among up to ``jobs``
    processes: each as the line written out (:func:`_written`).  A worker's replies come
    back as written, and are never decoded again: the parent, once every worker is
    done, only puts them in order."""
    workers = min(jobs, len(lines) // MIN_LINES_PER_WORKER)
    if workers <= 1:
        return [_written(reply(line)) for line in lines]
    import tempfile  # only a batch that is shared out needs it (~2 ms to import)

    before_fork()

    # Lines of one script together: a worker that keeps to one language's questions
    # learns its words once, where lines dealt alternately would teach every worker all.
    order = sorted(range(len(lines)), key=lambda i: (_script(lines[i]), i))
    answered: list[bytes | None] = [None] * len(lines)
    with ExitStack() as files:
        shares = _Shares(len(lines), workers, files.enter_context(tempfile.TemporaryFile()))
        spools = [files.enter_context(tempfile.TemporaryFile()) for _ in range(1, workers)]
        pids = [_fork(k, shares, order, lines, spool, reply, after_fork)
                for k, spool in enumerate(spools, start=1)]
        try:
            for i in _taken(shares, 0, order):
                answered[i] = _written(reply(lines[i]))
        except BaseException:
            _stop(pids)  # no worker outlives the batch it was forked for
            raise
        for spool, pid in zip(spools, pids, strict=True):
            if pid is not None:
                _reap(pid)  # a worker that failed too: what it wrote whole is kept
                spool.seek(0)
                for i, data in _unframed(spool.read()):
                    answered[i] = data
    # What a failed worker took and did not answer: answered here.
    return [data if data is not None else _written(reply(lines[i]))
            for i, data in enumerate(answered)]


def _script(line: str) -> int:
    """Which script a line is written in, roughly: the block of 128 code points its first
    letter is in (Latin, Cyrillic, Arabic, CJK…)."""
    for char in line:
        if char.isalpha():
            return ord(char) >> 7
    return 0


class _Shares:
    """The lines left to answer, one contiguous run of positions per worker, kept in memory
    every worker sees (an anonymous shared mapping made before the fork) and changed under
    a POSIX record lock (held per process, so a forked worker and its parent exclude each
    other).  A worker takes the next :data:`CHUNK` lines of its run; one whose run is done
    takes the back half of the longest run left.  So the workers finish together however
    unequal the lines' costs, and each keeps to a run of neighbouring lines."""

    def __init__(self, total: int, workers: int, lock: BinaryIO) -> None:
        self._workers = workers
        self._lock = lock
        self._memory = mmap.mmap(-1, 16 * workers)
        self._runs = memoryview(self._memory).cast("q")  # start and end of each run
        for k in range(workers):
            self._runs[2 * k] = total * k // workers
            self._runs[2 * k + 1] = total * (k + 1) // workers

    def take(self, worker: int) -> range:
        """The next positions ``worker`` answers; empty when every line is taken."""
        import fcntl  # POSIX only, as fork is

        fcntl.lockf(self._lock.fileno(), fcntl.LOCK_EX)
        try:
            runs = self._runs
            start, end = runs[2 * worker], runs[2 * worker + 1]
            if start >= end:
                longest = max(range(self._workers),
                              key=lambda k: runs[2 * k + 1] - runs[2 * k])
                left, right = runs[2 * longest], runs[2 * longest + 1]
                middle = left + (right - left + 1) // 2
                runs[2 * longest + 1] = middle
                start, end = middle, right
            stop = min(end, start + CHUNK)
            runs[2 * worker], runs[2 * worker + 1] = stop, end
            return range(start, stop)
        finally:
            fcntl.lockf(self._lock.fileno(), fcntl.LOCK_UN)


def _taken(shares: _Shares, worker: int, order: list[int]) -> Iterator[int]:
    """The indexes of the lines ``worker`` answers, as it takes them."""
    while taken := shares.take(worker):
        for position in taken:
            yield order[position]


def _fork(
    worker: int, shares: _Shares, order: list[int], lines: list[str], spool: BinaryIO,
    reply: Callable[[str], str], after_fork: Callable[[], None],
) -> int | None:
    """A worker answering the lines it takes into ``spool``, a temporary file (a pipe
    would stall it once full while the parent answers its own lines); None if the fork
    failed (the others take its run)."""
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
        for i in _taken(shares, worker, order):
            spool.write(_framed(i, _written(reply(lines[i]))))
        status = 0
    finally:
        with suppress(BaseException):
            spool.flush()  # what was answered before a failure is kept too
        os._exit(status)


def _written(text: str) -> bytes:
    """A reply as it is written out: encoded, a newline after it."""
    return f"{text}\n".encode()


def _framed(index: int, data: bytes) -> bytes:
    """A written reply with its line's index and its length before it: a reply may hold any
    character, newlines too."""
    return index.to_bytes(4, "big") + len(data).to_bytes(4, "big") + data


def _unframed(data: bytes) -> list[tuple[int, bytes]]:
    """The whole replies of a spool; a last one cut short (a worker that died while
    writing it) is left out."""
    replies, at = [], 0
    while at + 8 <= len(data):
        index = int.from_bytes(data[at:at + 4], "big")
        size = int.from_bytes(data[at + 4:at + 8], "big")
        if at + 8 + size > len(data):
            break
        replies.append((index, data[at + 8:at + 8 + size]))
        at += 8 + size
    return replies


def _stop(pids: list[int | None]) -> None:
    for pid in pids:
        if pid is not None:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            with suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _reap(pid: int) -> None:
    """Wait for a worker to end, however it ends."""
    with suppress(ChildProcessError):
        os.waitpid(pid, 0)
