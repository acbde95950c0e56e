"""tqcheck.ter: an exact port of sacrebleu's TER edit counting, checked against sacrebleu's own
``lib_ter.translation_edit_rate`` (the reference computation below is always sacrebleu's)."""
import os
import random
import subprocess
import sys

import pytest
from sacrebleu.metrics import TER, lib_ter

from tqcheck import ter
from tqcheck.metrics import _metric
from tqcheck.ter import translation_edit_rate

SAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples")
#: The plain-text samples (the others repeat the seed in XLIFF, PO, Markdown: tests/test_input_formats.py).
SAMPLE_DIRS = sorted(d for d in os.listdir(SAMPLES) if os.path.isfile(os.path.join(SAMPLES, d, "mt.en.txt")))
_TER = TER()


def words(line: str) -> list:
    """Tokenised as sacrebleu's TER tokenises (default options)."""
    return _TER._preprocess_segment(line).split()


def lines(sample: str, name: str) -> list:
    with open(os.path.join(SAMPLES, sample, name), encoding="utf-8-sig") as fh:
        return fh.read().splitlines()


def assert_same(pairs) -> None:
    theirs = [lib_ter.translation_edit_rate(h, r) for h, r in pairs]
    ours = [translation_edit_rate(h, r) for h, r in pairs]
    for (h, r), a, b in zip(pairs, theirs, ours):
        assert b == a, f"hyp={' '.join(h)!r} ref={' '.join(r)!r}"


@pytest.fixture
def rounds(monkeypatch):
    """sacrebleu's shift rounds, as (call number, candidates checked so far) for each call
    of ``translation_edit_rate`` it makes: to show what a test exercises."""
    log = []
    calls = [0]
    real_ter, real_shift = lib_ter.translation_edit_rate, lib_ter._shift

    def counting_ter(*args):
        calls[0] += 1
        return real_ter(*args)

    def shift(*args):
        result = real_shift(*args)
        log.append((calls[0], result[2]))
        return result

    monkeypatch.setattr(lib_ter, "translation_edit_rate", counting_ter)
    monkeypatch.setattr(lib_ter, "_shift", shift)
    return log


def test_limits_are_sacrebleus():
    for name in ("_COST_INS", "_COST_DEL", "_COST_SUB", "_MAX_SHIFT_SIZE", "_MAX_SHIFT_DIST", "_BEAM_WIDTH",
                 "_MAX_SHIFT_CANDIDATES", "_INT_INFINITY"):
        assert getattr(ter, name) == getattr(lib_ter, name), name


@pytest.mark.parametrize("hyp_file, ref_file", [
    ("mt.en.txt", "ref.en.txt"), ("ref.en.txt", "mt.en.txt"),
    ("mt.en.txt", "src.fr.txt"), ("src.fr.txt", "mt.en.txt"),
])
@pytest.mark.parametrize("sample", SAMPLE_DIRS)
def test_sample_lines_equal_sacrebleu(sample, hyp_file, ref_file):
    hyps, refs = lines(sample, hyp_file), lines(sample, ref_file)
    assert len(hyps) == len(refs) > 10
    assert_same([(words(h), words(r)) for h, r in zip(hyps, refs)])


def _filler(n: int, tag: str = "f") -> list:
    return [f"{tag}{k}" for k in range(n)]


