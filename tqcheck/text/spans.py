"""Spans of a segment and text quoted in messages."""
from __future__ import annotations


def strip_span(text: str) -> tuple[int, int]:
    """``(start, end)`` of ``text`` without its leading and trailing whitespace."""
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


def quote(text: str, limit: int = 160) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for a message."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def inside(spans, start: int, end: int) -> bool:
    """Does ``start:end`` lie within one of ``spans``?"""
    return any(a <= start and end <= b for a, b in spans)
