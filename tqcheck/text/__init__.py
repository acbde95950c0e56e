"""Shared text helpers, each written once and tested; rules import them, never each other.

- ``data``: the loader of the word lists and tables under ``tqcheck/rules/data/``.
- ``fold``: case, diacritics, apostrophes and plurals folded away for comparisons.
- ``punctuation``: the punctuation and space sets the helpers and rules share.
- ``spans``: a segment's span without edge spaces; text quoted in a message.
- ``sentences``: sentence starts, abbreviations, scraping debris, mojibake.
- ``ordinals``: English ordinals and Roman numerals.
- ``numbers``: French and English numbers, times, months and dates.
- ``numscan``, ``mentions``: the numbers, times and dates of a segment read into comparable keys,
  and the two sides paired.
- ``lexicon``: how common a word is in English and French (wordfreq).
- ``documents``: what a line of a file is, and where its documents (stories) start.
- ``names``: name candidates, transliteration keys, name collections and drift pairing.
- ``crossnames``: names of a French source and whether a translation carries them.
- ``tokens``: the word tokenisers the comparisons use.
- ``language``: the cheap prefilter before language identification.
- ``quotes``: the quote-mark walker and quote-punctuation debris.

Nothing here imports a rule, the registry, the engine or a formatter.
"""
