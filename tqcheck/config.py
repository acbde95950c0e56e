"""Settings for a run: defaults here, then a configuration file, then command-line flags.

The file is ``--config FILE``, else the first ``.tqcheck.toml`` or ``pyproject.toml``
with a ``[tool.tqcheck]`` table found searching upward from the working directory
(in one directory ``.tqcheck.toml`` wins). Keys are kebab-case; an unknown key or a
value of the wrong type is an InputError naming the file and the key.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, fields

from .errors import InputError
from .model import Severity

TOKENIZERS = ("13a", "intl", "char")
#: How documents are found in a file (tqcheck.text.documents.MODES, without docids: that is --docids).
DOCUMENT_MODES = ("auto", "file", "blank-lines", "headlines")


@dataclass
class Config:
    fail_under: float = 95.0
    select: tuple[str, ...] = ()
    #: Rules added to the default set (or to ``select``); opt-in rules are named here by code or name.
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    #: sacrebleu tokenizer for BLEU (13a, intl or char; none needs a download).
    tokenize: str = "13a"
    #: Language identification: segments shorter than this are never sent to langdetect.
    langid_min_chars: int = 40
    #: ...and a non-English verdict counts only at or above this probability.
    langid_min_prob: float = 0.90
    #: How many worst segments against the reference the report shows.
    worst: int = 3
    #: Processes for the metric statistics of large documents (0: one per core; 1: no extra process).
    jobs: int = 0
    #: A Dask scheduler (tcp://HOST:8786, or local:N for a LocalCluster of N processes) that checks the
    #: documents instead of local workers (see tqcheck.dask_backend); None: local processes.
    scheduler: str | None = None
    #: The lowest severity that fails a file whatever its quality (None: only the threshold).
    fail_on: Severity | None = Severity.CRITICAL
    #: Which files a directory search takes as translations (globs, see tqcheck.paths).
    include: tuple[str, ...] = ("*.en.txt",)
    #: Files never checked, wherever they come from (globs, see tqcheck.paths).
    exclude: tuple[str, ...] = ()
    #: glob -> rule patterns ignored in the files it matches.
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The directory path globs are relative to (the config file's); None: the working directory.
    root: str | None = None
    #: Glossary files (.tsv, .csv, .tbx) in force besides the default glossary (see tqcheck.glossary).
    glossaries: tuple[str, ...] = ()
    #: Whether the default glossary (transliterations, exonyms, acronyms, calques) is in force.
    default_glossary: bool = True
    #: Preferred spellings of names where the glossary is silent (a tuple, or variant -> preferred).
    prefer: tuple[str, ...] | dict[str, str] = ()
    #: How the documents (stories) of a file are found: auto, file, blank-lines, headlines (see
    #: tqcheck.text.documents); ``docids``: a file of document ids, one per segment.
    documents: str = "auto"
    docids: str | None = None
    #: Where each key given was set (its file, or "command line"), for error messages.
    origins: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


# --- Configuration files --------------------------------------------------------------------
# Kept below the dataclass: the loader maps kebab-case keys to Config fields, checks each
# value's type, and remembers where each setting came from (for ``tqcheck config show``).

CONFIG_NAME = ".tqcheck.toml"
PYPROJECT_NAME = "pyproject.toml"
DEFAULT_ORIGIN = "default"
COMMAND_LINE_ORIGIN = "command line"
FAIL_ON_CHOICES = ("minor", "major", "critical", "none")


class _Bad(Exception):
    """A value of the wrong type; the message says what the key must be."""


def _number(lo: float, hi: float):
    def convert(value, base):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
            raise _Bad(f"must be a number from {lo:g} to {hi:g}")
        return float(value)
    return convert


def _count(value, base):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Bad("must be a whole number, 0 or more")
    return value


#: Worker processes at most, whatever --jobs says: more only compete for the cores.
MAX_JOBS_PER_CORE, MAX_JOBS_CAP = 4, 64


def max_jobs() -> int:
    """The largest ``jobs`` accepted: 4 per core, at most 64."""
    return min(MAX_JOBS_CAP, MAX_JOBS_PER_CORE * (os.cpu_count() or 1))


def _jobs(value, base):
    value = _count(value, base)
    if value > max_jobs():
        raise _Bad(f"must be at most {max_jobs()} (4 worker processes per core, at most {MAX_JOBS_CAP}); "
                   "0 means one per core")
    return value


def _choice(choices):
    def convert(value, base):
        if not isinstance(value, str) or value not in choices:
            raise _Bad("must be one of " + ", ".join(repr(c) for c in choices))
        return value
    return convert


def _fail_on(value, base):
    value = _choice(FAIL_ON_CHOICES)(value, base)
    return None if value == "none" else Severity(value)


def _strings(value, base) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Bad("must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _boolean(value, base) -> bool:
    if not isinstance(value, bool):
        raise _Bad("must be true or false")
    return value


def _severity_table(value, base) -> dict[str, Severity]:
    choices = tuple(s.value for s in Severity)
    if not isinstance(value, dict) or not all(isinstance(v, str) and v in choices for v in value.values()):
        raise _Bad("must be a table of rule = " + " | ".join(repr(c) for c in choices))
    return {k: Severity(v) for k, v in value.items()}


def _per_file_ignores(value, base) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise _Bad('must be a table of "glob" = ["rule", ...]')
    return {glob: _strings(rules, base) for glob, rules in value.items()}


def _paths(value, base) -> tuple[str, ...]:
    from .paths import relative

    return tuple(relative(os.path.join(base, p)) for p in _strings(value, base))


def _prefer(value, base):
    """``prefer``: a list of preferred spellings, or a table variant = preferred spelling."""
    if isinstance(value, dict):
        if not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise _Bad('must be a list of strings or a table of "variant" = "preferred"')
        return dict(value)
    try:
        return _strings(value, base)
    except _Bad:
        raise _Bad('must be a list of strings or a table of "variant" = "preferred"') from None


#: file key -> (Config field, converter(value, base directory))
KEYS = {
    "fail-under": ("fail_under", _number(0, 100)),
    "fail-on": ("fail_on", _fail_on),
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "severity": ("severity", _severity_table),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "glossary": ("glossaries", _paths),
    "default-glossary": ("default_glossary", _boolean),
    "prefer": ("prefer", _prefer),
    "tokenize": ("tokenize", _choice(TOKENIZERS)),
    "documents": ("documents", _choice(DOCUMENT_MODES)),
    "worst": ("worst", _count),
    "jobs": ("jobs", _jobs),
    "langid-min-chars": ("langid_min_chars", _count),
    "langid-min-prob": ("langid_min_prob", _number(0, 1)),
}


@dataclass
class Settings:
    """The configuration in force, the file it came from, and each key's origin."""

    config: Config
    file: str | None
    origins: dict[str, str]

    def items(self) -> list[tuple[str, object, str]]:
        """``(key, value, origin)`` for every key, in KEYS order (keys Config lacks are left out)."""
        out = []
        for key, (name, _) in KEYS.items():
            if hasattr(self.config, name):
                out.append((key, getattr(self.config, name), self.origins.get(key, DEFAULT_ORIGIN)))
        return out


