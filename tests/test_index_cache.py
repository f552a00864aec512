"""The understander's index on disk: read back, it is the index that was built, and what
recurs in it is stored once."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from bot import index_cache
from bot.store import Snapshot
from bot.understand import Understander
from bot.understand.parser import RARE_PARTS


def test_an_index_read_back_from_disk_is_the_one_built(snapshot: Snapshot, tmp_path: Path
                                                        ) -> None:
    built = index_cache.understander_for(snapshot)
    written = tmp_path / "understand-index-test.pickle"
    index_cache._write(tmp_path, written, built.state())
    state = index_cache._read(written)
    assert state == built.state()
    # Read back, the same question is understood the same way.
    again = Understander(snapshot, state)
    for question in ("are journalists safe in Kazakhstan?", "Қазақстанда журналистер",
                     "compare Norway and Finlnd", "худшие страны Азии 2023"):
        assert again.parse(question) == built.parse(question)


def test_the_rare_parts_of_an_index_are_read_when_first_needed(snapshot: Snapshot,
                                                               tmp_path: Path) -> None:
    built = index_cache.understander_for(snapshot)
    path = tmp_path / "understand-index-test.pickle"
    index_cache._write_index(path, built.state())
    index = index_cache._read_index(path, snapshot)
    assert index is not None
    assert not set(RARE_PARTS) & set(index.state)
    again = index.understander(snapshot)
    assert again.parse("Kazakhstan") == built.parse("Kazakhstan")
    assert "_rare" not in vars(again)  # a name as written needs none of them
    assert again.parse("compare Norway and Finlnd") == built.parse("compare Norway and Finlnd")
    assert again.state() == built.state()


def test_a_damaged_tail_of_an_index_is_built_anew(snapshot: Snapshot, tmp_path: Path) -> None:
    built = index_cache.understander_for(snapshot)
    path = tmp_path / "understand-index-test.pickle"
    index_cache._write_index(path, built.state())
    index = index_cache._read_index(path, snapshot)
    assert index is not None
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) - 1000])  # cut short after it was read
    damaged = index_cache._read_index(path, snapshot)
    assert damaged is not None  # its head still reads
    understander = damaged.understander(snapshot)
    assert understander.parse("Finlnd") == built.parse("Finlnd")
    assert understander.state() == built.state()
    rewritten = index_cache._read_index(path, snapshot)  # and the file was written again
    assert rewritten is not None
    assert rewritten.understander(snapshot).state() == built.state()


def test_equal_tuples_and_strings_of_an_index_are_written_once() -> None:
    senses = [(1, None, 512), (1, None, 512), (3, "economic", 512)]
    state = {"words": {"a": (senses[0],), "b": (senses[1],), "c": (senses[2],)},
             "names": {"kazakhstan": ("KAZ",), "qazaqstan": ("KAZ",)}}
    shared = index_cache._shared(state)
    assert shared == state
    assert shared["words"]["a"][0] is shared["words"]["b"][0]
    assert shared["names"]["kazakhstan"] is shared["names"]["qazaqstan"]
    assert len(pickle.dumps(shared)) < len(pickle.dumps(state))
    # Equal is not the same: a number stays the type it was.
    mixed = index_cache._shared(((1, "a"), (True, "a"), (1.0, "a")))
    assert [type(item[0]) for item in mixed] == [int, bool, float]


def test_a_library_installed_again_is_a_new_index(
    snapshot: Snapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index holds data of libraries (wordfreq's words, OpenCC's table): a new release
    # of one, installed over the old, must not be answered from an index built with it.
    library = tmp_path / "site" / "wordlists_for_test"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("WORDS = ['kazakhstan']\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(index_cache, "LIBRARIES", (*index_cache.LIBRARIES,
                                                   "wordlists_for_test"))
    index_cache._code_version.cache_clear()
    try:
        before = index_cache.fingerprint(snapshot)
        assert index_cache.fingerprint(snapshot) == before  # nothing changed: the same
        (library / "__init__.py").write_text("WORDS = ['kazakhstan', 'qazaqstan']\n")
        index_cache._code_version.cache_clear()
        assert index_cache.fingerprint(snapshot) != before
    finally:
        index_cache._code_version.cache_clear()


def test_a_source_file_edited_is_a_new_index(tmp_path: Path) -> None:
    # The digest of the code is kept under the files' sizes and times: an edit (a new
    # modification time), even one that keeps the size, gives a new digest; an unchanged
    # tree reads the one kept.  An edit that keeps both size and time is not seen, as a
    # .pyc does not see it.
    package = tmp_path / "package"
    (package / "understand" / "lexicons").mkdir(parents=True)
    (package / "understand" / "parser.py").write_text("LONGEST = 1\n")
    lexicon = package / "understand" / "lexicons" / "en.toml"
    lexicon.write_text("safe = 'safety'\n")
    (package / "names.py").write_text("FOLD = 'a'\n")
    cache = tmp_path / "cache"
    names = ("understand", "names.py")
    before = index_cache._sources_digest(package, names, cache)
    assert [p.name for p in cache.iterdir()] != []  # kept for the next start
    assert index_cache._sources_digest(package, names, cache) == before
    stamp = lexicon.stat().st_mtime_ns
    lexicon.write_text("safe = 'danger'\n")
    os.utime(lexicon, ns=(stamp + 1_000_000, stamp + 1_000_000))
    edited = index_cache._sources_digest(package, names, cache)
    assert edited != before
    # Read afresh (no digest kept), the same files have the same digest.
    for kept in cache.iterdir():
        kept.unlink()
    assert index_cache._sources_digest(package, names, cache) == edited
    (package / "understand" / "typos.py").write_text("MAX = 2\n")  # a new file too
    assert index_cache._sources_digest(package, names, cache) != edited
