"""Lines and documents: the layout of a file, where its stories start, and rules that work per story."""
import json

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.io.text import parse_text
from tqcheck.text.documents import Layout, Splitter, detect, is_headline

from helpers import run_rules

ARTICLE = "First paragraph of the story, long enough.\n\nSecond paragraph.\n\nThird paragraph.\n"
STORIES = ("Mali junta expels envoy\nThe junta expelled the French envoy.\nIt gave him 72 hours.\n"
           "Floods hit Niger\nFloods killed 12 people.\nThe rains continue.\n")


def docs(text, mode="auto", source=None):
    segments = parse_text(text, "<t>").segments
    splitter = Splitter(detect(segments, mode))
    src = parse_text(source, "<s>").segments if source else None
    return splitter.layout, [s.doc for s in splitter.assign(segments, src)]


def test_an_article_with_blank_lines_is_one_document_of_paragraphs():
    assert docs(ARTICLE) == (Layout("paragraphs", "file"), [1, 1, 1])


def test_sentence_lines_without_blank_lines_split_at_headlines():
    layout, numbers = docs(STORIES)
    assert layout == Layout("sentences", "headlines") and numbers == [1, 1, 1, 2, 2, 2]


def test_sentence_lines_with_blank_lines_split_at_blank_lines():
    layout, numbers = docs("One story.\nIts second sentence.\n\nAnother story.\nIts end.\n")
    assert layout == Layout("sentences", "blank-lines") and numbers == [1, 1, 2, 2]


def test_headlines_are_read_from_the_source_when_there_is_one():
    mt = "Mali junta expels envoy.\nThe junta expelled the envoy.\nFloods hit Niger.\nFloods killed 12 people.\n"
    src = "La junte expulse l'envoyé\nLa junte a expulsé l'envoyé.\nInondations au Niger\nLes crues ont tué 12 personnes.\n"
    assert docs(mt, source=src)[1] == [1, 1, 2, 2]
    assert docs(mt)[1] == [1, 1, 1, 1]  # MT ended its headlines with a full stop


def test_a_mode_given_is_used():
    assert docs(STORIES, "file")[1] == [1] * 6
    assert is_headline("Floods hit Niger") and not is_headline("Floods hit Niger.")


def test_a_line_ending_with_a_comma_runs_on_and_keeps_its_quotation():
    """A quoted verse split over sentence lines at a comma is one document, and its quotation closes."""
    text = ("He quoted the book: \"He forced everyone to receive a mark on his right hand.\n"
            "If anyone has insight, let him calculate the number of the beast,\n"
            "for it is man's number. His number is six hundred and sixty six.\"\n"
            "The film opens in Tehran.\n")
    assert not is_headline("If anyone has insight, let him calculate the number of the beast,")
    assert not is_headline("The talks went on until late -")
    assert docs(text)[1] == [1, 1, 1, 1]
    result = CliRunner().invoke(cli, ["check", "-", "--format", "json", "--select", "TQ201"], input=text)
    assert json.loads(result.stdout)["files"][0]["findings"] == []


def _cli(tmp_path, *args, text=STORIES):
    (tmp_path / "t.en.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "t.en.txt"), "--format", "json", *args])
    return result


def test_docids_file_sets_the_documents_and_the_report_says_so(tmp_path):
    (tmp_path / "ids").write_text("a\na\nb\nb\nb\nc\n")
    data = json.loads(_cli(tmp_path, "--docids", str(tmp_path / "ids")).stdout)
    assert data["files"][0]["layout"] == {"lines": "sentences", "documents": "docids", "count": 3}
    data = json.loads(_cli(tmp_path).stdout)
    assert data["files"][0]["layout"] == {"lines": "sentences", "documents": "headlines", "count": 2}


@pytest.mark.parametrize("ids", ["a\na\n", "a\na\nb\nb\nb\nc\nd\n"])
def test_docids_that_do_not_align_are_an_input_error(tmp_path, ids):
    (tmp_path / "ids").write_text(ids)
    result = _cli(tmp_path, "--docids", str(tmp_path / "ids"))
    assert result.exit_code == 2 and "ids: " in result.stderr and "one id per segment" in result.stderr


def test_name_drift_is_judged_within_a_story_not_across_stories():
    one_story = "Houthis attacked.\nHouthi fighters and other Huthis factions paraded.\nThe Houthis left.\n"
    two_stories = ("Yemen fighting resumes\nHouthis attacked.\nThe Houthis left.\n"
                   "Parade in the north\nOther Huthis factions paraded in the north.\nThey left.\n")
    assert [f.text for f in run_rules(one_story, ["TQ501"])] == ["Huthis"]
    assert run_rules(two_stories, ["TQ501"]) == []


def test_a_quotation_may_run_over_sentence_lines():
    lines = ("Strikes spread in France\nThe union leader said: “We will not give up.\n"
             "We will strike until the bill is withdrawn,” he told reporters.\nThe talks resumed.\n")
    assert run_rules(lines, ["TQ201"]) == []
    unclosed = "Strikes spread\nThe leader called it “a sham and left.\nThe talks resumed.\nNothing changed.\n"
    assert [(f.rule, f.text) for f in run_rules(unclosed, ["TQ201"])] == [("TQ201", "“")]


def test_a_file_of_several_stories_is_scored_once_per_segment_and_outliers_are_found_in_their_story(tmp_path):
    """Per-story rules see their own story's sentence scores: the statistics of a window are computed
    once (not once more per story), so the JSON has one sentence score per segment and TQ901 flags the
    second story's garbled line, not a line at the same position of the first story."""
    good = [f"The council met on day {n} and approved the budget for the new school." for n in range(1, 7)]
    mt = good[:5] + ["Floods hit Niger"] + good[:2] + ["Bananas sing loudly under purple rain tonight."] + good[3:6]
    ref = good[:5] + ["Floods hit Niger"] + good[:2] + [good[2]] + good[3:6]
    (tmp_path / "mt.txt").write_text("\n".join(mt) + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("\n".join(ref) + "\n", encoding="utf-8")
    (tmp_path / "ids").write_text("a\n" * 5 + "b\n" * 7, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "mt.txt"), "--ref", str(tmp_path / "ref.txt"),
                                      "--docids", str(tmp_path / "ids"), "--format", "json", "--select", "TQ901"])
    report = json.loads(result.stdout)["files"][0]
    assert report["layout"]["count"] == 2
    assert [m["line"] for m in report["segments_metrics"]] == list(range(1, 13))
    assert [f["line"] for f in report["findings"]] == [9]
