"""Our metric scores are sacrebleu's own on the same segments."""
import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from tqcheck.io.text import parse_text
from tqcheck.metrics import corpus_metrics, sentence_chrf, word_diff

HYP = ["The US military on Monday shot down two drones.", "France Media Agency", "He said it was over ."]
REF1 = ["On Monday the US military shot down two drones.", "Agence France-Presse", "“It is over,” he said."]
REF2 = ["The American army downed two drones on Monday.", "AFP", "He said it was finished."]


def doc(refs):
    d = parse_text("\n".join(HYP), "mt")
    d.references = [parse_text("\n".join(r), f"ref{i}") for i, r in enumerate(refs)]
    return d


@pytest.mark.parametrize("refs", [[REF1], [REF1, REF2]])
@pytest.mark.parametrize("tokenize", ["13a", "intl", "char"])
def test_corpus_metrics_equal_sacrebleu(refs, tokenize):
    ours = corpus_metrics(doc(refs), tokenize)
    for key, metric in (("bleu", BLEU(tokenize=tokenize)), ("chrf", CHRF()), ("ter", TER())):
        theirs = metric.corpus_score(HYP, refs)
        assert ours[key].score == theirs.score
        assert ours[key].signature == str(metric.get_signature())
    assert f"nrefs:{len(refs)}" in ours["bleu"].signature and f"tok:{tokenize}" in ours["bleu"].signature


def test_sentence_chrf_equals_sacrebleu():
    ours = sentence_chrf(doc([REF1, REF2]))
    assert ours == [CHRF().sentence_score(h, [a, b]).score for h, a, b in zip(HYP, REF1, REF2)]


def test_no_references_no_metrics():
    assert corpus_metrics(parse_text("x", "mt")) is None


def test_word_diff_opcodes():
    ops = word_diff("France Media Agency said", "Agence France-Presse said")
    assert [(o.op, o.mt, o.ref) for o in ops] == [
        ("replace", ("France", "Media", "Agency"), ("Agence", "France-Presse")), ("equal", ("said",), ("said",))]


def test_the_statistics_of_a_chunk_leave_sacrebleus_tokenizer_caches_empty():
    """sacrebleu caches the last 65,536 lines each tokenizer saw; a chunk's statistics drop them (each
    line is tokenized once), so a worker's memory does not grow with the corpus through those caches."""
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
    from sacrebleu.tokenizers.tokenizer_re import TokenizerRegexp
    from sacrebleu.tokenizers.tokenizer_ter import TercomTokenizer

    from tqcheck import metrics

    stats = {key: metrics._chunk_statistics(key, "13a", ["The cat sat ."], [["The cat sat down ."]])
             for key in metrics.METRICS}
    assert all(len(s) == 1 for s in stats.values())
    assert [c.__call__.cache_info().currsize for c in (Tokenizer13a, TokenizerRegexp, TercomTokenizer)] == [0, 0, 0]


def _sample_lines():
    import os

    from conftest import ROOT

    samples = os.path.join(ROOT, "samples")
    out = []
    for name in sorted(os.listdir(samples)):
        for part in ("mt.en.txt", "ref.en.txt", "src.fr.txt"):
            path = os.path.join(samples, name, part)
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as fh:
                    out.append(fh.read().splitlines())
    return out


@pytest.mark.parametrize("vector", [False, True])
@pytest.mark.parametrize("nrefs", [1, 2])
def test_fast_chrf_statistics_are_sacrebleus(nrefs, vector, monkeypatch):
    """FastCHRF counts matches other ways (numpy for a run of segments, shared n-grams for a few): the
    statistics must be sacrebleu's integers, segment by segment."""
    from tqcheck import keycount
    from tqcheck.chrf import FastCHRF

    monkeypatch.setattr(keycount, "VECTOR_MIN_SEGMENTS", 1 if vector else 10**9)
    files = [f for f in _sample_lines() if f]
    assert len(files) >= 6
    for hyps, *refs in zip(files, files[1:], files[2:]):
        n = min(len(hyps), *map(len, refs))
        hyps, refs = hyps[:n], [r[:n] for r in refs[:nrefs]]
        assert FastCHRF()._extract_corpus_statistics(hyps, refs) == CHRF()._extract_corpus_statistics(hyps, refs)


