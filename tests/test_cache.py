"""The bounded memo: what it remembers, and that it stays bounded."""

from __future__ import annotations

from bot.cache import BoundedDict


def test_a_memo_recalls_none_as_an_answer_and_makes_each_value_once() -> None:
    memo: BoundedDict[str, int | None] = BoundedDict(2)
    made: list[str] = []

    def make(key: str) -> int | None:
        made.append(key)
        return None if key == "nothing" else len(key)

    assert memo.recall("nothing", lambda: make("nothing")) is None
    assert memo.recall("nothing", lambda: make("nothing")) is None
    assert memo.recall("four", lambda: make("four")) == 4
    assert made == ["nothing", "four"]  # a remembered None is not made again
    memo.recall("third", lambda: make("third"))
    assert len(memo) <= 2  # full: started over
