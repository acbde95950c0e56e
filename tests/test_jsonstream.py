"""The JSON and SARIF formatters write piece by piece (report.jsonstream): the bytes must be those of
``json.dump`` of the whole report, on every sample and on shapes the samples do not have."""
import io
import json
import os
from collections.abc import Iterator

import pytest

from tqcheck import api
from tqcheck.report import jsonfmt, jsonstream, sarif

from conftest import ROOT

SAMPLES = sorted(os.listdir(os.path.join(ROOT, "samples")))


def materialised(value):
    """``value`` with every generator inside it turned into a list: the whole report at once."""
    if isinstance(value, dict):
        return {k: materialised(v) for k, v in value.items()}
    if isinstance(value, (list, Iterator)):
        return [materialised(v) for v in value]
    return value


def whole(value) -> str:
    return json.dumps(materialised(value), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("sample", SAMPLES)
def test_json_and_sarif_written_piece_by_piece_equal_json_dump_of_the_whole_report(sample, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = api.check_files(os.path.join("samples", sample))
    for module, build in ((jsonfmt, jsonfmt.report_dict), (sarif, sarif.sarif_dict)):
        out = io.StringIO()
        module.render(report, out)
        assert out.getvalue() == whole(build(report))


@pytest.mark.parametrize("make", [
    lambda: {}, lambda: [], lambda: {"a": iter([])}, lambda: [iter([])],
    lambda: {"a": iter([{}, [], 0.1, None, True, "é\n\u2028\"", {"b": iter([1, 2])}])},
    lambda: {"nested": [{"x": iter([[1, [2, iter([3])]]])}], "after": {"k": "v"}},
    lambda: iter([iter([iter([])])]), lambda: "text", lambda: 1.5,
])
def test_stream_writer_matches_json_dump_on_edge_shapes(make):
    out = io.StringIO()
    jsonstream.dump(make(), out)
    assert out.getvalue() == whole(make())
