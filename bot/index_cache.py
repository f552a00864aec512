"""The understander's index kept on disk between runs, so a process starts answering in a
fraction of the time building it takes.

The file is named after everything the index is built from — the names, the countries,
the index years, and the source of the code that builds it — so a changed alias, a new
index year or an update of the bot can never be answered from an old index: a new
fingerprint is a new file.  The index is plain data (:meth:`Understander.state`), stored
with pickle and read back by an unpickler that refuses every class, so reading a cache file
can run no code.  The parts few questions need come last in the file and are read when
first needed.  Anything unexpected (no cache folder, no permission, a damaged file)
falls back to building, which is always correct.

Where: ``PRESSBOT_CACHE``, else ``$XDG_CACHE_HOME/pressbot``, else ``~/.cache/pressbot``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cachedir import cache_dir
from bot.lasting import made_to_last
from bot.store import Snapshot
from bot.understand import Understander
from bot.understand.parser import RARE_PARTS

if TYPE_CHECKING:  # the index's builder loads only when an index is built
    from bot.understand.index import Memo

log = logging.getLogger(__name__)

#: Cache files kept; older ones are removed when a new one is written.
MAX_FILES = 8
#: Indexes kept in memory by fingerprint: a process opening several pipelines on the same
#: data (tests, a reload) reads the file once.  The index is read-only once built.
MAX_IN_MEMORY = 2
_IN_MEMORY: OrderedDict[str, _Index] = OrderedDict()
_IN_MEMORY_LOCK = threading.Lock()
_PREFIX = "understand-index-"
_PART_PREFIX = "understand-part-"
_CODE_PREFIX = "understand-code-"
#: The source that decides what the index holds (code and lexicon files): a change to any
#: of it is a new index.
_SOURCES = ("understand", "names.py", "domain.py", "index_cache.py")
#: The libraries whose data the index holds (real words, word forms, the traditional
#: Chinese table): an upgrade or a reinstall of any is a new index too.
LIBRARIES = ("wordfreq", "pymorphy3", "pymorphy3_dicts_ru", "pymorphy3_dicts_uk", "opencc")


@lru_cache(maxsize=1)
def _code_version() -> bytes:
    digest = hashlib.sha256(sys.version.encode())
    digest.update(_sources_digest(Path(__file__).resolve().parent, _SOURCES, cache_dir()))
    for library in LIBRARIES:
        digest.update(_installed(library).encode())
    return digest.digest()


def _sources_digest(package: Path, names: Sequence[str], folder: Path) -> bytes:
    """A digest of the content of ``package``'s sources ``names`` (a folder: its .py and
    .toml files).  Reading and hashing them all would cost every start milliseconds, so
    the digest is kept in ``folder`` under each file's path, size and modification time,
    and trusted while those stay, as Python trusts a .pyc: an edited file has a new
    modification time, and its content is read and digested again."""
    files = _source_files(package, names)
    stamps = hashlib.sha256()
    for path in files:
        stat = os.stat(path)
        stamps.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    memo = folder / f"{_CODE_PREFIX}{stamps.hexdigest()[:32]}.pickle"
    kept = _read(memo)
    if isinstance(kept, bytes):
        return kept
    digest = hashlib.sha256()
    for path in files:
        with open(path, "rb") as file:
            source = file.read()
        # Each file's length first: a line moved from one file to the next is other code.
        digest.update(len(source).to_bytes(8, "big") + source)
    try:
        _write(folder, memo, digest.digest(), prefix=_CODE_PREFIX)
    except OSError as exc:
        log.debug("no digest of the code written (%s)", exc)
    return digest.digest()


def _source_files(package: Path, names: Sequence[str]) -> list[str]:
    """The files of each of ``names`` in ``package``, each folder's in a stable order."""
    found: list[str] = []
    for name in names:
        path = os.path.join(package, name)
        found += sorted(_walk(path)) if os.path.isdir(path) else [path]
    return found


