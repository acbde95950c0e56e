r"""TQ2xx quote punctuation: one walker for TQ201-TQ203, debris TQ204, guillemets TQ205.

Rows are (text in example syntax, expected findings). In the text, the two
characters \n separate segments (each segment lands two physical lines below
the previous one), so segment 2 is on line 3.
"""

import pytest

from tqcheck.io.text import read_document

from conftest import SEED
from helpers import run_rules, spans



def found(text):
    return run_rules(text, select=["TQ2"])


# (text, [(code, line, column, end_column, text, suggestion)])
FLAGGED = [
    # TQ201: unclosed opener, at the opener
    (
        "“The new dates will be announced later, the spokesman added.\\nColonel Goïta took power in 2020.",
        [("TQ201", 1, 1, 2, "“", None)],
    ),
    ("He called it “a sham and left the room.", [("TQ201", 1, 14, 15, "“", None)]),
    # TQ201: a straight double quote typed for the apostrophe of a possessive, with the fix
    ('Europe is now in the investors" spotlight.', [("TQ201", 1, 31, 32, '"', "'")]),
    ('It works with Jan Kepler"s Grammar School.', [("TQ201", 1, 25, 26, '"', "'")]),
    (
        "“We will win,” he said. “And we will never give up, she added.",
        [("TQ201", 1, 25, 26, "“", None)],
    ),
    # TQ201: a stray closer, at its position
    ("The minister said the talks had failed.” Nobody disagreed.", [("TQ201", 1, 40, 41, "”", None)]),
    # TQ201: the next paragraph does not reopen, so both paragraphs are unbalanced
    (
        "“It was a long night\\nand then it was over,” he said.",
        [("TQ201", 1, 1, 2, "“", None), ("TQ201", 3, 22, 23, "”", None)],
    ),
    # TQ201: straight quotes, by parity
    ('He said "no and left.', [("TQ201", 1, 9, 10, '"', None)]),
    # TQ202: closing quote used to open, opening quote used to close
    ("He said ”never” and left.", [("TQ202", 1, 9, 10, "”", "“")]),
    ("“We will win the war“ he said.", [("TQ202", 1, 21, 22, "“", "”")]),
    ("He said “we will win“, and left.", [("TQ202", 1, 21, 22, "“", "”")]),
    ("“This is the end of the war“. Then he left.", [("TQ202", 1, 28, 29, "“", "”")]),
    # TQ202 + TQ203: the seed's subheading (line 31)
    (
        "” All over ”",
        [("TQ202", 1, 1, 2, "”", "“"), ("TQ203", 1, 2, 3, " ", ""), ("TQ203", 1, 11, 12, " ", "")],
    ),
    # TQ203: spaces inside quotes
    (
        "The unions want it withdrawn “ as soon as possible ” and called two strikes.",
        [("TQ203", 1, 31, 32, " ", ""), ("TQ203", 1, 51, 52, " ", "")],
    ),
    (
        "“There is no damage, but it is very dangerous to launch this type of attack. ”",
        [("TQ203", 1, 77, 78, " ", "")],
    ),
    ("He said “\u00a0Partout\u00a0” and left.", [("TQ203", 1, 10, 11, "\u00a0", ""), ("TQ203", 1, 18, 19, "\u00a0", "")]),
    ("He said “  we will win” and left.", [("TQ203", 1, 10, 12, "  ", "")]),
    ('He said " never " and left.', [("TQ203", 1, 10, 11, " ", ""), ("TQ203", 1, 16, 17, " ", "")]),
    # TQ203 on the reopening mark of a continued quotation
    (
        "“First paragraph, unclosed.\\n“ Second paragraph, closed,” she said.",
        [("TQ203", 3, 2, 3, " ", "")],
    ),
    # TQ204: punctuation debris (the quote inside it closes the quotation: no TQ201)
    (
        "houses “contractors and civilian personnel. “, Specified the person in charge.",
        [("TQ204", 1, 43, 47, ". “,", ",”")],
    ),
    ("“The government remains attached to the timetable.”, declared the colonel.", [("TQ204", 1, 50, 53, ".”,", ",”")]),
    ("“It is over,”, he said.", [("TQ204", 1, 12, 15, ",”,", ",”")]),
    ("“It is over”,. Then he left.", [("TQ204", 1, 12, 15, "”,.", ".”")]),
    ("“This is the end of the war“.", [("TQ204", 1, 28, 30, "“.", ".”")]),
    ("“This is the end of the war “, he said.", [("TQ204", 1, 28, 31, " “,", ",”")]),
    ('"It is over.", he said.', [("TQ204", 1, 12, 15, '.",', ',"')]),
    # TQ205: guillemets, whole quotation on one line, or each lone mark
    ("to shouts of « 64 years, it’s no! », behind a banner.", [("TQ205", 1, 14, 36, "« 64 years, it’s no! »", "“64 years, it’s no!”")]),
    ("« Partout »", [("TQ205", 1, 1, 12, "« Partout »", "“Partout”")]),
    ("«\u202fPartout\u202f»", [("TQ205", 1, 1, 12, "«\u202fPartout\u202f»", "“Partout”")]),
    ("He said: « we will fight until the end.", [("TQ205", 1, 10, 12, "« ", "“")]),
    ("It is over » he said.", [("TQ205", 1, 11, 13, " »", "”")]),
    ("The ‹ lame duck › label stuck.", [("TQ205", 1, 5, 18, "‹ lame duck ›", "‘lame duck’")]),
    ("« He said ‹ never › and left »", [("TQ205", 1, 1, 31, "« He said ‹ never › and left »", "“He said ‘never’ and left”")]),
]


