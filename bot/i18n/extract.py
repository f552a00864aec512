"""Babel's extraction method for :mod:`bot.i18n.english`: each entry becomes a message of
the template, its key the context (``msgctxt``), its text the ``msgid`` (and a
:class:`~bot.i18n.english.Plural`'s two texts ``msgid`` and ``msgid_plural``).

``babel.cfg`` names it, so ``pybabel extract -F babel.cfg -o bot/locales/messages.pot .``
is the whole extraction.  The file is read as source (:mod:`ast`), never imported.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

#: Prefixes of the contexts of the tables that are not messages (see bot.i18n.english).
TABLE_CONTEXTS = {"NAMES": "name:", "REGIONS": "region:"}

Extracted = tuple[int, str, tuple[str, ...], list[str]]


def keyed_tables(fileobj: IO[bytes], keywords: Mapping[str, Any],
                 comment_tags: Collection[str], options: Mapping[str, Any]) -> Iterator[Extracted]:
    """Yield ``(line, funcname, (context, text[, plural]), comments)`` for every entry of
    every ``NAME: … = {…}`` table in the file; ``MESSAGES`` (the merged one) is skipped."""
    tree = ast.parse(fileobj.read())
    for node in tree.body:
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and isinstance(node.value, ast.Dict)):
            continue
        table = node.target.id
        prefix = TABLE_CONTEXTS.get(table, "")
        for key_node, value_node in zip(node.value.keys, node.value.values, strict=True):
            if not isinstance(key_node, ast.Constant):
                continue  # a ``**table`` merge
            context = prefix + str(key_node.value)
            comments: list[str] = []
            if isinstance(value_node, ast.Call):  # Plural("…", "…")
                one, other = (ast.literal_eval(a) for a in value_node.args)
                yield (value_node.lineno, "npgettext", (context, one, other), comments)
            else:
                text = ast.literal_eval(value_node)
                yield (value_node.lineno, "pgettext", (context, text), comments)
