"""An import file → its lines of text: regular files only, within limits, read in chunks.

Limits (README, "Updating the data"), far above anything RSF publishes (its CSVs are
20–60 KB in 140–181 lines, the alias list some 600 lines, a profile page 20 KB):

* :data:`MAX_FILE_BYTES` — 50 MB, checked on the file's size before a byte is read;
* :data:`MAX_LINES` — 10,000 lines, counted on the bytes before anything is parsed;
* :data:`MAX_PROFILE_BYTES` — 1 MB for a profile page (it is parsed as a whole).

Only regular files are read: the file is opened without blocking (a FIFO would otherwise
wait for a writer forever) and refused unless ``fstat`` says it is a regular file, so a
pipe, a device (``/dev/zero`` never ends) or a folder is refused at once, symlinks to them
included.

A first pass over the bytes counts lines, computes the checksum and decides the encoding:
UTF-16 when the file begins with its byte order mark (a spreadsheet's "Unicode text"
export), else UTF-8 (with or without BOM) or, failing that, cp1252.  A file that starts
with a UTF-8 BOM, or that holds valid UTF-8 multi-byte sequences, must be valid UTF-8: a
bad byte there is corruption, not another encoding (decoding it as cp1252 would silently
garble every accented name), and is reported with its line and column.  Then
:meth:`ImportFile.lines` decodes chunk by chunk and yields one line at a time, line ends
(LF, CRLF, and the CR CR LF of RSF's 2022 file) all folded, so line numbers are the lines a
person sees.  Memory holds one chunk and one line, whatever the file's size.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from bot.importer.errors import ImportFailed

#: The largest import file read at all.
MAX_FILE_BYTES = 50 * 2**20
#: The most lines an import file may have (header and blank lines included): an RSF CSV
#: has about 180, a profile or an alias list a few hundred.
MAX_LINES = 10_000
#: The most lines a V-Dem file may have: one per country and year (v14: 9,171 for 182
#: countries over 1970–2023), with room for the years and countries of later versions.
MAX_VDEM_LINES = 50_000
#: The largest profile page.
MAX_PROFILE_BYTES = 2**20
#: How much is read at a time.
CHUNK_BYTES = 2**20

_BOM = b"\xef\xbb\xbf"
#: How UTF-16 text begins (a spreadsheet's "Unicode text" export): its byte order mark.
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: How a workbook begins: a zip archive (.xlsx, .ods) or an OLE compound file (.xls).
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_PDF = b"%PDF-"
# A line end: LF, CRLF, CR CR LF (RSF's 2022 file), or CRs alone.
_LINE_END = re.compile(r"\r+\n?|\n")
# Runs of CRs not followed by an LF: line ends of their own (the rest end in an LF).
_LONE_CRS = re.compile(rb"\r+(?![\r\n])")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Bytes cp1252 leaves undefined.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def first_line(path: Path, limit: int = 4096) -> str:
    """The start of a file's first line (what tells its kind), read without the checks and
    limits of :class:`ImportFile` (which the whole file then goes through)."""
    try:
        # Without blocking: opening a FIFO to read would wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError:
        return ""  # ImportFile.open says why
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        head = os.read(fd, limit)
    except OSError:
        return ""
    finally:
        os.close(fd)
    if head.startswith(_UTF16_BOMS):
        return head.decode("utf-16", errors="replace").split("\n", 1)[0]
    return head.removeprefix(_BOM).decode("utf-8", errors="replace").split("\n", 1)[0]


class ImportFile:
    """One import file, checked and scanned: its size, checksum, encoding and line count.

    Open with :meth:`open` (a path on disk) or :meth:`of_bytes` (bytes already in memory);
    close when done (``with``)."""

    def __init__(self, path: Path, stream: BinaryIO, size: int,
                 max_lines: int = MAX_LINES) -> None:
        self.path, self._stream, self.size = path, stream, size
        self.max_lines = max_lines
        if size > MAX_FILE_BYTES:
            self.close()
            raise ImportFailed(
                path, 0, 0, f"the file is {size / 2**20:.1f} MB; an import file may be at "
                f"most {MAX_FILE_BYTES // 2**20} MB"
            )
        try:
            self._scan()
        except BaseException:
            self.close()
            raise
        self.ends_with_line_end = False  # known once lines() has read to the end

    @classmethod
    def open(cls, path: Path, max_lines: int = MAX_LINES) -> ImportFile:
        """Open a file for import: a regular file within the limits, else refused."""
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
        except OSError as exc:
            raise ImportFailed(path, 0, 0, f"cannot read: {exc.strerror or exc}") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ImportFailed(
                    path, 0, 0, f"not a regular file ({_kind_of(info.st_mode)}): copy the data "
                    "into a file and import that"
                )
            stream = os.fdopen(fd, "rb", buffering=0)
        except BaseException:
            os.close(fd)
            raise
        return cls(path, stream, info.st_size, max_lines)

    @classmethod
    def of_bytes(cls, path: Path, data: bytes, max_lines: int = MAX_LINES) -> ImportFile:
        """A file already in memory (named ``path`` in refusals)."""
        return cls(path, io.BytesIO(data), len(data), max_lines)

    def __enter__(self) -> ImportFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._stream.close()

    # -- the first pass: bytes -------------------------------------------------------------

    def _chunks(self, start: int = 0) -> Iterator[bytes]:
        """The file's bytes from ``start``, at most the limit (a file may grow meanwhile)."""
        self._stream.seek(start)
        left = MAX_FILE_BYTES + 1 - start
        while left > 0:
            chunk = self._stream.read(min(CHUNK_BYTES, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk
        raise ImportFailed(self.path, 0, 0, f"the file grew past {MAX_FILE_BYTES // 2**20} MB "
                                            "while it was read")

    def _scan(self) -> None:
        """Checksum, line count, blankness, and which encoding the file is in."""
        digest = hashlib.sha256()
        if self._stream.read(2) in _UTF16_BOMS:
            self._scan_utf16(digest)
            return
        utf8 = codecs.getincrementaldecoder("utf-8")()
        utf8_valid, multibyte, undefined_cp1252, nul = True, False, False, False
        self.blank = True
        line_ends, crs, last, head = 0, b"", b"", b""
        for chunk in self._chunks():
            digest.update(chunk)
            if len(head) < len(_PDF):
                head = (head + chunk)[:len(_PDF)]
                # Named before anything is counted: a workbook's "lines" are binary.
                self._refuse_binary(head)
            if utf8_valid:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    utf8_valid = False
            if not chunk.isascii():  # the usual case for RSF's files is cheap
                # A multi-byte sequence may straddle two chunks: look at the last bytes too.
                multibyte = multibyte or bool(_UTF8_MULTIBYTE.search(last[-3:] + chunk))
                undefined_cp1252 = undefined_cp1252 or bool(_CP1252_UNDEFINED.search(chunk))
            nul = nul or b"\x00" in chunk
            if self.blank and chunk.replace(_BOM, b"").strip():
                self.blank = False
            # Count line ends; a run of CRs at the end of a chunk may go on in the next.
            data = crs + chunk
            cut = len(data.rstrip(b"\r"))
            data, crs = data[:cut], data[cut:]
            line_ends += data.count(b"\n")
            if b"\r" in data:
                line_ends += len(_LONE_CRS.findall(data))
            if line_ends > self.max_lines:
                self._too_long(self.max_lines)
            last = chunk
        line_ends += 1 if crs else 0
        # Text after the last line end is one line more.
        self.line_count = line_ends + (1 if last and not crs and not last.endswith(b"\n")
                                       else 0)
        if self.line_count > self.max_lines:
            self._too_long(self.max_lines)
        if utf8_valid:
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8_valid = False
        self.sha256 = digest.hexdigest()
        self.bom = head.startswith(_BOM)
        if self.bom or utf8_valid or multibyte:
            self.encoding = "utf-8"
            # A bad byte, or a NUL: the reader finds where, before anything is parsed.
            self._clean = utf8_valid and not nul
        else:
            self.encoding = "cp1252"
            self._clean = not undefined_cp1252 and not nul

    def _scan_utf16(self, digest: hashlib._Hash) -> None:
        """:meth:`_scan` of UTF-16 text, as a spreadsheet's "Unicode text" export writes it
        (its byte order mark first): lines counted on the text, since every other byte of
        it is a NUL."""
        decoder = codecs.getincrementaldecoder("utf-16")()
        self.blank, self._clean = True, True
        line_ends, crs, last = 0, "", ""
        for chunk in self._chunks():
            digest.update(chunk)
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                self._clean = False  # lines() says where
                break
            self._clean = self._clean and "\x00" not in text
            self.blank = self.blank and not text.replace("\ufeff", "").strip()
            data = crs + text
            cut = len(data.rstrip("\r"))
            data, crs = data[:cut], data[cut:]
            line_ends += len(_LINE_END.findall(data))
            if line_ends > self.max_lines:
                self._too_long(self.max_lines)
            last = data or last
        line_ends += 1 if crs else 0
        self.line_count = line_ends + (1 if last and not crs and not last.endswith("\n")
                                       else 0)
        if self.line_count > self.max_lines:
            self._too_long(self.max_lines)
        self.sha256 = digest.hexdigest()
        self.bom, self.encoding = False, "utf-16"  # the decoder reads the byte order mark

    def _too_long(self, limit: int) -> None:
        raise ImportFailed(self.path, limit + 1, 1, f"more than {limit} lines; an import "
                                                    f"file may have at most {limit}")



    # -- the lines ---------------------------------------------------------------------------

    def _refuse_binary(self, head: bytes) -> None:
        """A workbook or a PDF, named as such, with what to send instead."""
        if head.startswith(_WORKBOOKS):
            raise ImportFailed(self.path, 1, 1, "a spreadsheet workbook (.xlsx, .xls or .ods), "
                               "not a text file: save it as CSV and import that")
        if head.startswith(_PDF):
            raise ImportFailed(self.path, 1, 1, "a PDF, not a text file: import RSF's CSV, or "
                               "a profile page's text")

    def check(self) -> None:
        """Refuse a file that cannot be decoded or holds a NUL byte, saying where, before
        any of it is parsed."""
        if not self._clean:
            for _ in self.lines():
                pass

    def lines(self) -> Iterator[str]:
        """The file's lines, without their line ends, decoded a chunk at a time."""
        decoder = codecs.getincrementaldecoder(self.encoding)()
        number, carry = 0, ""
        chunks = self._chunks(len(_BOM) if self.bom else 0)
        while True:
            chunk = next(chunks, None)
            final = chunk is None
            raw = b"" if chunk is None else chunk
            try:
                text = carry + decoder.decode(raw, final=final)
            except UnicodeDecodeError as exc:
                before = exc.object[: exc.start].decode(self.encoding, errors="replace")
                folded = _LINE_END.sub("\n", carry + before)
                line = number + folded.count("\n") + 1
                column = len(folded) - (folded.rfind("\n") + 1) + 1
                raise ImportFailed(
                    self.path, line, column,
                    f"byte 0x{exc.object[exc.start]:02x} cannot be decoded as {self.encoding}",
                ) from None
            if not final:  # CRs at the end may be the start of a CR LF in the next chunk
                cut = len(text.rstrip("\r"))
                text, tail = text[:cut], text[cut:]
            else:
                tail = ""
            pieces = _LINE_END.split(text) if "\r" in text else text.split("\n")
            carry = pieces.pop() + tail
            for piece in pieces:
                number += 1
                yield self._checked(piece, number)
            if final:
                self.ends_with_line_end = number > 0 and not carry
                if carry:
                    yield self._checked(carry, number + 1)
                return

    def _checked(self, line: str, number: int) -> str:
        if number > self.max_lines:
            self._too_long(self.max_lines)
        if "\x00" in line:
            raise ImportFailed(self.path, number, line.index("\x00") + 1,
                               "NUL byte: this is not a text file")
        return line


def read_text(path: Path, data: bytes | None = None) -> str:
    """A whole import file as text, line ends folded to LF (for files known to be small;
    the importer itself reads :meth:`ImportFile.lines`)."""
    source = ImportFile.open(path) if data is None else ImportFile.of_bytes(path, data)
    with source:
        source.check()
        text = "\n".join(source.lines())
        return text + "\n" if source.ends_with_line_end else text