@pytest.mark.parametrize("text,expected", FLAGGED, ids=[t[:40] for t, _ in FLAGGED])
def test_flagged(text, expected):
    got = [(f.rule, f.line, f.column, f.end_column, f.text, f.suggestion) for f in found(text)]
    assert got == expected


CLEAN = [
    "“We will not give up,” the minister said on Tuesday.",
    '"We will not give up," the minister said on Tuesday, using straight quotes.',
    "Iran’s foreign minister and the ministers' spokesman said they don't expect talks before the ’90s.",
    "“He told me ‘never again,’ and then he left,” she said.",
    "“I said, ‘Don’t go,’” he recalled, and “‘Never again’ is our motto,” she said.",
    "“The first paragraph of a long quotation is not closed.\\n“The second paragraph reopens it and closes it,” he said.",
    '"A straight-quoted first paragraph.\\n"And a second one, closed," he said.',
    "“One.\\n“Two.\\n“Three,” he said.",
    "The so-called “Islamic State” (IS) group and the “yellow vests” movement were named.",
    "He spoke of a “new era”—and of a “reset” (“un nouveau départ”) with Paris.",
    "She called it “unacceptable”: a “red line”; “never,” she added!",
    "“Why?” he asked. “Because,” she replied.",
    "“We shall see...” he said, and “It is a step … not a solution.”",
    "He wrote that “the war is over.” Then he left.",
    "“It was,” he said, “a disaster.” “It was” — he paused — “a disaster.”",
    "“We are ready to talk to everyone…” he said. “We will —” and he stopped.",
    "AFP reported, citing “sources close to the matter”. His nickname was “Le Boss”.",
    "They chanted “Macron, resign!” and “Macron, démission!”",
    "The “C-RAM” and “U.S.-led” coalition, “2,500” troops, the “4:30 a.m.” attack, plan “B”.",
    "“We want talks with the U.S.”, he said, and “…”, she replied.",
    "Domains such as “.com”, “.net” and “.org” were sold.",
    "He said, “. . . and then we left,” and she said “...”.",
    "They were “responsible for logistics”, “contractors and civilian personnel”.",
    'A 6\'2" player, a 12" pizza and a 27” screen; he said "it is 5".',
    "He said \"no\" and \"yes\" and \"maybe.\"",
    "The ratio was 3 << 4 and 5 >> 2 in the code.",
    "The worldâ€“s mojibake dash â€” is not a quote mark.",
    "Read more »",
    'The "Beatles" songs and the "Rolling Stones" album, and the "Yes" sign.',
]


@pytest.mark.parametrize("text", CLEAN, ids=[t[:40] for t in CLEAN])
def test_correct_english_draws_nothing(text):
    assert spans(found(text)) == []


def test_seed_gives_exactly_the_planted_quote_findings():
    got = [(f.rule, f.line, f.column, f.end_column, f.text, f.suggestion) for f in run_rules(read_document(SEED), select=["TQ2"])]
    assert got == [
        ("TQ204", 13, 204, 208, ". “,", ",”"),
        ("TQ203", 19, 165, 166, " ", ""),
        ("TQ202", 31, 1, 2, "”", "“"),
        ("TQ203", 31, 2, 3, " ", ""),
        ("TQ203", 31, 11, 12, " ", ""),
    ]


