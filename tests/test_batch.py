"""``pressbot ask`` over many stdin lines (bot.batch): replies in input order whatever the
number of workers, a question written alone answered before the input ends, and a worker
that fails costing no line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bot import batch
from bot.pipeline import Pipeline

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

    def reply(question: str) -> str:
        if in_worker and question == "Norway":
            raise RuntimeError("a worker that breaks")
        return json.dumps(pipeline.ask(question).as_json()["countries"])

    lines = ["Kazakhstan"] * batch.MIN_LINES_PER_WORKER + ["Norway"] * batch.MIN_LINES_PER_WORKER
    try:
        with tempfile.TemporaryFile() as source, tempfile.TemporaryFile() as out:
            source.write("".join(f"{line}\n" for line in lines).encode())
            source.seek(0)
            batch.answer_stream(source, out, reply, jobs=2, after_fork=after_fork)
            out.seek(0)
            written = out.read().decode().splitlines()
    finally:
        pipeline.close()
    half = len(lines) // 2
    assert written == ['["KAZ"]'] * half + ['["NOR"]'] * half