def _walk(folder: str) -> Iterator[str]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _walk(entry.path)
            elif entry.name.endswith((".py", ".toml")):
                yield entry.path


def _installed(module: str) -> str:
    """Which installation of a library is there: where its first file is, its size and
    when it was written (installing a release rewrites it).  Found without importing the
    library or reading package metadata, both of which would cost start-up tens of
    milliseconds."""
    from importlib.util import find_spec

    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return f"{module} -"
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return f"{module} -"
    return f"{module} {spec.origin} {stat.st_size} {stat.st_mtime_ns}"


def fingerprint(snapshot: Snapshot) -> str:
    """A digest of what the index is built from: the code, the years, which countries are
    current, and every name.  The names are digested as the table holds them: the same
    names in another order (rows deleted and put back) only cost a rebuild, and no two
    different tables can share an index."""
    # BLAKE2: as safe from collisions as SHA-256, in less work over the names' 300 KB.
    digest = hashlib.blake2b(_code_version(), digest_size=16)
    digest.update(repr(snapshot.years).encode())
    digest.update(repr(sorted((c.code, c.last_year) for c in snapshot.countries.values()))
                  .encode())
    digest.update(snapshot.alias_json)
    return digest.hexdigest()


class _PlainData(pickle.Unpickler):
    """Reads dicts, lists, tuples, sets, strings and numbers; refuses any class."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a cache file may hold no {module}.{name}")


def understander_for(snapshot: Snapshot) -> Understander:
    """The understander of ``snapshot``'s data: read from the cache, else built and kept."""
    key = fingerprint(snapshot)
    with _IN_MEMORY_LOCK:
        index = _IN_MEMORY.get(key)
        if index is not None:
            _IN_MEMORY.move_to_end(key)
    if index is not None:
        return index.understander(snapshot)
    folder = cache_dir()
    path = folder / f"{_PREFIX}{key}.pickle"
    with made_to_last():
        index = _read_index(path, snapshot)
    if index is not None:
        _keep(key, index)
        return index.understander(snapshot)
    understander = Understander(snapshot, memo=_PartsOnDisk(folder))
    _keep(key, _Index(path, understander.state()))
    _write_index(path, understander.state())
    return understander


class _Index:
    """An index as the cache file holds it: the parts every question needs, read at once,
    then the rare ones (:data:`RARE_PARTS`), unpickled from the rest of the file when
    first needed (half of the reading: most processes that answer a few questions need
    none).  ``rest`` is the unpickler that read the first part, where the second goes on:
    what the two share is written once, in the first."""

    def __init__(self, path: Path, state: dict[str, Any], rest: _PlainData | None = None,
                 snapshot: Snapshot | None = None) -> None:
        self.path = path
        self.state = state
        self._rest = rest
        # Kept until the rest is read: to build the index anew should it be damaged.
        self._snapshot = snapshot
        # A file of one part (or an index just built) has them all.
        self._rare: dict[str, Any] | None = None if rest else state
        self._lock = threading.Lock()

    def understander(self, snapshot: Snapshot) -> Understander:
        return Understander(snapshot, self.state, rare=self.rare)

    def rare(self) -> dict[str, Any]:
        with self._lock:
            if self._rare is None:
                try:
                    assert self._rest is not None  # kept until read
                    with made_to_last():
                        self._rare = self._rest.load()
                except Exception:  # a damaged file: build anew, and replace it
                    log.warning("the understanding cache %s could not be read; rebuilding",
                                self.path)
                    from bot.understand.index import build

                    assert self._snapshot is not None  # kept with the rest
                    self._rare = build(self._snapshot, _PartsOnDisk(self.path.parent))
                    _write_index(self.path, self._rare)
                self._rest, self._snapshot = None, None
            return self._rare


