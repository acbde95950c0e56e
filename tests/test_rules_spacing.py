"""TQ3xx: French typographic spacing and doubled punctuation."""
import pytest

from tqcheck.io.text import read_document

from conftest import SEED
from helpers import run_rules


# (text, [(code, line, column, end_column, text, suggestion), ...])
FLAGGED = [
    ("the road to Baghdad International Airport . With him was Abu Mehdi.", [
        ("TQ301", 1, 42, 43, " ", ""),
    ]),
    ("Why did they do it ? Nobody knows.", [
        ("TQ301", 1, 19, 20, " ", ""),
    ]),
    ("Why did they do it\u00a0? Nobody knows.", [
        ("TQ301", 1, 19, 20, "\u00a0", ""),
    ]),
    ("The minister said : “We will not give up.”", [
        ("TQ301", 1, 18, 19, " ", ""),
    ]),
    ("Unemployment fell\u202f; growth rose\u2009!", [
        ("TQ301", 1, 18, 19, "\u202f", ""),
        ("TQ301", 1, 32, 33, "\u2009", ""),
    ]),
    ("Inflation rose 4.9 % in December.", [
        ("TQ301", 1, 19, 20, " ", ""),
    ]),
    ("Inflation rose 4.9\u202f%.", [
        ("TQ301", 1, 19, 20, "\u202f", ""),
    ]),
    ("They attacked the base , then withdrew.", [
        ("TQ301", 1, 23, 24, " ", ""),
    ]),
    ("The results ,he said, were good.", [
        ("TQ301", 1, 12, 14, " ,", ", "),
    ]),
    ("It ended  .", [
        ("TQ301", 1, 9, 11, "  ", ""),
    ]),
    ("First paragraph.\\nIraq : US military defeats drone attack", [
        ("TQ301", 3, 5, 6, " ", ""),
    ]),
    ("He said it was over.. Then he left.", [
        ("TQ302", 1, 20, 22, "..", "."),
    ]),
    ("the attack was launched from the U.S..", [
        ("TQ302", 1, 37, 39, "..", "."),
    ]),
    ("Iran,, Iraq and Syria", [
        ("TQ302", 1, 5, 7, ",,", ","),
    ]),
    ("They met on Monday,. Nothing was decided.", [
        ("TQ302", 1, 19, 21, ",.", "."),
    ]),
    ("The minister said., “We will win.”", [
        ("TQ302", 1, 18, 20, ".,", ","),
    ]),
    ("The results were clear;; the vote was not.", [
        ("TQ302", 1, 23, 25, ";;", ";"),
    ]),
    ("There were two options:: fight or leave.", [
        ("TQ302", 1, 23, 25, "::", ":"),
    ]),
    ("He left,,, then came back.", [
        ("TQ302", 1, 8, 11, ",,,", ","),
    ]),
    ("They met,; nothing happened.", [
        ("TQ302", 1, 9, 11, ",;", ";"),
    ]),
    ("Done, etc.. Then he left at 9 a.m..", [
        ("TQ302", 1, 10, 12, "..", "."),
        ("TQ302", 1, 34, 36, "..", "."),
    ]),
]

CORRECT = [
    "The talks stalled... then resumed… and ended.",
    "The talks stalled ... then resumed … and ended, and so on ...",
    "He paused . . . then left.",
    "... and so it ended, he said.",
    "“I don’t know ...” he said.",
    "It was over…. Then they left…, he said. It went on....",
    "Microsoft's .NET platform and example.com are online.",
    "He bought a .22 rifle and a .50-caliber machine gun; the odds were .5 at best.",
    "Inflation rose 4.9% in December; growth rose: “Why?” he asked. Enough!",
    "What?! No!! Really?? Yahoo! and Jeopardy! are brands.",
    "He posted a smiley :) and a wink ;-) and a frown :( online.",
    "He typed the % sign, pressed the ? key and wrote x != y in the file.",
    "( !) is an editorial aside, as is [ ... ].",
    "The U.S., France and the U.K. agreed; the U.N. did not.",
    "Apples, pears, etc., were sold at 9 a.m.; Smith Jr., Acme Inc., and Gen. Smith agreed.",
    "John F., Kennedy's brother, came; Dr. Smith, Ph.D., spoke.",
    "Count 1..10 in C++ with std::map, from ../data, at 2001:db8::1.",
    "The U.S. military said the attack happened at 4:30 a.m. (8:30 p.m. Sunday EST) near the U.N. compound.",
    "Some 2,500 American soldiers and 1,000 soldiers; a rise of 4.9 percent.",
    "“He told me ‘never again,’ and then he left,” she said.",
    "Iran’s foreign minister and the ministers' spokesman said they don't expect talks.",
    "On January 3, 2020, and again on December 9, officials met.",
    ". A line may start with punctuation",
    ", and so may this one",
]


def _findings(text):
    return [f for f in run_rules(text, select=["TQ3"])]


@pytest.mark.parametrize("text,expected", FLAGGED, ids=[t for t, _ in FLAGGED])
def test_flagged_spans_and_suggestions(text, expected):
    found = [(f.rule, f.line, f.column, f.end_column, f.text, f.suggestion) for f in _findings(text)]
    assert found == expected


@pytest.mark.parametrize("text", CORRECT)
def test_correct_english_draws_nothing(text):
    found = _findings(text)
    assert not found, [(f.rule, f.text, f.message) for f in found]


def test_messages_say_why():
    [f] = _findings("Why did they do it ? Nobody knows.")
    assert "French" in f.message and "'?'" in f.message
    [f] = _findings("Why did they do it\u202f?")
    assert "narrow no-break space" in f.message
    [f] = _findings("the attack was launched from the U.S..")
    assert "single" in f.message


def test_seed_draws_exactly_the_airport_space():
    doc = read_document(SEED)
    found = run_rules(doc, select=["TQ3"])
    assert [(f.rule, f.line, f.text, f.suggestion) for f in found] == [("TQ301", 7, " ", "")]
    line = next(s.text for s in doc.segments if s.line == 7)
    f = found[0]
    assert line[f.column - 1:f.end_column - 1] == " "
    assert line[f.column - 8:f.end_column] == "Airport ."
