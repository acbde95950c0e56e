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
