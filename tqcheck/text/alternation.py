"""A regular-expression alternation of many literal words, written as a trie.

``"|".join(sorted(words, key=len, reverse=True))`` finds, at a position, the longest of the words
that matches there, but Python's ``re`` tries every word in turn at every position of the text:
with the hundreds of places or entities of a table that is most of a rule's time. The same words
as a trie ("Ba(?:hrain|ngladesh)|...") are tried letter by letter, each word's letters once, and
match what the sorted alternation matches, the longest word first, also when what follows the
alternation makes a longer word fail (the trie then falls back to a shorter one, as the sorted
alternation tries the next word).

>>> alternation(["New York", "New Delhi", "Newark"])
'New(?:\\\\ (?:Delhi|York)|ark)'
>>> import re
>>> re.compile(alternation(["Iran", "Iranian"]) + r"\\b").findall("Iranians in Iran, an Iranian")
['Iran', 'Iranian']
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], ignorecase: bool = False) -> str:
    """A pattern (no group captures) matching what the alternation of ``words``, escaped and sorted
    longest first, matches. With ``ignorecase`` (for a pattern compiled with ``re.IGNORECASE``), the
    trie is built on lower-cased letters, as ``re`` compares them then; a letter whose lower case is
    two letters (İ) is kept as it is."""
    trie: dict = {}
    for word in words:
        node = trie
        for c in word:
            if ignorecase and len(c.lower()) == 1:
                c = c.lower()
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here
    return _pattern(trie)


def _pattern(node: dict) -> str:
    branches = [re.escape(c) + _pattern(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: a longer one is tried first (a greedy ?), then this one
        body = "(?:" + body + ")?"
    return body