def _read_toml(path: str) -> dict:
    from .io.text import read_text

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    text = read_text(path)
    try:
        return tomllib.loads(text[1:] if text.startswith("\ufeff") else text)  # a BOM is accepted
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc}); fix the syntax") from None


def _table(path: str) -> tuple[dict | None, str]:
    """The tqcheck settings in ``path`` (None when a pyproject.toml has none) and their name."""
    if os.path.basename(path) != PYPROJECT_NAME:
        return _read_toml(path), ""
    tool = _read_toml(path).get("tool", {})
    if not isinstance(tool, dict):
        raise InputError(f"{path}: 'tool' must be a table ([tool] or [tool.tqcheck]); fix the file")
    table = tool.get("tqcheck")
    if table is not None and not isinstance(table, dict):
        raise InputError(f"{path}: [tool.tqcheck] must be a table")
    return table, "[tool.tqcheck]"


def find_config(start: str | None = None) -> str | None:
    """The first .tqcheck.toml, or pyproject.toml with [tool.tqcheck], from ``start`` upward."""
    directory = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(directory, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(directory, PYPROJECT_NAME)
        if os.path.isfile(candidate):
            try:
                with open(candidate, encoding="utf-8", errors="replace") as fh:
                    mentions = "tqcheck" in fh.read()
            except OSError:
                mentions = False
            if mentions and _table(candidate)[0] is not None:
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _apply(values: dict, origins: dict, table: dict, where: str, base: str, origin: str, what: str) -> None:
    import difflib

    given = {}
    for key, value in table.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, list(KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
            raise InputError(f"{where}: unknown key {key!r}{' in ' + what if what else ''}{hint}")
        name, convert = KEYS[key]
        if name not in _FIELDS:
            raise InputError(f"{where}: {key!r} is not supported by this version of tqcheck")
        try:
            given[name] = convert(value, base)
        except _Bad as exc:
            raise InputError(f"{where}: {key!r} {exc}") from None
        origins[key] = origin
    values.update(given)


_FIELDS = {f.name for f in fields(Config)}


def load_settings(config_file: str | None = None, flags: dict | None = None, cwd: str | None = None) -> Settings:
    """Defaults, then the configuration file, then ``flags`` (kebab-case keys; None = not given)."""
    from .paths import relative

    cwd = os.path.abspath(cwd or os.getcwd())
    values: dict = {}
    origins = {key: DEFAULT_ORIGIN for key in KEYS}
    path = config_file if config_file is not None else find_config(cwd)
    if path is not None:
        if not os.path.isfile(path):
            raise InputError(f"{path}: no such configuration file; check --config")
        table, what = _table(path)
        if table is None:
            raise InputError(f"{path}: no [tool.tqcheck] table; add one or name another file with --config")
        base, shown = os.path.dirname(os.path.abspath(path)), path if config_file else relative(path, cwd)
        _apply(values, origins, table, shown, base, shown, what)
        values["root"] = base
    given = {k: v for k, v in (flags or {}).items() if v is not None and v != ()}
    _apply(values, origins, given, "command line", cwd, COMMAND_LINE_ORIGIN, "")
    given_origins = {k: v for k, v in origins.items() if v != DEFAULT_ORIGIN}
    return Settings(config=Config(**values, origins=given_origins), file=path, origins=origins)


def toml_value(value) -> str:
    """``value`` written as TOML (for ``tqcheck config show``)."""
    if value is None:
        return '"none"'
    if isinstance(value, Severity):
        return f'"{value.value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)