def _read_index(path: Path, snapshot: Snapshot) -> _Index | None:
    """The index of a cache file, its rare parts left unread; None as :func:`_read`."""
    try:
        data = path.read_bytes()
        file = io.BytesIO(data)
        unpickler = _PlainData(file)
        state = unpickler.load()
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file: build anew, and replace it
        log.warning("the understanding cache %s could not be read; rebuilding", path)
        return None
    return _Index(path, state, unpickler if file.tell() < len(data) else None, snapshot)


def _write_index(path: Path, state: dict[str, Any]) -> None:
    """Write an index as two pickles in one file: the parts every question needs, then
    :data:`RARE_PARTS`."""
    common = {part: value for part, value in state.items() if part not in RARE_PARTS}
    rare = {part: state[part] for part in RARE_PARTS}
    try:
        _write(path.parent, path, common, rare)
    except OSError as exc:
        log.debug("no understanding cache written (%s)", exc)


def _keep(key: str, index: _Index) -> None:
    with _IN_MEMORY_LOCK:
        _IN_MEMORY[key] = index
        _IN_MEMORY.move_to_end(key)
        while len(_IN_MEMORY) > MAX_IN_MEMORY:
            _IN_MEMORY.popitem(last=False)


def kept_parts() -> Memo:
    """Where the parts of an index that outlive a data version are kept (for the
    importer's question words, made from the same lexicon tables as every index)."""
    return _PartsOnDisk(cache_dir())


class _PartsOnDisk:
    """The parts of an index that outlive a data version (the lexicons' tables, what
    wordfreq says of the names), kept beside the indexes: a new index year is then read
    in a fraction of a second instead of the seconds the first build takes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> Any | None:
        return _read(self.folder / f"{_PART_PREFIX}{key}.pickle")

    def put(self, key: str, value: Any) -> None:
        try:
            _write(self.folder, self.folder / f"{_PART_PREFIX}{key}.pickle", value,
                   prefix=_PART_PREFIX)
        except OSError as exc:
            log.debug("no understanding part written (%s)", exc)


def _read(path: Path) -> Any | None:
    """A cache file's plain data, or None (no file; a damaged or foreign one is rebuilt)."""
    try:
        with path.open("rb") as file:
            return _PlainData(file).load()
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file: build anew, and replace it
        log.warning("the understanding cache %s could not be read; rebuilding", path)
        return None


def _shared(value: Any, seen: dict[Any, Any] | None = None) -> Any:
    """``value`` with every tuple and string equal to an earlier one replaced by it.  Pickle
    writes an object met twice once, and reading one back costs about as much as making
    it: most senses of the index's words, and many of its names, recur (a quarter of the
    file's reading time)."""
    seen = {} if seen is None else seen
    if isinstance(value, str):
        return seen.setdefault(value, value)
    if isinstance(value, tuple):
        value = tuple([_shared(item, seen) for item in value])
        # Keyed by its items' types too: (1,) and (True,) are equal, and one is no other.
        return seen.setdefault((tuple, *map(type, value), value), value)
    if isinstance(value, dict):
        return {_shared(key, seen): _shared(item, seen) for key, item in value.items()}
    if isinstance(value, list):
        return [_shared(item, seen) for item in value]
    if isinstance(value, (set, frozenset)):
        return type(value)(_shared(item, seen) for item in value)
    return value


def _write(folder: Path, path: Path, *values: Any, prefix: str = _PREFIX) -> None:
    """Write ``values``, one pickle after the other, to be read by one unpickler, atomically
    (another process may read the file meanwhile); keep the newest files."""
    import tempfile  # a process that reads its index writes nothing

    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    seen: dict[Any, Any] = {}
    # All made before any is written: the pickler knows what it wrote by identity.
    shared = [_shared(value, seen) for value in values]
    try:
        with os.fdopen(fd, "wb") as file:
            # One pickler: a later value refers to what an earlier one holds (its memo).
            pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
            for value in shared:
                pickler.dump(value)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    files = sorted(folder.glob(f"{prefix}*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in files[:-MAX_FILES]:
        old.unlink(missing_ok=True)
