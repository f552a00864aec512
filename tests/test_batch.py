"""``pressbot ask`` over many stdin lines (bot.batch): replies in input order whatever the
number of workers, a question written alone answered before the input ends, a worker
that fails costing no line, a repeated line answered once, and the lines of one read
answered from one version of the data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from test_store import modified_2026

from bot import batch
from bot.importer import import_paths
from bot.pipeline import Pipeline
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
#: How long a reply to one question may take to arrive before the test fails.
WAIT = 30

QUESTIONS = [
    "Kazakhstan", "compare Norway and Finland", "worst in Asia", "", "Мексика в 2023",
    "топ 3", "why did Kazakhstan fall?", "hello", "Frane", "are journalists safe in Iran",
]


def _ask(db: Path, *args: str, stdin: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-m", "bot", "ask", *args], input=stdin, capture_output=True,
        text=True, env={**os.environ, "PRESSBOT_DB": str(db)}, cwd=ROOT, timeout=120,
        check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_workers_keep_the_input_order(db_path: Path) -> None:
    # Enough lines for three workers; the same output, line for line, as one process.
    lines = [f"{q} {i % 7 or ''}".strip() if q else q
             for i, q in enumerate(QUESTIONS * (3 * batch.MIN_LINES_PER_WORKER // 10 + 1))]
    stdin = "".join(f"{line}\n" for line in lines)
    alone = _ask(db_path, "--json", "--jobs", "1", stdin=stdin)
    shared = _ask(db_path, "--json", "--jobs", "3", stdin=stdin)
    assert shared == alone
    assert [json.loads(reply)["question"] for reply in shared] == lines


def test_a_question_written_alone_is_answered_at_once(db_path: Path) -> None:
    # A script that writes one question and waits for its reply (a co-process) gets it
    # while its input is still open.
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PRESSBOT_DB": str(db_path)}, cwd=ROOT)
    assert process.stdin is not None and process.stdout is not None
    try:
        for question, code in (("Kazakhstan", "KAZ"), ("Norway", "NOR")):
            process.stdin.write(f"{question}\n")
            process.stdin.flush()
            reply = _line_within(process, WAIT)
            assert json.loads(reply)["countries"] == [code]
    finally:
        process.stdin.close()
        assert process.wait(timeout=WAIT) == 0
        process.stdout.close()
        if process.stderr is not None:
            process.stderr.close()


def answered(lines: list[str], reply: Callable[[str], str], jobs: int,
             after_fork: Callable[[], None] = lambda: None) -> list[str]:
    """The lines ``batch.answer_stream`` writes for ``lines`` read from a file."""
    with tempfile.TemporaryFile() as source, tempfile.TemporaryFile() as out:
        source.write("".join(f"{line}\n" for line in lines).encode())
        source.seek(0)
        batch.answer_stream(source, out, reply, jobs=jobs, after_fork=after_fork)
        out.seek(0)
        return out.read().decode().splitlines()


def _line_within(process: subprocess.Popen[str], seconds: float) -> str:
    import selectors

    assert process.stdout is not None
    with selectors.DefaultSelector() as waiting:
        waiting.register(process.stdout, selectors.EVENT_READ)
        assert waiting.select(timeout=seconds), f"no reply within {seconds} s"
    return process.stdout.readline()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_a_failing_worker_loses_no_line(db_path: Path) -> None:
    pipeline = Pipeline.open(db_path)
    in_worker = False

    def after_fork() -> None:
        nonlocal in_worker
        pipeline.after_fork()
        in_worker = True

    def reply(line: str) -> str:
        question = line.split()[0]  # "Norway 17": distinct lines (a repeat is answered once)
        if in_worker and question == "Norway":
            raise RuntimeError("a worker that breaks")
        return json.dumps(pipeline.ask(question).as_json()["countries"])

    lines = [f"{name} {i}" for name in ("Kazakhstan", "Norway")
             for i in range(batch.MIN_LINES_PER_WORKER)]
    try:
        written = answered(lines, reply, 2, after_fork)
    finally:
        pipeline.close()
    half = len(lines) // 2
    assert written == ['["KAZ"]'] * half + ['["NOR"]'] * half


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_repeated_line_is_answered_once(jobs: int) -> None:
    asked: list[str] = []

    def reply(line: str) -> str:
        asked.append(line)  # in this process only: a worker's list is its own
        return line.upper()

    distinct = [f"question {i}" for i in range(batch.MIN_LINES_PER_WORKER * 2)]
    lines = distinct + distinct[::-1] + distinct[:7]
    assert answered(lines, reply, jobs) == [line.upper() for line in lines]
    assert len(asked) == len(set(asked))  # no line answered twice in this process
    if jobs == 1:
        assert sorted(asked) == sorted(distinct)
    else:
        assert 0 < len(asked) < len(distinct)  # the worker answered the rest


def test_one_read_is_answered_from_one_version_of_the_data(db_copy: Path,
                                                           tmp_path: Path) -> None:
    pipeline = Pipeline.open(db_copy)

    def score(question: str) -> float:
        result = getattr(pipeline.ask(question).answer, "result", None)
        assert result is not None
        return float(result.score)

    try:
        before = score("Kazakhstan")
        with pipeline.one_version():
            score("Norway")
            writer = Store(db_copy)  # another process's import, meanwhile
            try:
                import_paths(writer, [modified_2026(tmp_path)])
            finally:
                writer.close()
            assert score("Kazakhstan in 2026") == before  # still the data of the start
        assert score("Kazakhstan in 2026") == pytest.approx(before - 0.01)
    finally:
        pipeline.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_workers_share_the_lines_out_as_they_go() -> None:
    with tempfile.TemporaryFile() as lock:
        shares = batch._Shares(100, 2, lock)
        assert list(shares.take(0)) == list(range(0, batch.CHUNK))  # each its own run
        assert list(shares.take(1)) == list(range(50, 50 + batch.CHUNK))
        taken = [*range(0, batch.CHUNK), *range(50, 50 + batch.CHUNK)]
        # Worker 1 is slow: worker 0 finishes its run, then takes the back half of what
        # worker 1 has left.
        while (run := shares.take(0)) and run.start < 50:
            taken += run
        assert run.start == 50 + batch.CHUNK + (50 - batch.CHUNK + 1) // 2
        taken += run
        while run := shares.take(1 if len(taken) % 2 else 0):
            taken += run
        while run := shares.take(0) or shares.take(1):
            taken += run
    assert sorted(taken) == list(range(100))  # every line once


def test_lines_are_grouped_by_script() -> None:
    assert batch._script("Kazakhstan") == batch._script("Norway")
    assert batch._script("Казахстан") != batch._script("Kazakhstan")
    assert batch._script("哈萨克斯坦") != batch._script("قزاقستان")
    assert batch._script("2024 Kazakhstan") == batch._script("Norway")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")
def test_what_a_failing_worker_answered_is_kept() -> None:
    import select

    in_worker = False
    answered_here: list[str] = []
    worker_answers = 0
    broke_read, broke_write = os.pipe()  # the worker says when it broke

    def after_fork() -> None:
        nonlocal in_worker
        in_worker = True

    def reply(line: str) -> str:
        nonlocal worker_answers
        if in_worker:
            worker_answers += 1
            if worker_answers > 40:  # forty answers, then the worker breaks
                os.write(broke_write, b"!")
                raise RuntimeError("a worker that breaks")
        else:
            if not answered_here:  # the parent starts once the worker has broken
                assert select.select([broke_read], [], [], 30)[0], "the worker never broke"
            answered_here.append(line)
        return line.upper()

    lines = [f"question {i}" for i in range(batch.MIN_LINES_PER_WORKER * 4)]
    try:
        assert answered(lines, reply, 2, after_fork) == [line.upper() for line in lines]
    finally:
        os.close(broke_read)
        os.close(broke_write)
    # The parent answered the rest, not the forty the worker wrote before it broke.
    assert len(answered_here) == len(lines) - 40
