"""Punctuation and space sets shared by the helpers and the rules."""
from __future__ import annotations

#: Punctuation stripped from the edges of a word before it is compared.
EDGE_PUNCTUATION = ".,;:!?()[]{}«»“”‘’\"'*…—–-"
#: ...and the characters of markup and paths as well (for language-neutral tokens).
EDGE_PUNCTUATION_WIDE = EDGE_PUNCTUATION + "<>/"
#: What ends a sentence (or a clause after which any word may be capitalised).
SENTENCE_END = ".!?\u2026:;|\u2014\u2013"
#: What may stand between a sentence end and the next word: spaces, quotes of either kind
#: (MT output often turns them round), opening brackets, bullets.
OPENERS = " \t\u00a0\u202f\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a([{*\u2022"
#: The spaces French typography (and MT) puts before punctuation: ordinary, tab,
#: no-break (U+00A0), figure (U+2007), thin (U+2009), hair (U+200A), narrow no-break (U+202F).
SPACES = " \t\u00a0\u2007\u2009\u200a\u202f"
#: Double quote marks: curly and straight.
DOUBLE_QUOTES = "“”\""
#: Apostrophes and the marks used for them in transliterations.
APOSTROPHES = "'\u2019\u02bc\u02bf\u02be\u2018`\u00b4"
