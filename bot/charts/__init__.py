"""Charts of the index: :mod:`.data` (what a chart shows, from a snapshot), :mod:`.draw`
(the PNG, with matplotlib) and :mod:`.cache` (pictures drawn once per data version)."""