# (why, hypothesis, reference)
CASES = [
    ("both empty", [], []),
    ("empty hypothesis", [], ["a", "b", "c"]),
    ("empty reference", ["a", "b", "c"], []),
    ("identical", "a b c a b c d".split(), "a b c a b c d".split()),
    ("one word", ["a"], ["a"]),
    ("one other word", ["a"], ["b"]),
    ("swap", "c d a b".split(), "a b c d".split()),
    ("repeats", "a a b a b b a".split(), "b a a b a b a a".split()),
    # the shift distance limit: a word 50 positions away may move, 51 not
    ("shift over 50", ["w"] + _filler(50), _filler(50) + ["w"]),
    ("shift over 51", ["w"] + _filler(51), _filler(51) + ["w"]),
    ("shift back over 50", _filler(50) + ["w"], ["w"] + _filler(50)),
    # the shift size limit: 10 words may move at once, 11 not
    ("move 10 words", _filler(10, "b") + _filler(20), _filler(20) + _filler(10, "b")),
    ("move 11 words", _filler(11, "b") + _filler(20), _filler(20) + _filler(11, "b")),
    # the widened beam: the one word only matches outside it
    ("1 vs 80, match early", ["a"], ["a"] + _filler(79)),
    ("1 vs 80, match late", ["a"], _filler(79) + ["a"]),
    ("80 vs 1", ["a"] + _filler(79), ["a"]),
    ("2 vs 120", ["a", "b"], ["a", "b"] + _filler(118)),
    ("3 vs 150", ["c", "a", "b"], ["a", "b", "c"] + _filler(147)),
    ("150 vs 3", ["a", "b", "c"] + _filler(147), ["c", "a", "b"]),
]


@pytest.mark.parametrize("why, hyp, ref", CASES, ids=[c[0] for c in CASES])
def test_cases_equal_sacrebleu(why, hyp, ref):
    assert_same([(hyp, ref)])


def test_the_cases_need_the_beam(monkeypatch):
    """The port would be wrong without sacrebleu's beam: so the tests above can tell."""
    real_init = ter._Beam.__init__

    def no_beam(self, *args):
        real_init(self, *args)
        self.bound = ter._INT_INFINITY  # trust the plain edit distance everywhere

    monkeypatch.setattr(ter._Beam, "__init__", no_beam)
    hyp, ref = ["a"], ["a"] + _filler(79)
    assert translation_edit_rate(hyp, ref) != lib_ter.translation_edit_rate(hyp, ref)


def _length(rng: random.Random) -> int:
    return rng.randint(0, 60) if rng.random() < 0.08 else rng.randint(0, 20)


def _edited(rng: random.Random, ref: list, vocab: list) -> list:
    """``ref`` with blocks moved, words replaced, added and removed."""
    hyp = list(ref)
    for _ in range(rng.randint(0, 4)):
        if len(hyp) > 2:
            n = rng.randint(1, min(12, len(hyp) - 1))
            s = rng.randrange(len(hyp) - n + 1)
            block = hyp[s:s + n]
            del hyp[s:s + n]
            t = rng.randrange(len(hyp) + 1)
            hyp[t:t] = block
    for _ in range(rng.randint(0, 3)):
        op = rng.randrange(3)
        if op == 0 and hyp:
            hyp[rng.randrange(len(hyp))] = rng.choice(vocab)
        elif op == 1:
            hyp.insert(rng.randrange(len(hyp) + 1), rng.choice(vocab))
        elif hyp:
            del hyp[rng.randrange(len(hyp))]
    return hyp


