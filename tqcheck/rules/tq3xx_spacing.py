"""TQ3xx: French typographic spacing and doubled punctuation left in English text."""
from __future__ import annotations

import re

from ..model import Severity
from ..registry import RegexRule, register
from ..text.data import word_set
from ..text.punctuation import SPACES


_SPACE_NAMES = {
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u2009": "thin space",
    "\u2007": "figure space",
    "\u200a": "hair space",
    "\t": "tab",
}


def _describe_spaces(spaces: str) -> str:
    kinds = {_SPACE_NAMES.get(c, "space") for c in spaces}
    if kinds == {"space"}:
        return "a space" if len(spaces) == 1 else "spaces"
    return " and ".join(sorted(kinds))


@register
class SpaceBeforePunctuation(RegexRule):
    """Space before a period, comma, semicolon, colon, exclamation or question mark, or percent sign.

    French typography puts a (narrow, no-break) space before ; : ! ? and % and
    machine translation often leaves a stray space before a period or comma;
    English sets all of these tight against the preceding word ("Why?",
    "4.9%", "the airport."). The span is the space(s); the fix deletes them.
    A comma stuck to the next word instead ("results ,he said") is reported
    on the space and comma, with ", " as the fix.

    Not flagged: an ellipsis after a space ("and so on ...", "... ", ". . .": AP
    treats the ellipsis as a word with a space on each side), a period or other
    mark directly followed by a letter or digit (".NET", ".com", "a .22 rifle",
    "the .50-caliber"), a line starting with punctuation, a % sign not after a
    number ("the % sign"), a mark named after "the"/"a" ("the ? key"),
    emoticons (":)", ";-)"), "!=", and a space after an opening bracket
    ("( !)"). A space before a closing quote is TQ203's business.

    Flag: the vehicle was on the road to Baghdad International Airport . With him was Abu Mehdi.
    Flag: Why did they do it ? Nobody knows.
    Flag: The minister said : “We will not give up.”
    Flag: Inflation rose 4.9 % in December.
    Flag: Unemployment fell\u202f; growth rose.
    Flag: They attacked the base , then withdrew.
    Flag: Enough !
    Flag: The results ,he said, were good.
    Okay: The talks stalled ... then resumed … and ended.
    Okay: He paused . . . then left.
    Okay: Microsoft's .NET platform and example.com are online.
    Okay: He bought a .22 rifle and a .50-caliber machine gun.
    Okay: ... and so it ended, he said.
    Okay: Inflation rose 4.9% in December; growth rose: “Why?” he asked. Enough!
    Okay: He posted a smiley :) and a wink ;-) online.
    Okay: He typed the % sign, pressed the ? key and wrote x != y in the file.
    Okay: The U.S. military said the attack happened at 4:30 a.m. (8:30 p.m. Sunday EST).
    """

    code = "TQ301"
    fix_safety = "safe"
    name = "space-before-punctuation"
    category = "fluency/punctuation"
    severity = Severity.MINOR
    pattern = re.compile(rf"(?<=[^\s(\[{{“‘«])([{SPACES}]+)([.,;:!?%])")
    requires = re.compile(rf"[{SPACES}][.,;:!?%]")
    _NUMBER_BEFORE = re.compile(r"\d[\d.,]*$")
    _ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:the|a|an)$", re.I)
    _EMOTICON = re.compile(r"-?'?[()\[\]|/\\*]")
    _SPACED_ELLIPSIS = re.compile(rf"\.(?:[{SPACES}]?\.){{2,}}")

    def match(self, m, seg):
        """``(message, suggestion, start, end)`` for a hit, or None."""
        text, mark, after = seg.text, m.group(2), seg.text[m.end():m.end() + 1]
        if mark == "," and after.isalpha():
            return (
                "space before a comma instead of after it: English writes 'word, word'",
                ", ", m.start(1), m.end(2),
            )
        if after and (after.isalnum() or after == "_"):
            return None  # .NET, .com, a .22 rifle, :D
        if mark == "." and (after in (".", "…") or self._in_spaced_ellipsis(text, m.start(2))):
            return None  # an ellipsis after a space is correct
        if mark in ":;" and self._EMOTICON.match(text, m.end()):
            return None  # :) ;-) :/
        if mark == "!" and after == "=":
            return None
        alone = not after or after.isspace()
        if alone and self._ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            return None  # a mark named as a symbol: "the ? key", "a ; sign"
        before = text[m.start() - 1]
        if mark == "%" and not before.isdigit():
            return None  # "the % sign"
        spaces = _describe_spaces(m.group(1))
        if mark in ".,":
            what = "period" if mark == "." else "comma"
            why = f"English puts no space before a {what}"
        elif mark == "%":
            number = self._NUMBER_BEFORE.search(text, max(0, m.start() - 24), m.start())
            why = f"French puts a space before the percent sign; English writes '{number.group(0)}%'"
        else:
            why = f"French typography puts a space before '{mark}'; English does not"
        return f"{spaces} before '{mark}': {why}", "", m.start(1), m.end(1)

    @classmethod
    def _in_spaced_ellipsis(cls, text: str, pos: int) -> bool:
        lo = max(0, pos - 8)
        return any(
            e.start() <= pos < e.end() for e in cls._SPACED_ELLIPSIS.finditer(text, lo, pos + 8)
        )


