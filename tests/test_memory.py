"""What a run holds per segment: a file's report reads back the segments its findings quote instead
of holding every segment; what the report says is unchanged."""
import os

from tqcheck import api
from tqcheck.io.inputs import load_one
from tqcheck.io.reread import SegmentsReadAgain

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


def test_a_document_in_memory_keeps_its_segments():
    with open(MT, encoding="utf-8") as fh:
        report = api.check(fh.read())
    assert isinstance(report.files[0].document.segments, list)

