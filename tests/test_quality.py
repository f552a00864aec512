"""The project's own checks, run with the tests so one command covers everything:
ruff (lint), mypy (types), hadolint (Dockerfile)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    located = shutil.which(name)
    if located is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return located


def test_ruff() -> None:
    run = _run(_tool("ruff"), "check", "bot", "tests", "benchmarks")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy() -> None:
    run = _run(_tool("mypy"))
    assert run.returncode == 0, run.stdout + run.stderr


def test_hadolint() -> None:
    run = _run(_tool("hadolint"), "Dockerfile")
    assert run.returncode == 0, run.stdout + run.stderr