def test_fast_chrf_statistics_on_random_text():
    import random

    from tqcheck.chrf import FastCHRF

    rng = random.Random(7)
    alphabet = "aab cdé’.,- A\u00a0"
    hyps = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(300)]
    refs = [["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(300)] for _ in range(2)]
    assert FastCHRF()._extract_corpus_statistics(hyps, refs) == CHRF()._extract_corpus_statistics(hyps, refs)
    assert FastCHRF().corpus_score(hyps, refs).score == CHRF().corpus_score(hyps, refs).score


def test_fast_chrf_counts_a_run_of_segments_with_numpy_and_a_huge_alphabet_without(monkeypatch):
    import random

    from tqcheck import chrf

    calls = []
    vector = chrf._vector_statistics
    monkeypatch.setattr(chrf, "_vector_statistics", lambda *a: calls.append(vector(*a)) or calls[-1])
    rng = random.Random(11)
    for alphabet in ("ab cd’.", "".join(map(chr, range(0x4E00, 0x4E00 + 3000)))):  # 3,000 characters: 3001^6 > 2^62
        hyps = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(250)]
        refs = [["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(250)]]
        assert chrf.FastCHRF()._extract_corpus_statistics(hyps, refs) == CHRF()._extract_corpus_statistics(hyps, refs)
    assert calls[0] is not None and calls[1] is None  # numpy counted the first; the second fell back


@pytest.mark.parametrize("vector", [False, True])
@pytest.mark.parametrize("nrefs", [1, 2])
def test_fast_bleu_statistics_are_sacrebleus(nrefs, vector, monkeypatch):
    """FastBLEU counts a run of segments' n-grams with numpy: the statistics must be sacrebleu's integers."""
    from tqcheck import bleu, keycount

    monkeypatch.setattr(keycount, "VECTOR_MIN_SEGMENTS", 1 if vector else 10**9)
    files = [f for f in _sample_lines() if f]
    for hyps, *refs in zip(files, files[1:], files[2:]):
        n = min(len(hyps), *map(len, refs))
        hyps, refs = hyps[:n], [r[:n] for r in refs[:nrefs]]
        fast, theirs = bleu.FastBLEU(), BLEU()
        assert fast._extract_corpus_statistics(hyps, refs) == theirs._extract_corpus_statistics(hyps, refs)
        assert fast.num_refs == theirs.num_refs


@pytest.mark.parametrize("options", [{}, {"tokenize": "char"}, {"tokenize": "intl", "lowercase": True},
                                     {"max_ngram_order": 2}])
def test_fast_bleu_statistics_on_random_text(options, monkeypatch):
    import random

    from tqcheck import bleu

    calls = []
    vector = bleu._vector_statistics
    monkeypatch.setattr(bleu, "_vector_statistics", lambda *a: calls.append(1) or vector(*a))
    rng = random.Random(5)
    words = ["a", "a", "b", "c", "the", "of", ".", ",", '"', "é", "Ab", "😀", "-"]
    hyps = [" ".join(rng.choice(words) for _ in range(rng.randrange(0, 25))) for _ in range(300)]
    refs = [[" ".join(rng.choice(words) for _ in range(rng.randrange(0, 25))) for _ in range(300)] for _ in range(3)]
    assert bleu.FastBLEU(**options)._extract_corpus_statistics(hyps, refs) == BLEU(**options)._extract_corpus_statistics(hyps, refs)
    assert calls  # counted with numpy
    refs[1][7] = None  # a segment without its second reference: sacrebleu's way
    assert bleu.FastBLEU(**options)._extract_corpus_statistics(hyps, refs) == BLEU(**options)._extract_corpus_statistics(hyps, refs)
    assert len(calls) == 1


def test_the_metrics_count_chrf_with_the_fast_port():
    from tqcheck.chrf import FastCHRF
    from tqcheck.metrics import _metric

    metric, theirs = _metric("chrf", "13a"), CHRF()
    metric.num_refs = theirs.num_refs = 1  # as tqcheck.metrics sets it
    assert type(metric) is FastCHRF and str(metric.get_signature()) == str(theirs.get_signature())


@pytest.mark.parametrize("tokenize", ["13a", "intl", "char"])
def test_the_metrics_count_bleu_with_the_fast_port(tokenize):
    from tqcheck.bleu import FastBLEU
    from tqcheck.metrics import _metric

    metric, theirs = _metric("bleu", tokenize), BLEU(tokenize=tokenize)
    metric.num_refs = theirs.num_refs = 1
    assert type(metric) is FastBLEU and str(metric.get_signature()) == str(theirs.get_signature())


def test_tokenize_13a_is_sacrebleus_13a_tokenizer():
    """FastBLEU tokenizes with its own port of 13a: the same string as sacrebleu's for every line
    (the samples, and random strings of the characters its rules are about)."""
    import random

    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

    from tqcheck.bleu import tokenize_13a

    rng = random.Random(13)
    alphabet = "a1.,-&;<>{}~[]`' !()+:@/\n\t\u00a0é29x"
    lines = [line for lines in _sample_lines() for line in lines]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(20000)]
    lines += ["&quot;&amp;&lt;&gt;<skipped>-\n1.2,3-4 a.b,c", "&amp;quot;", "<skip<skipped>ped>", "U.S. 4:30 a.m. 2,500"]
    theirs = Tokenizer13a()
    assert [tokenize_13a(line) for line in lines] == [theirs(line) for line in lines]
