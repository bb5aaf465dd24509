"""verideck: YAML lesson specs → Marp decks whose every number is computed by SymPy."""

__version__ = "0.1.0"
