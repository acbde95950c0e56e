"""What a run holds per segment: a file's report reads back the segments its findings quote instead
of holding every segment, and sentence scores are held as arrays; what the report says is unchanged."""
import os

import pytest

from tqcheck import api
from tqcheck.errors import InputError
from tqcheck.io.inputs import load_one
from tqcheck.io.reread import SegmentsReadAgain
from tqcheck.metrics import SegmentScores
from tqcheck.model import Segment, SegmentMetrics

from conftest import ROOT

BAGHDAD = os.path.join(ROOT, "samples", "afp-baghdad-drones")
MT, REF, SRC = (os.path.join(BAGHDAD, name) for name in ("mt.en.txt", "ref.en.txt", "src.fr.txt"))


def test_a_file_report_keeps_only_the_segments_its_findings_quote():
    fr = api.check_files(MT, references=REF, source=SRC).files[0]
    segments = fr.document.segments
    assert isinstance(segments, SegmentsReadAgain)
    assert fr.findings and set(segments._kept) == {f.segment - 1 for f in fr.findings}
    whole = load_one(MT, [REF], SRC)
    assert len(segments) == len(whole.segments) and fr.document.words == whole.words
    assert list(segments) == whole.segments  # any other segment is read again, the same
    assert [segments[i] for i in range(len(segments))] == whole.segments
    assert segments[-1] == whole.segments[-1] and segments[2:4] == whole.segments[2:4]


def test_a_file_that_lost_segments_since_it_was_checked_is_an_input_error():
    segments = SegmentsReadAgain(lambda: iter([Segment(1, 1, "One.")]), "story.en.txt")
    segments.extend([Segment(1, 1, "One."), Segment(2, 2, "Two.")])
    assert segments[0].text == "One."
    with pytest.raises(InputError, match="story.en.txt: the file changed while it was checked"):
        segments[1]


def test_a_document_in_memory_keeps_its_segments():
    with open(MT, encoding="utf-8") as fh:
        report = api.check(fh.read())
    assert isinstance(report.files[0].document.segments, list)


def test_sentence_scores_in_arrays_read_back_as_records():
    scores = SegmentScores()
    segs = [Segment(1, 1, "a"), Segment(2, 3, "b"), Segment(3, 7, "c")]
    scores.extend(segs[:2], {"chrf": [12.5, 100.0], "bleu": [0.1, 1 / 3]})
    scores.extend(segs[2:], {"chrf": [0.0], "bleu": [42.0]})
    assert list(scores) == [SegmentMetrics(1, 1, 12.5, 0.1), SegmentMetrics(2, 3, 100.0, 1 / 3),
                            SegmentMetrics(3, 7, 0.0, 42.0)]
    assert scores.column("chrf", 1) == [100.0, 0.0] and scores[1:] == list(scores)[1:]
    chrf_only = SegmentScores()
    chrf_only.extend(segs, {"chrf": [1.0, 2.0, 3.0], "bleu": None})
    assert [m.bleu for m in chrf_only] == [None] * 3 and chrf_only.column("bleu") == [None] * 3
