"""Settings for a run. Defaults here; the CLI (and later config files) override them."""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Severity

TOKENIZERS = ("13a", "intl", "char")


@dataclass
class Config:
    fail_under: float = 95.0
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    #: sacrebleu tokenizer for BLEU (13a, intl or char; none needs a download).
    tokenize: str = "13a"
    #: Language identification: segments shorter than this are never sent to langdetect.
    langid_min_chars: int = 40
    #: ...and a non-English verdict counts only at or above this probability.
    langid_min_prob: float = 0.90
    #: How many worst segments against the reference the report shows.
    worst: int = 3