def fuzz_pairs(seed: int, n: int) -> list:
    """(kind, hypothesis, reference) over small vocabularies (3-8 word types), lengths up to
    60 (most shorter, or sacrebleu takes long): random, edited copies, very unequal
    lengths, a few hypothesis words that only match outside the beam, empty, identical."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(n):
        vocab = "abcdefgh"[:rng.randint(3, 8)]
        kind = rng.choices(["random", "edited", "unequal", "beam", "empty hyp", "empty ref", "identical"],
                           [55, 20, 10, 5, 3, 3, 4])[0]
        if kind == "random":
            hyp = [rng.choice(vocab) for _ in range(_length(rng))]
            ref = [rng.choice(vocab) for _ in range(_length(rng))]
        elif kind == "edited":
            ref = [rng.choice(vocab) for _ in range(rng.randint(0, 60) if rng.random() < 0.05 else rng.randint(0, 25))]
            hyp = _edited(rng, ref, vocab)
        elif kind == "unequal":
            short = [rng.choice(vocab) for _ in range(rng.randint(0, 3))]
            long = [rng.choice(vocab) for _ in range(rng.randint(40, 100))]
            hyp, ref = (short, long) if rng.random() < 0.5 else (long, short)
        elif kind == "beam":
            ref = [rng.choice(vocab) for _ in range(rng.randint(1, 10))] + _filler(rng.randint(50, 110))
            hyp = [rng.choice(ref[:10]) for _ in range(rng.randint(1, 3))]
        elif kind == "empty hyp":
            hyp, ref = [], [rng.choice(vocab) for _ in range(_length(rng))]
        elif kind == "empty ref":
            hyp, ref = [rng.choice(vocab) for _ in range(_length(rng))], []
        else:
            hyp = [rng.choice(vocab) for _ in range(_length(rng))]
            ref = list(hyp)
        pairs.append((kind, hyp, ref))
    return pairs


@pytest.mark.parametrize("seed", range(10))
def test_fuzz_equal_sacrebleu(seed, rounds):
    pairs = fuzz_pairs(seed, 300)
    assert_same([(h, r) for _, h, r in pairs])
    # what the pairs exercise: every kind, shifts made (sacrebleu's second rounds), the widened beam
    assert {kind for kind, _, _ in pairs} == {"random", "edited", "unequal", "beam", "empty hyp", "empty ref",
                                             "identical"}
    assert len({call for call, _ in rounds}) != len(rounds)
    assert any(len(r) / max(len(h), 1) / 2 > ter._BEAM_WIDTH for _, h, r in pairs)


def _distant_pair(kind: str, seed: int) -> tuple:
    """Random words (3-10 types): 1-25 against 55-130 ("unequal", either way round) or
    50-90 against 50-90 ("long"). Their edit distances reach the bound past which the
    beam may matter, so the port traces back over sacrebleu's beam rows."""
    rng = random.Random(seed)
    vocab = "abcdefghij"[:rng.randint(3, 10)]
    if kind == "unequal":
        a, b = rng.randint(1, 25), rng.randint(55, 130)
        if rng.random() < 0.5:
            a, b = b, a
    else:
        a, b = rng.randint(50, 90), rng.randint(50, 90)
    return [rng.choice(vocab) for _ in range(a)], [rng.choice(vocab) for _ in range(b)]


#: Pairs found by mutating the port: each would come out wrong with another tie-breaking in
#: the trace back over the beam rows (148, 4980, 10431, 17782 and long 25: deletion before
#: the diagonal; 9174, 20217, 24307 and long 42: insertion before deletion), or without the
#: beam distances of the candidates ranked before the winner (442, 507, 744, 1040, 1510).
DISTANT = [("unequal", s) for s in (148, 442, 507, 744, 1040, 1510, 4980, 9174, 10431, 17782, 20217, 24307)] \
    + [("long", 25), ("long", 42)]


def test_distant_pairs_equal_sacrebleu(monkeypatch):
    used = {"trace": 0, "rows": 0}
    real_trace, real_extend = ter._trace_rows, ter._Beam.extend

    def trace_rows(*args):
        used["trace"] += 1
        return real_trace(*args)

    def extend(*args):
        used["rows"] += 1
        return real_extend(*args)

    monkeypatch.setattr(ter, "_trace_rows", trace_rows)
    monkeypatch.setattr(ter._Beam, "extend", extend)
    assert_same([_distant_pair(kind, seed) for kind, seed in DISTANT])
    assert used["trace"] and used["rows"] > used["trace"]  # and beam rows for candidates


def _scrambled(seed: int) -> tuple:
    """100 to 200 words of a sample reference and a translation made of them with blocks
    moved and words replaced: so many shift candidates that the cap is reached."""
    rng = random.Random(seed)
    text = words(" ".join(" ".join(lines("afp-mali-junta", "ref.en.txt")).split()))
    n = rng.randint(100, 200)
    start = rng.randrange(len(text) - n)
    ref = text[start:start + n]
    hyp = list(ref)
    for _ in range(rng.randint(5, 20)):
        k = rng.randint(2, 8)
        s = rng.randrange(len(hyp) - k)
        block = hyp[s:s + k]
        del hyp[s:s + k]
        t = rng.randrange(len(hyp))
        hyp[t:t] = block
    for _ in range(rng.randint(0, 20)):
        hyp[rng.randrange(len(hyp))] = rng.choice(hyp)
    return hyp, ref