def test_walker_walks_each_window_once(monkeypatch):
    from tqcheck.config import Config
    from tqcheck import engine
    from tqcheck.rules import select_rules
    from helpers import parse_example
    import tqcheck.text.quotes as quotes

    calls = []
    real = quotes.QuoteWalker.feed
    monkeypatch.setattr(quotes.QuoteWalker, "feed", lambda self, segs: calls.append(len(segs)) or real(self, segs))
    monkeypatch.setattr(engine, "WINDOW_SEGMENTS", 2)
    doc = parse_example("“One.\\n“Two.\\nThree ” all over ”.\\nFour.\\nFive “six.")
    report = engine.check_document(doc, select_rules(["TQ201", "TQ202", "TQ203"]), Config())
    assert calls == [2, 2, 1]  # three rules, three windows, one walk each
    assert {f.rule for f in report.findings} == {"TQ201", "TQ202", "TQ203"}


@pytest.mark.parametrize("window", [1, 2, 3])
def test_quotations_across_windows_are_judged_as_in_one_piece(monkeypatch, window):
    """A quotation that runs on into the next paragraph is fine across a window boundary too."""
    from tqcheck import engine

    text = ("“The first paragraph of a long quotation is not closed at its end.\\n"
            "“The second reopens it and closes it here,” he said.\\n"
            "He said “this one is never closed.\\nThe next paragraph does not reopen it.")
    whole = spans(found(text))
    monkeypatch.setattr(engine, "WINDOW_SEGMENTS", window)
    assert spans(found(text)) == whole == [("TQ201", 5, 9, 10, "“")]


def test_messages_say_why():
    [f] = found("He said ”never” and left.")
    assert "opens with “" in f.message
    [f] = found("He called it “a sham and left the room.")
    assert "never closed" in f.message and "reopen" in f.message


def _walk_sentences(lines):
    from tqcheck.io.text import parse_text
    from tqcheck.text.quotes import QuoteWalker

    walker = QuoteWalker(sentences=True)
    doc = parse_text("\n".join(lines) + "\n", "t.en.txt")
    issues = walker.feed(doc.segments) + walker.end()
    return [(i.code, i.seg.line, i.seg.text[i.start:i.end]) for i in issues]


def test_a_spaced_quote_ending_a_line_closes_or_is_stray_never_opens():
    """'… his son Jack. "' ends its segment: nothing follows to quote, so the mark closes the open
    quotation, or is a stray mark reported where it stands, instead of opening a quotation that
    swallows the next real one (a false alarm several lines later)."""
    assert _walk_sentences(['A lady wrote: "This person is full of ambition.', 'He is cheeky! "']) == []
    assert _walk_sentences(["The talks resumed, the spokesman said. \""]) == [("TQ201", 1, '"')]
    cascade = ['It would be "regrettable" for their son Jack. "', "Ryan lives alone.",
               'His answer was: "In any case, my life continues.', 'I consider myself fortunate. "']
    assert _walk_sentences(cascade) == [("TQ201", 1, '"')]


def test_a_quote_mark_after_a_colon_opens_even_when_a_quotation_seems_open():
    """'wrote: "Barack…' opens a quotation; a quotation left open by an earlier slip does not make it
    a closing mark."""
    lines = ['He said it was "over.', "Nobody answered.",
             'A politician wrote: "Barack Obama will be the second one.', 'The first was Jimmy Carter. "']
    found = _walk_sentences(lines)
    assert ("TQ201", 4, '"') not in found and all(line != 3 for _, line, _ in found)


def test_a_quote_typed_for_an_apostrophe_says_so():
    [f] = [f for f in found('the international Students" Day') if f.rule == "TQ201"]
    assert f.message == "double quote typed for an apostrophe: write Students', not Students\"" and f.suggestion == "'"
    # inside a quotation, the same mark closes it: "the Yes"s fans is a quotation closed, then its s
    assert [f.message for f in found('He said "ok, Yes"s fans.') if f.rule == "TQ201"] == []


def test_tokenised_quotes_pair_within_their_line_when_a_quotation_is_carried():
    """Tokenised MT output spaces every straight quote ('often " sick " during the year .'): such a
    line's even run of free-standing marks pairs within the line, so a stray mark an earlier line left
    open is reported where it stands, not as a quotation this line 'closes' and then 'opens' again."""
    lines = ['the director " said it was over .', "nobody answered .",
             'the journalists are often " sick " during the year .', "it is the fault of the climate ."]
    assert [i for i in _walk_sentences(lines) if i[0] == "TQ201"] == [("TQ201", 1, '"')]
    # a quotation running on over sentence lines still closes in a later line
    assert _walk_sentences(['He said: "We will fight on.', 'We will never surrender," he added.']) == []
    # a line that reopens the quotation is read as before
    assert [i for i in _walk_sentences(['"We will fight on.', '" We will win " , he said .']) if i[0] == "TQ201"] == []
