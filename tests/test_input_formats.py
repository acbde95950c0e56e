"""Structured inputs (XLIFF 1.2/2.0, PO, TMX, Markdown, HTML): the seed's artifacts found again, at the
right place in the file; sources from the file or a mirrored tree; bad files stopped with exit 2."""
import html
import json
import os
import re

import pytest
from click.testing import CliRunner

from tqcheck.api import check_files
from tqcheck.cli import cli
from tqcheck.errors import InputError
from tqcheck.io import formats

from conftest import ROOT
from helpers import run_rules

SAMPLES = os.path.join(ROOT, "samples")
FORMAT_SAMPLES = {
    "afp-baghdad-drones-xliff12": "mt.xlf",
    "afp-baghdad-drones-xliff20": "mt.xlf",
    "afp-baghdad-drones-po": "mt.po",
    "afp-baghdad-drones-markdown": "mt.en.md",
}


def invoke(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def assert_one_line_error(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tqcheck: error: ") and "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def _decoded(fmt: str, raw: str) -> str:
    """The file's characters as a rule sees them: references and escapes decoded, white space folded."""
    if fmt in ("xliff", "html"):
        raw = re.sub(r"<(x|ph|it)\b[^>]*/>", "\ufffc", raw)  # a standalone code stands as one character
        raw = re.sub(r"<[^>]+>", "", raw)
    if fmt == "po":
        raw = re.sub(r'"\s*\n\s*"', "", raw)  # a string continued on the next line
        raw = re.sub(r"\\(.)", lambda m: {"n": " ", "t": " "}.get(m.group(1), m.group(1)), raw)
    elif fmt == "markdown":
        raw = re.sub(r"\\([\\`*_\[\]<>#.!-])", r"\1", raw)
    raw = html.unescape(raw)
    return " ".join(raw.split())


def file_span(path: str, f) -> str:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    end_line = f.end_line or f.line
    if end_line == f.line:
        return lines[f.line - 1][f.column - 1:f.end_column - 1]
    return "\n".join([lines[f.line - 1][f.column - 1:], *lines[f.line:end_line - 1],
                      lines[end_line - 1][:f.end_column - 1]])


def assert_spans_point_into_the_file(report, fmt):
    for fr in report.files:
        for f in fr.findings:
            if f.rule in ("TQ901", "TQ851", "TQ859"):  # whole segments (with their markup); directives
                continue
            assert _decoded(fmt, file_span(fr.path, f)) == " ".join(f.text.split()), (f.rule, f.line, f.column)


def _pairs(report):
    return sorted((f.rule, f.text) for fr in report.files for f in fr.findings)


PLAIN = None


def plain_pairs():
    global PLAIN
    if PLAIN is None:
        PLAIN = _pairs(check_files([os.path.join(SAMPLES, "afp-baghdad-drones")]))
    return PLAIN


@pytest.mark.parametrize("sample", sorted(FORMAT_SAMPLES))
def test_each_format_sample_reports_the_seeds_artifacts_where_they_are_in_the_file(sample):
    report = check_files([os.path.join(SAMPLES, sample)])
    [fr] = report.files
    assert fr.path.endswith(FORMAT_SAMPLES[sample])
    assert fr.document.source is not None and fr.document.references
    assert _pairs(report) == plain_pairs()
    fmt = "markdown" if sample.endswith("markdown") else "po" if sample.endswith("po") else "xliff"
    assert_spans_point_into_the_file(report, fmt)


def test_a_po_span_across_a_wrapped_line_ends_on_the_next_line():
    report = check_files([os.path.join(SAMPLES, "afp-baghdad-drones-po")])
    crossing = [f for f in report.files[0].findings if f.end_line]
    assert crossing and all(f.end_line > f.line for f in crossing)
    assert all(f.as_dict()["end_line"] == f.end_line for f in crossing)
    assert all("end_line" not in f.as_dict() for f in report.files[0].findings if not f.end_line)


def test_the_rich_report_names_the_unit_of_each_finding():
    result = invoke("check", os.path.join(SAMPLES, "afp-baghdad-drones-xliff12"), "--format", "rich")
    assert "· unit 2" in result.stdout


# --------------------------------------------------------------------------- XLIFF, PO, TMX details

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="{src}" target-language="{tgt}" datatype="plaintext" original="x">
  <body>
   <trans-unit id="a1">
    <source>Le 2<x id="1"/>e anniversaire, <g id="2">selon l'AFP</g>.</source>
    <target state="translated">The 2e anniversary &amp; more ,
      <g id="2">according to AFP</g>.</target>
    <note>tqcheck: ignore TQ301</note>
   </trans-unit>
   <trans-unit id="a2">
    <source>Non traduit</source>
    <target state="needs-translation"></target>
   </trans-unit>
   <trans-unit id="a3">
    <source>Cliquez <g id="1">ici</g> ou <x id="2"/>.</source>
    <target>Click here or <x id="3"/>.</target>
   </trans-unit>
   <trans-unit id="a4"><source>Sans cible</source></trans-unit>
  </body>
 </file>
</xliff>
"""


def test_xliff12_units_states_notes_and_inline_codes(tmp_path):
    path = tmp_path / "story.xlf"
    path.write_text(XLIFF12.format(src="fr-FR", tgt="en-GB"), encoding="utf-8")
    report = check_files([str(path)])
    [fr] = report.files
    assert [s.text for s in fr.document.segments][0] == "The 2e anniversary & more , according to AFP."
    assert fr.document.meta["skipped"] == {"untranslated": 2}
    assert fr.suppressed == 1  # TQ301 on " ," silenced by the unit's note
    found = {(f.rule, f.line, f.column, f.end_column) for f in fr.findings}
    assert ("TQ101", 7, 36, 38) in found  # '2e' on the target's line
    assert ("TQ851", 17, 13, 39) in found  # <g id="1"> and <x id="2"> lost: the whole target
    assert ("TQ852", 17, 27, 38) in found  # <x id="3"/> added: its own span in the file
    assert_spans_point_into_the_file(report, "xliff")
    data = json.loads(invoke("check", path, "--format", "json").stdout)["files"][0]
    assert data["suppressed"] == 1
    assert data["input"] == {"format": "xliff 1.2", "skipped": {"untranslated": 2}}


def test_xliff20_and_tmx_read_their_languages_and_sources(tmp_path):
    x20 = tmp_path / "a.xlf"
    x20.write_text('<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                   'srcLang="fr" trgLang="en-US">\n<file id="f"><unit id="u1"><segment state="final">\n'
                   "<source>Le <pc id='1'>2e</pc> jour</source>\n<target>The <pc id='1'>2e</pc> day</target>\n"
                   "</segment></unit></file></xliff>\n", encoding="utf-8")
    tmx = tmp_path / "b.tmx"
    tmx.write_text('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header srclang="fr-FR" '
                   'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" '
                   'creationtoolversion="1"/>\n<body>\n<tu tuid="7">\n<tuv xml:lang="fr-FR"><seg>Le 2e jour</seg></tuv>\n'
                   '<tuv xml:lang="en-GB"><seg>The 2e day</seg></tuv>\n</tu>\n'
                   '<tu><tuv xml:lang="fr-FR"><seg>Seul</seg></tuv></tu>\n</body></tmx>\n', encoding="utf-8")
    report = check_files([str(x20), str(tmx)])
    spans = [(f.path.rsplit("/", 1)[-1], f.rule, f.line, f.column) for fr in report.files for f in fr.findings]
    assert ("a.xlf", "TQ101", 5, 24) in spans
    assert ("b.tmx", "TQ101", 7, 32) in spans
    assert report.files[1].document.meta["skipped"] == {"untranslated": 1}
    assert formats.read(str(x20)).source.segments[0].text == "Le 2e jour"
    assert report.files[0].document.source.path == str(x20)  # the report names the file as its own source


def test_po_plural_fuzzy_obsolete_placeholders_and_comments(tmp_path):
    path = tmp_path / "messages.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: en_GB\\n"\n\n'
                    "# tqcheck: ignore TQ301\n"
                    'msgid "Le fichier %(name)s est ouvert"\nmsgstr "The file %(name)s is open ."\n\n'
                    '#, fuzzy\nmsgid "Flou"\nmsgstr "Fuzzy"\n\n'
                    'msgid "%d fichier"\nmsgid_plural "%d fichiers"\nmsgstr[0] "%d file"\nmsgstr[1] "files"\n\n'
                    '#~ msgid "Vieux"\n#~ msgstr "Old"\n', encoding="utf-8")
    report = check_files([str(path)])
    [fr] = report.files
    assert [s.text for s in fr.document.segments] == ["The file %(name)s is open .", "%d file", "files"]
    assert fr.document.meta["skipped"] == {"obsolete": 1, "fuzzy": 1}
    assert fr.suppressed == 1
    assert [(f.rule, f.line, f.context if hasattr(f, "context") else None) for f in fr.findings] == [
        ("TQ851", 16, None)]  # msgstr[1] lost %d


def test_markup_rules_follow_the_files_marks():
    assert [f.rule for f in run_rules("po: %s files in %d folders <<< %d fichiers dans %s dossiers",
                                      ["TQ853"])] == ["TQ853"]
    assert run_rules("po: %(a)s and %(b)s <<< %(b)s et %(a)s", ["TQ85"]) == []
    assert run_rules("The 100% sure thing. <<< Le truc sûr à 100 %.", ["TQ85"]) == []  # plain text: no markup


# --------------------------------------------------------------------------- Markdown and HTML

def _tree(tmp_path, en_extra=""):
    for lang, text in (("en", f"# The drones\n\nThe attack came on the 2e day , said the army.\n{en_extra}\n"
                              "- A [first](https://x.org/a) point\n- A `code` point\n"),
                       ("fr", "# Les drones\n\nL'attaque a eu lieu le 2e jour, selon l'armée.\n\n"
                              "- Un [premier](https://x.org/a) point\n- Un point `code`\n")):
        d = tmp_path / "content" / lang / "news"
        d.mkdir(parents=True)
        (d / "story.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_a_markdown_site_tree_with_its_french_mirror(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    result = invoke("check", "content/en", "--src-dir", "content/fr", "--include", "*.md", "--format", fmt)
    assert result.exit_code == 1, result.output
    if fmt == "sarif":
        run = json.loads(result.stdout)["runs"][0]
        regions = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                    r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in run["results"]}
        assert ("TQ101", 3, 24) in regions and ("TQ301", 3, 30) in regions
    else:
        assert "::error file=content/en/news/story.md,line=3,col=24,endColumn=26,title=TQ101::" in result.stdout


def test_a_structure_mismatch_names_both_files_and_the_block(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, en_extra="\n## An extra heading\n")
    result = invoke("check", "content/en", "--src-dir", "content/fr", "--include", "*.md")
    assert_one_line_error(result, "content/en/news/story.md", "content/fr/news/story.md", "block 3",
                          "h2 at line 5", "li at line 5")


def test_markdown_suppressions_and_unused_ones(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("<!-- tqcheck: disable TQ301 -->\nIt was the 2e day , said one .\n<!-- tqcheck: enable -->\n\n"
                    "<!-- tqcheck: disable-next-line TQ101 -->\nThe 2e day.\n\n"
                    "<!-- tqcheck: disable-next-line TQ204 -->\nNothing wrong here.\n", encoding="utf-8")
    [fr] = check_files([str(path)]).files
    assert fr.suppressed == 3
    assert [(f.rule, f.line, f.text) for f in fr.findings] == [
        ("TQ101", 2, "2e"), ("TQ859", 8, "tqcheck: disable-next-line TQ204")]


def test_markdown_front_matter_titles_are_text_and_the_rest_is_not(tmp_path):
    path = tmp_path / "page.md"
    path.write_text('---\ntitle: "The 2e day"\ndate: 2022-01-03\nsummary: One 3e try\ntags: [2e]\n---\n\n'
                    "Text.\n\n```\nThe 4e code\n```\n\nSee `the 5e`, [the site](https://x.org/6e) and <https://x.org/7e>.\n",
                    encoding="utf-8")
    report = check_files([str(path)])
    assert [(f.line, f.column, f.text) for f in report.files[0].findings] == [(2, 13, "2e"), (4, 14, "3e")]
    assert report.files[0].document.meta["blocks"][:2] == ["front matter title", "front matter summary"]


def test_html_text_blocks_attributes_and_what_is_not_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html>\n<html><head><title>Drones</title><style>p{}</style></head><body>\n"
                    "<script>var s = 'le 2e jour , ok';</script>\n"
                    "<p>The 2e day &amp; night ,\n  said <b>the army</b>.</p>\n"
                    "<p>Run <code>x = 2e ;</code> now.</p>\n"
                    '<img src="a.png" alt="The 3e drone">\n</body></html>\n', encoding="utf-8")
    report = check_files([str(path)])
    spans = [(f.rule, f.line, f.column, f.text) for f in report.files[0].findings]
    assert spans == [("TQ101", 4, 8, "2e"), ("TQ301", 4, 26, " "), ("TQ101", 7, 27, "3e")]
    assert report.files[0].document.meta["blocks"] == ["title", "p", "p", "alt"]
    assert_spans_point_into_the_file(report, "html")


def test_standard_input_with_an_input_format():
    data = XLIFF12.format(src="fr", tgt="en")
    result = invoke("check", "-", "--input-format", "xliff", "--format", "text", input=data)
    assert "-:7:36: TQ101" in result.stdout
    sniffed = invoke("check", "-", "--format", "text", input=data)
    assert "-:7:36: TQ101" in sniffed.stdout


def test_detection_by_extension_then_content(tmp_path):
    odd = tmp_path / "export.dat"
    odd.write_text(XLIFF12.format(src="fr", tgt="en"), encoding="utf-8")
    assert formats.format_of(str(odd)) == "xliff"
    assert formats.format_of(str(odd), "text") == "text"
    assert formats.format_of("a.po") == "po" and formats.format_of("a.markdown") == "markdown"
    (tmp_path / "notes.txt").write_text("msgid is a word\n", encoding="utf-8")
    assert formats.format_of(str(tmp_path / "notes.txt")) == "text"


# --------------------------------------------------------------------------- bad files: exit 2, nothing fetched

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xliff version="1.2"><file source-language="fr" target-language="en"><body><trans-unit id="1">
<source>&lol2;</source><target>&lol2;</target></trans-unit></body></file></xliff>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>
<xliff version="1.2"><file source-language="fr" target-language="en"><body><trans-unit id="1">
<source>a</source><target>&xxe;</target></trans-unit></body></file></xliff>
"""
BAD = [
    ("truncated.xlf", XLIFF12.format(src="fr", tgt="en")[:400].encode(), ["truncated.xlf:8:", "not well-formed XLIFF"]),
    ("wrong.xlf", XLIFF12.format(src="de-DE", tgt="en").encode(), ["wrong.xlf:3:", "de-DE -> en", "French"]),
    ("reversed.xlf", XLIFF12.format(src="en", tgt="fr").encode(), ["reversed.xlf:3:", "en -> fr"]),
    ("latin1.xlf", XLIFF12.format(src="fr", tgt="en").replace("selon", "été").encode("latin-1"),
     ["latin1.xlf:6:", "not valid UTF-8"]),
    ("declared.xlf", XLIFF12.format(src="fr", tgt="en").replace("UTF-8", "ISO-8859-1").encode("latin-1"),
     ["declared.xlf:1:", "ISO-8859-1", "UTF-8"]),
    ("laughs.xlf", BILLION_LAUGHS.encode(), ["laughs.xlf:2:", "entities", "never expands"]),
    ("external.xlf", EXTERNAL.encode(), ["external.xlf:2:", "entities"]),
    ("german.tmx", b'<?xml version="1.0"?><tmx version="1.4"><header srclang="fr"/><body><tu>'
                   b'<tuv xml:lang="fr"><seg>a</seg></tuv><tuv xml:lang="de"><seg>b</seg></tuv></tu></body></tmx>',
     ["german.tmx:1:", "de, fr"]),
    ("cut.tmx", b'<?xml version="1.0"?><tmx version="1.4"><body><tu><tuv xml:lang="fr"><seg>a</seg>',
     ["cut.tmx:1:", "not well-formed TMX"]),
    ("german.po", b'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "a"\nmsgstr "b"\n', ["german.po:1:", "en"]),
    ("broken.po", b'msgid "a"\nmsgstr "b"\n\nthis is no entry\n', ["broken.po:4:", "not a valid PO file"]),
    ("latin1.md", "# Caf\u00e9\n".encode("latin-1"), ["latin1.md:1:", "not valid UTF-8"]),
    ("notxliff.xlf", b"<?xml version='1.0'?><html/>", ["notxliff.xlf:1:", "<html>", "--input-format"]),
]


@pytest.mark.parametrize("name,data,needles", BAD, ids=[b[0] for b in BAD])
def test_bad_files_stop_with_exit_2_naming_file_line_and_what_to_do(tmp_path, monkeypatch, name, data, needles):
    import socket
    import urllib.request

    def no_network(*a, **k):
        raise AssertionError("tqcheck tried to fetch something")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(invoke("check", path), *[n.replace(name, str(path)) for n in needles])
    assert path.read_bytes() == data


def test_a_bilingual_file_refuses_another_source(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12.format(src="fr", tgt="en"), encoding="utf-8")
    (tmp_path / "a.fr.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(InputError, match="carries its French source"):
        check_files([str(path)], source=str(tmp_path / "a.fr.txt"))


def test_standard_input_is_read_again_by_a_second_run_in_the_same_process():
    """Standard input is read once per stream, not once per process: a second run (the Python API, a
    test's CliRunner) reads its own input, not the first run's."""
    first = invoke("check", "-", "--format", "text", input="The 2e anniversary.\n")
    second = invoke("check", "-", "--format", "text", input="He said it was the 3e time.\n")
    assert "'2e'" in first.stdout and "'3e'" in second.stdout and "'2e'" not in second.stdout