def _long_pairs() -> list:
    rng = random.Random(5)
    random_pair = ([rng.choice("abcd") for _ in range(100)], [rng.choice("abcd") for _ in range(110)])
    # seed 128: sacrebleu reaches exactly 1000 candidates in its tenth round, whose best shift
    # would lower the edits (so a port stopping at > 1000 instead of >= 1000 would be wrong);
    # seeds 1 and 3: ten and eight rounds below the cap; random_pair: the cap in the first round
    return [_scrambled(128), _scrambled(1), _scrambled(3), random_pair]


@pytest.fixture(scope="module")
def long_pairs():
    """The long pairs with sacrebleu's results and its shift rounds (computed once)."""
    pairs = _long_pairs()
    out = []
    for hyp, ref in pairs:
        log = []
        real_shift = lib_ter._shift

        def shift(*args):
            result = real_shift(*args)
            log.append(result[2])
            return result

        lib_ter._shift = shift
        try:
            expected = lib_ter.translation_edit_rate(hyp, ref)
        finally:
            lib_ter._shift = real_shift
        out.append((hyp, ref, expected, log))
    return out


def test_long_segments_at_the_candidate_cap_equal_sacrebleu(long_pairs):
    for hyp, ref, expected, _ in long_pairs:
        assert 100 <= len(hyp) <= 200
        assert translation_edit_rate(hyp, ref) == expected
    capped = [log for *_, log in long_pairs if log[-1] >= lib_ter._MAX_SHIFT_CANDIDATES]
    assert len(capped) == 2
    assert any(len(log) == 1 for log in capped)  # the cap reached in the first round
    assert any(len(log) > 1 for log in capped)   # and in a later one, counting across rounds
    assert any(log[-1] == lib_ter._MAX_SHIFT_CANDIDATES for log in capped)  # exactly


def test_the_long_segments_need_the_exact_cap(long_pairs, monkeypatch):
    """One candidate more and the port would be wrong: so the test above can tell."""
    monkeypatch.setattr(ter, "_MAX_SHIFT_CANDIDATES", lib_ter._MAX_SHIFT_CANDIDATES + 1)
    hyp, ref, expected, _ = long_pairs[0]
    assert translation_edit_rate(hyp, ref) != expected


def test_fast_ter_is_sacrebleus_ter(monkeypatch):
    metric, theirs = _metric("ter", "13a"), TER()
    assert isinstance(metric, TER) and type(metric) is ter.FastTER
    metric.num_refs = theirs.num_refs = 2  # as tqcheck.metrics sets it
    assert str(metric.get_signature()) == str(theirs.get_signature())
    assert str(metric.get_signature()).startswith("nrefs:2|case:lc|tok:tercom|")

    def no_edits(words_hyp, words_ref):
        return 0, len(words_ref)

    assert metric.sentence_score("b a", ["a b"]).score == TER().sentence_score("b a", ["a b"]).score == 50
    monkeypatch.setattr(ter, "translation_edit_rate", no_edits)
    assert metric.sentence_score("b a", ["a b"]).score == 0  # counted by tqcheck.ter


@pytest.mark.parametrize("nrefs", [1, 2])
@pytest.mark.parametrize("sample", SAMPLE_DIRS)
def test_corpus_score_equals_sacrebleu(sample, nrefs):
    hyps = lines(sample, "mt.en.txt")
    refs = [lines(sample, "ref.en.txt"), lines(sample, "src.fr.txt")][:nrefs]
    ours, theirs = ter.FastTER(), TER()
    assert ours._extract_corpus_statistics(hyps, refs) == theirs._extract_corpus_statistics(hyps, refs)
    a, b = ours.corpus_score(hyps, refs), theirs.corpus_score(hyps, refs)
    assert (a.name, a.score, a.num_edits, a.ref_length) == (b.name, b.score, b.num_edits, b.ref_length)
    assert str(ours.get_signature()) == str(theirs.get_signature())
    assert a.format(signature=str(ours.get_signature())) == b.format(signature=str(theirs.get_signature()))


def test_importing_the_port_does_not_import_sacrebleu():
    code = "import sys, tqcheck.ter; assert 'sacrebleu' not in sys.modules; tqcheck.ter.FastTER; " \
           "assert 'sacrebleu' in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
