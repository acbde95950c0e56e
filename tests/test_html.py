"""--format html: a self-contained page; every finding highlighted at its span (checked in the
rendered DOM of a real headless Chromium), filters applied from the address, a screenshot at 1280x900.

The browser tests skip when chromium is absent, except under CI=true where they fail (.ci/run
installs chromium from Debian)."""
import html.parser
import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from tqcheck import check_files, render

SEED = os.path.join(ROOT, "samples", "afp-baghdad-drones")
OUTPUT = os.path.join(ROOT, "tests", "output")


class Marks(html.parser.HTMLParser):
    """Text of every <mark data-finding>, joined per finding id, and the hidden state of segment rows."""

    def __init__(self):
        super().__init__()
        self.stack, self.texts, self.attrs, self.rows, self.external = [], {}, {}, {}, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe") and (a.get("src") or a.get("href")):
            self.external.append((tag, a))
        if tag == "tr" and a.get("id", "").startswith("f1-seg-"):
            self.rows[a["id"]] = "hidden-by-filter" in a.get("class", "")
        if tag == "mark" and "data-finding" in a:
            self.stack.append(a["data-finding"])
            self.texts.setdefault(a["data-finding"], "")
            self.attrs.setdefault(a["data-finding"], []).append(a)
        elif tag == "mark":
            self.stack.append(None)

    def handle_endtag(self, tag):
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data):
        for fid in set(self.stack):
            if fid:
                self.texts[fid] += data

    def handle_entityref(self, name):  # pragma: no cover - convert_charrefs handles these
        self.handle_data(html.unescape(f"&{name};"))


def parse(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def seed_report():
    return check_files([SEED])


def test_every_finding_is_highlighted_at_its_span_without_a_browser(seed_report):
    page = render(seed_report, "html")
    marks = parse(page)
    findings = seed_report.files[0].findings
    assert len(marks.texts) == len(findings) == 18
    for i, f in enumerate(findings, start=1):
        assert marks.texts[f"f1-{i}"] == f.text, f
        first = marks.attrs[f"f1-{i}"][0]
        assert first["data-rule"] == f.rule and first.get("tabindex") == "0" and f.rule in first["title"]
    assert not marks.external  # self-contained: no external script, stylesheet or image
    assert "http://" not in page and "https://" not in page
    assert '<th scope="col">Source (French)</th>' in page and "L’armée américaine" in page  # the source, re-read
    # reference and signatures (a <wbr> after each '|' lets a narrow page fold them between fields)
    assert "AFP" in page and "nrefs:1|<wbr>case:mixed" in page
    sigs = [s.replace("<wbr>", "") for s in re.findall(r'<td class="sig">(.*?)</td>', page)]
    assert sigs == [m.signature for m in seed_report.files[0].metrics.values()]


def test_html_escapes_what_it_shows(tmp_path):
    path = tmp_path / "x.en.txt"
    path.write_text("<script>alert(1)</script> the 2e day .\n", encoding="utf-8")
    page = render(check_files([str(path)]), "html")
    assert "<script>alert" not in page and page.count("<script>") == 1  # only the page's own script
    assert "&lt;script&gt;" in page and "alert(1)" in page


def test_output_html_extension_picks_the_format(tmp_path):
    from click.testing import CliRunner

    from tqcheck.cli import cli

    out = tmp_path / "review.html"
    result = CliRunner().invoke(cli, ["check", SEED, "--output", str(out)])
    assert result.exit_code == 1
    assert "writing the html format" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- a real browser ----------------------------------------------------------------------------

def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium chromium-driver); CI=true makes this a failure")


def _chrome(tmp_path, *args):
    browser = _chromium()
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def page_file(seed_report, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "seed.html"
    path.write_text(render(seed_report, "html"), encoding="utf-8")
    return path


def test_browser_dom_has_every_finding_highlighted(seed_report, page_file, tmp_path):
    dom = _chrome(tmp_path, "--dump-dom", page_file.as_uri())
    marks = parse(dom)
    for i, f in enumerate(seed_report.files[0].findings, start=1):
        assert marks.texts[f"f1-{i}"] == f.text, f
    assert 'id="filters"' in dom and re.search(r'<form class="filters" id="filters"(?! hidden)', dom)
    assert "18 findings shown" in dom  # the script ran


def test_browser_filter_by_rule_from_the_address(seed_report, page_file, tmp_path):
    dom = _chrome(tmp_path, "--dump-dom", page_file.as_uri() + "?rule=TQ101")
    marks = parse(dom)
    on = {fid for fid, attrs in marks.attrs.items() if "off" not in attrs[0]["class"].split()}
    rules = {f"f1-{i}": f.rule for i, f in enumerate(seed_report.files[0].findings, start=1)}
    assert on and {rules[fid] for fid in on} == {"TQ101"}
    shown_rows = [row for row, hidden in marks.rows.items() if not hidden]
    assert shown_rows == ["f1-seg-2"]  # the one segment with a TQ101 finding
    assert "1 finding shown" in dom


def test_browser_screenshot(page_file, tmp_path):
    os.makedirs(OUTPUT, exist_ok=True)
    shot = os.path.join(OUTPUT, "seed-report.png")
    if os.path.exists(shot):
        os.unlink(shot)
    _chrome(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page_file.as_uri())
    with open(shot, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(head[16:20], "big") == 1280 and int.from_bytes(head[20:24], "big") == 900
