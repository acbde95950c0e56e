"""``tqcheck compare``: two or more systems on one test set, side by side.

Metrics with significance: BLEU, chrF2 and TER of each system through sacrebleu's
own paired test (bootstrap resampling or approximate randomisation), each against
the first system, the baseline; with the same seed the numbers are those of
``sacrebleu REF -i A B ... -m bleu chrf ter --paired-bs``. Artifacts: the checks of
``tqcheck check`` on each system (same configuration), counted by MQM category,
with each system's MQM quality. Plain records; rendering is in report/.

Blank lines are layout here as everywhere in tqcheck (segments are non-empty
lines); on files without blank lines the scores equal sacrebleu's CLI.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from . import metrics
from .config import Config
from .errors import InputError
from .model import FileReport

TESTS = ("bs", "ar")
TEST_NAMES = {"bs": "paired bootstrap resampling", "ar": "paired approximate randomization"}
#: sacrebleu marks p-values below this with "*": the difference is unlikely to be chance.
SIGNIFICANCE_LEVEL = 0.05


@dataclass(frozen=True)
class SystemScores:
    """One system: its metrics under the paired test, and its check report."""

    path: str
    metrics: dict[str, metrics.PairedResult]
    report: FileReport

    @property
    def by_category(self) -> dict[str, int]:
        return dict(sorted(Counter(f.category for f in self.report.findings).items()))

    @property
    def total(self) -> int:
        return len(self.report.findings)

    @property
    def quality(self) -> float:
        return self.report.score.quality


@dataclass(frozen=True)
class Comparison:
    """Every system against the baseline (the first)."""

    systems: tuple[SystemScores, ...]
    test: str
    n_samples: int
    seed: str
    references: tuple[str, ...]
    source: str | None
    #: metric key (bleu, chrf, ter) -> (sacrebleu's name, signature)
    metric_names: dict[str, str] = field(default_factory=dict)
    signatures: dict[str, str] = field(default_factory=dict)

    @property
    def baseline(self) -> SystemScores:
        return self.systems[0]

    @property
    def categories(self) -> list[str]:
        return sorted({c for s in self.systems for c in s.by_category})

    @property
    def fewest_artifacts(self) -> list[str]:
        """The system(s) with the fewest findings (all of them on a tie)."""
        low = min(s.total for s in self.systems)
        return [s.path for s in self.systems if s.total == low]


def _translation(path: str) -> str:
    """The translation a path names: a file, or a sample directory's translation (mt.en.txt)."""
    import os

    from .io.inputs import MT_NAME

    if os.path.isdir(path):
        mt = os.path.join(path, MT_NAME)
        if not os.path.isfile(mt):
            raise InputError(f"{path}: directory has no {MT_NAME}; compare takes translation files or sample directories")
        return mt
    return path


def _load(paths: Sequence[str], refs: Sequence[str], src: str | None):
    from .io.inputs import load_one
    from .io.text import read_document

    if len(paths) < 2:
        raise InputError("compare needs two or more systems: the baseline first, then the others")
    if not refs:
        raise InputError("compare needs a reference; give one with --ref FILE")
    if len(set(paths)) != len(paths):
        raise InputError("compare: a system is given twice; give each file once")
    paths = [_translation(p) for p in paths]  # a sample directory stands for its mt.en.txt, as for check
    baseline = read_document(paths[0])
    if not baseline.segments:
        raise InputError(f"{paths[0]}: has no segments; compare needs translations of at least one segment")
    for path in paths[1:]:
        other = read_document(path)
        if len(other.segments) != len(baseline.segments):
            raise InputError(
                f"{path}: has {len(other.segments)} segments but the baseline {paths[0]} has "
                f"{len(baseline.segments)}; systems must translate the same segments, one non-empty line each"
            )
    return [load_one(path, refs, src) for path in paths]


def _check_seed_variable() -> None:
    """SACREBLEU_SEED, when set, must be a whole number or "none" (sacrebleu's own rule)."""
    value = metrics.significance_seed()
    if value == "none":
        return
    try:
        int(value)
    except ValueError:
        raise InputError(f"SACREBLEU_SEED={value!r} is not a whole number; set it to a number or 'none', "
                         "or give --seed") from None


def compare(
    paths: Sequence[str],
    refs: Sequence[str],
    src: str | None = None,
    config: Config | None = None,
    test: str = "bs",
    n_samples: int = 0,
    seed: int | None = None,
) -> Comparison:
    """Score and check each system; ``paths[0]`` is the baseline."""
    from .engine import run

    if test not in TESTS:
        raise InputError(f"unknown test {test!r}; use bs (bootstrap) or ar (approximate randomization)")
    config = config or Config()
    if seed is None:
        _check_seed_variable()
    documents = _load(paths, refs, src)
    # One run per system: checks that look across files must not compare the systems with each other.
    reports = [run([doc], config).files[0] for doc in documents]
    hyps = [[s.text for s in d.segments] for d in documents]
    references = [[s.text for s in r.segments] for r in documents[0].references]
    paired = metrics.paired_significance(hyps, references, test, n_samples, seed, config.tokenize)
    systems = tuple(
        SystemScores(doc.path, {m.key: m.results[i] for m in paired}, fr)
        for i, (doc, fr) in enumerate(zip(documents, reports))
    )
    return Comparison(
        systems=systems,
        test=test,
        n_samples=n_samples or (1000 if test == "bs" else 10000),
        seed=str(seed) if seed is not None else metrics.significance_seed(),
        references=tuple(r.path for r in documents[0].references),
        source=documents[0].source.path if documents[0].source else None,
        metric_names={m.key: m.name for m in paired},
        signatures={m.key: m.signature for m in paired},
    )