@register
class DoubledPunctuation(RegexRule):
    """Doubled punctuation: two periods, two commas, a comma and a period, and the like.

    English ends a sentence with one period, even after an abbreviation ("the
    U.S." not "the U.S.."), and never stacks a comma and a period, or two
    commas, semicolons or colons; these are MT or editing debris. The
    suggestion is the last mark of the run.

    Not flagged: an ellipsis (three or more periods, "...." = ellipsis plus
    period, "...," and "…."), "?!", "!!" and "??" (informal but English), an
    abbreviation's period followed by a comma, semicolon or colon ("the U.S.,",
    "etc.,", "9 a.m.;", "Gen.:"), runs inside a token ("1..10", "std::map",
    "../data", "2001:db8::1"), and a run after a space or at the start of a line.

    Flag: the attack was launched from the U.S..
    Flag: He said it was over.. Then he left.
    Flag: Iran,, Iraq and Syria
    Flag: They met on Monday,. Nothing was decided.
    Flag: The results were clear;; the vote was not.
    Flag: The minister said., “We will win.”
    Flag: There were two options:: fight or leave.
    Okay: The talks stalled... then resumed.... It was over…. Then they left…, he said.
    Okay: The U.S., France and the U.K. agreed; the U.N. did not.
    Okay: Apples, pears, etc., were sold at 9 a.m.; Smith Jr., Acme Inc., and Gen. Smith agreed.
    Okay: What?! No!! Really??
    Okay: Count 1..10 in C++ with std::map, from ../data, at 2001:db8::1.
    Okay: John F., Kennedy's brother, came.
    Okay: Sen. Ted Cruz, R-Tex., and Gov. Gavin Newsom of Sacramento, Calif., met the HIB Kft., Esq., staff.
    """

    code = "TQ302"
    fix_safety = "safe"
    name = "doubled-punctuation"
    category = "fluency/punctuation"
    severity = Severity.MINOR
    data_files = ("spacing_abbreviations.txt",)
    pattern = re.compile(r"(?<![.,;:…])[.,;:]{2,}(?![.,;:…])")
    requires = re.compile(r"[.,;:]{2}")
    _TOKEN_BEFORE = re.compile(r"([^\s(\[{“‘\"'«]*)$")

    def match(self, m, seg):
        text, run = seg.text, m.group(0)
        start, end = m.span()
        if "..." in run:
            return None  # an ellipsis, possibly with another mark
        before = text[start - 1] if start else ""
        after = text[end:end + 1]
        if not before or before.isspace():
            return None
        if after and (after.isalnum() or after in "_/\\"):
            return None  # 1..10, std::map, ../data, 2001:db8::1
        if run[0] == "." and run[1] != "." and self._abbreviation_before(text, start):
            return None  # U.S., etc., a.m.;
        return (
            f"doubled punctuation '{run}': English uses a single mark here",
            run[-1],
        )

    @classmethod
    def _abbreviation_before(cls, text: str, pos: int) -> bool:
        token = cls._TOKEN_BEFORE.search(text, 0, pos).group(1)
        if not token or "." in token:
            return True  # U.S, a.m, Ph.D: the period belongs to the abbreviation
        if len(token) == 1 and token.isalpha():
            return True  # an initial: John F.,
        return token.lower().rsplit("-", 1)[-1] in word_set("spacing_abbreviations.txt")  # Calif., R-Tex.

