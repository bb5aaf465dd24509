"""Every generated word, per language: ``words.Words`` and its parts, filled in by ``en`` and ``ru``.

``Words`` is a frozen dataclass without defaults, so each language must give every field and
a misspelled field name is an error, not an empty string.  Sentences with ``{}`` slots are
filled in by the views (in Python), never in templates.
"""
from __future__ import annotations

from .en import ENGLISH
from .ru import RUSSIAN
from .words import ExerciseWords, FeedbackWords, MethodNames, RuleNames, Words

WORDS = {"en": ENGLISH, "ru": RUSSIAN}


def words_for(lang: str) -> Words:
    return WORDS[lang]


__all__ = ["ENGLISH", "RUSSIAN", "WORDS", "ExerciseWords", "FeedbackWords", "MethodNames", "RuleNames", "Words",
           "words_for"]
