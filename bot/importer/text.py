"""Bytes of an RSF file → text: UTF-8 or cp1252, line ends folded to LF."""

from __future__ import annotations

import re
from pathlib import Path

from bot.importer.errors import ImportFailed, position


def read_text(path: Path, data: bytes | None = None) -> str:
    """Decode an RSF file: UTF-8 (with or without BOM) or, failing that, cp1252.

    A file that starts with a UTF-8 BOM, or that holds valid UTF-8 multi-byte sequences,
    must be valid UTF-8: a bad byte there is corruption, not another encoding (decoding it
    as cp1252 would silently garble every accented name), and is reported with its line and
    column.  Line ends (LF, CRLF, and the CR CR LF of RSF's 2022 file) are all folded to LF
    so line numbers are the lines a person sees.
    """
    raw = path.read_bytes() if data is None else data
    if raw.startswith(b"\xef\xbb\xbf"):
        text = _decode_or_fail(path, raw[3:], "utf-8")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "utf-8" if _UTF8_MULTIBYTE.search(raw) else "cp1252"
            text = _decode_or_fail(path, raw, encoding)
    text = _LINE_END.sub("\n", text)
    if "\x00" in text:
        line, col = position(text, text.index("\x00"))
        raise ImportFailed(path, line, col, "NUL byte: this is not a text file")
    return text


_LINE_END = re.compile(r"\r+\n?")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode_or_fail(path: Path, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        # Position in characters of the decodable text before the bad byte, with line ends
        # folded exactly as read_text folds them.
        before = _LINE_END.sub("\n", raw[: exc.start].decode(encoding, errors="replace"))
        line, col = position(before, len(before))
        raise ImportFailed(
            path, line, col, f"byte 0x{raw[exc.start]:02x} cannot be decoded as {encoding}"
        ) from None
