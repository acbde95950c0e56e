"""TQ6xx: French left untranslated: whole segments (TQ601), function words, name forms and
acronyms (TQ602-TQ604, from word lists), and other French words inside English (TQ605, from
word frequencies).

Language identification (``ctx.non_english``: langdetect behind the prefilter of
``tqcheck.text.language``) is computed once per segment and shared with the other
families, which keep quiet on a wholly foreign segment.
"""
from . import french_words, segment, words  # noqa: F401
