"""The short names readers use for the Emirates and the Congos, in their languages."""

from __future__ import annotations

import pytest

from bot.understand import Understander


@pytest.mark.parametrize(("text", "code"), [
    ("los periodistas de los Emiratos", "ARE"),
    ("a mídia dos Emirados", "ARE"),
    ("Pressefreiheit in den Emiraten", "ARE"),
    ("la presse en RDC", "COD"),
    ("la liberté de la presse au Burkina", "BFA"),
    ("Kongo Cumhuriyeti'nde basın özgürlüğü", "COG"),
    ("Pressefreiheit in der Republik Kongo", "COG"),
    ("Journalisten in Bosnien", "BIH"),
    ("la presse en Bosnie", "BIH"),
])
def test_short_names(understander: Understander, text: str, code: str) -> None:
    assert understander.parse(text).countries == (code,)
