"""Write a JSON document piece by piece, byte-identical to ``json.dump(obj, stream, indent=2, ensure_ascii=False)``.

A report of a large corpus holds hundreds of thousands of findings and per-segment
scores; as one dict (then one string) it would take more memory than the run that
made it. Here an iterator (a generator of finding dicts, say) is written item by
item, and a dict or list that holds an iterator key by key, item by item; every
other value is one piece, written with ``json.dumps`` and indented to its depth. So
only one piece (one finding, one segment's scores) is ever held as text.
"""
from __future__ import annotations

import json
from typing import Any, Iterator, TextIO

INDENT = 2
_END = object()


def _streamed(value: Any) -> bool:
    """An iterator, or a dict (str keys) or list with an iterator inside: written piece by piece."""
    if isinstance(value, Iterator):
        return True
    if isinstance(value, dict):
        return all(isinstance(k, str) for k in value) and any(map(_streamed, value.values()))
    return isinstance(value, list) and any(map(_streamed, value))


def _write(value: Any, stream: TextIO, depth: int) -> None:
    if not _streamed(value):
        text = json.dumps(value, ensure_ascii=False, indent=INDENT)
        stream.write(text.replace("\n", "\n" + " " * (INDENT * depth)) if depth else text)
        return
    is_dict = isinstance(value, dict)
    items = iter(value.items() if is_dict else value)
    item = next(items, _END)
    if item is _END:
        stream.write("{}" if is_dict else "[]")
        return
    inner = "\n" + " " * (INDENT * (depth + 1))
    stream.write("{" if is_dict else "[")
    separator = inner
    while item is not _END:
        stream.write(separator)
        separator = "," + inner
        if is_dict:
            key, item = item
            stream.write(json.dumps(key, ensure_ascii=False) + ": ")
        _write(item, stream, depth + 1)
        item = next(items, _END)
    stream.write("\n" + " " * (INDENT * depth) + ("}" if is_dict else "]"))


def dump(value: Any, stream: TextIO) -> None:
    """``value`` as JSON (indent 2, non-ASCII kept) and a newline; iterators inside it are consumed as written."""
    _write(value, stream, 0)
    stream.write("\n")
