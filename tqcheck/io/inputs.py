"""Turn command-line arguments into aligned Documents.

A file argument is a translation; ``--ref`` (repeatable) and ``--src`` attach
references and a source to it. A directory argument is a sample directory when it
holds ``mt.en.txt`` (with optional ``ref.en.txt``, ``ref.*.en.txt`` and
``src.fr.txt``); any other directory is a corpus, searched recursively for sample
directories and for translations matching ``TRANSLATION_GLOB``. An argument with
``*``, ``?`` or ``[`` that is not an existing path is a glob pattern (``**`` recurses).

With ``--src-dir`` / ``--ref-dir`` (mirrored trees) each translation is paired with
the file at the same relative path there (see :func:`plan`). Files are read
lazily, one at a time (:func:`iter_inputs`), and each as a stream of aligned windows
of segments (:meth:`InputFile.windows`).
"""
from __future__ import annotations

import fnmatch
import glob
import os
import re
import sys
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterator, Sequence

from ..errors import InputError
from ..model import Document
from ..paths import matches_any
from . import formats
from .text import iter_segments

MT_NAME = "mt.en.txt"
REF_NAME = "ref.en.txt"
REF_GLOB = "ref.*.en.txt"
SRC_NAME = "src.fr.txt"
#: Translations found in a corpus directory (sample-directory files are found by name);
#: the ``include`` setting replaces it.
TRANSLATION_GLOB = "*.en.txt"
#: The language tag in a translation's name that --src-dir pairing maps to SOURCE_LANG.
LANG_TAG_RE = re.compile(r"\.en(?=\.|$)", re.IGNORECASE)
SOURCE_LANG = "fr"


#: Sample directories in other formats: the translation's name, and the extension its partners share
#: (``ref.en.md``, ``src.fr.md``); bilingual files carry their source.
MT_FORMAT_NAMES = ("mt.xlf", "mt.xliff", "mt.po", "mt.tmx", "mt.en.md", "mt.en.html")


def _mt_name(path: str) -> str | None:
    """The translation's name in a sample directory (None: ``path`` is not one)."""
    return next((n for n in (MT_NAME, *MT_FORMAT_NAMES) if os.path.isfile(os.path.join(path, n))), None)


def _sample_dir(path: str) -> tuple[str, list[str], str | None]:
    name = _mt_name(path)
    if name is None:
        raise InputError(
            f"{path}: directory has no {MT_NAME}; a sample directory holds {MT_NAME}, "
            f"optional {REF_NAME} and {SRC_NAME}"
        )
    mt = os.path.join(path, name)
    ext = name.split(".", 2)[-1] if name.startswith("mt.en.") else "txt"
    refs = []
    if os.path.isfile(os.path.join(path, f"ref.en.{ext}")):
        refs.append(os.path.join(path, f"ref.en.{ext}"))
    refs += sorted(glob.glob(os.path.join(glob.escape(path), f"ref.*.en.{ext}")))
    src = os.path.join(path, f"src.fr.{ext}")
    return mt, refs, src if os.path.isfile(src) and name.startswith("mt.en.") else None


def _misaligned(path: str, role: str, count: int, mt: str, mt_count: int) -> InputError:
    return InputError(
        f"{path}: {role} has {count} segments but {mt} has {mt_count}; "
        "the files must be aligned one non-empty line per segment"
    )


def align(doc: Document, other: Document, role: str) -> None:
    """InputError unless ``other`` (a reference or the source) has as many segments as ``doc``."""
    if len(other.segments) != len(doc.segments):
        raise _misaligned(other.path, role, len(other.segments), doc.path, len(doc.segments))


@dataclass
class InputFile:
    """A translation to check, with the paths of its references and source; nothing read yet."""

    path: str
    references: list[str] = field(default_factory=list)
    source: str | None = None
    #: The input format (tqcheck.io.formats.FORMATS): auto goes by the extension, then the content.
    fmt: str = "auto"

    def header(self) -> Document:
        """The document without its segments: the paths a report names (a bilingual file is its own source)."""
        source = self.source or (self.path if formats.by_name(self.path, self.fmt) in formats.BILINGUAL else None)
        return Document(self.path, [], [Document(r, []) for r in self.references],
                        Document(source, []) if source else None)

    def windows(self, size: int | None = None) -> Iterator[Document]:
        """The document as consecutive aligned windows of up to ``size`` segments (all: one window).

        The translation, references and source are read in step, line by line, so only
        one window of each is in memory. Files that do not align are an InputError,
        raised when the shorter one runs out.
        """
        size = size or sys.maxsize
        if self.path == formats.STDIN or formats.format_of(self.path, self.fmt) != "text":
            yield from formats.load(self.path, self.fmt, self.references, self.source).windows(size)
            return
        mt = iter_segments(self.path)
        partners = [(p, "reference", iter_segments(p)) for p in self.references]
        if self.source:
            partners.append((self.source, "source", iter_segments(self.source)))
        count = 0
        while True:
            segments = list(islice(mt, size))
            if not segments and count:
                break
            count += len(segments)
            aligned = []
            for path, role, stream in partners:
                got = list(islice(stream, len(segments)))
                if len(got) < len(segments):
                    have = count - len(segments) + len(got)
                    raise _misaligned(path, role, have, self.path, count + sum(1 for _ in mt))
                aligned.append(Document(path, got))
            yield Document(self.path, segments, aligned[:len(self.references)],
                           aligned[-1] if self.source else None)
            if not segments:
                break  # an empty translation is one empty window
        for path, role, stream in partners:
            extra = sum(1 for _ in stream)
            if extra:
                raise _misaligned(path, role, count + extra, self.path, count)

    def read_segments(self) -> Iterator:
        """The translation's segments read again, in order, as ``windows`` reads them (nothing else is read
        for a plain text file; another format is loaded again whole)."""
        if self.path == formats.STDIN or formats.format_of(self.path, self.fmt) != "text":
            yield from formats.load(self.path, self.fmt, self.references, self.source).segments
            return
        yield from iter_segments(self.path)

    def load(self) -> Document:
        """The whole document, references and source attached and aligned."""
        [doc] = self.windows()  # one window; reading to the end checks the alignment
        return doc


def load_one(mt: str, refs: Sequence[str] = (), src: str | None = None, fmt: str = "auto") -> Document:
    return InputFile(mt, list(refs), src, fmt).load()


def _is_glob(path: str) -> bool:
    return not os.path.exists(path) and any(c in path for c in "*?[")


def _excluded(path: str, exclude: Sequence[str], base: str | None) -> bool:
    return bool(exclude) and matches_any(path, exclude, base)


def _corpus_dir(
    path: str,
    include: Sequence[str] = (TRANSLATION_GLOB,),
    exclude: Sequence[str] = (),
    base: str | None = None,
    skip: Sequence[str] = (),
) -> list[tuple[str, list[str], str | None]]:
    """Every sample directory and every translation file under ``path``, in sorted order.

    A file is a translation when its name matches an ``include`` glob (a reference
    named like a sample directory's is not); ``exclude`` globs prune files and
    directories; the directories in ``skip`` (the --src-dir and --ref-dir trees) are
    not searched.
    """
    jobs, found = [], 0
    skip = [os.path.abspath(d) for d in skip]
    def unreadable(exc: OSError) -> None:
        where = exc.filename or path
        raise InputError(f"{where}: cannot read the directory ({exc.strerror or exc}); "
                         "make it readable, or leave it out with --exclude")

    for root, dirs, files in os.walk(path, onerror=unreadable):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and os.path.abspath(os.path.join(root, d)) not in skip
            and not _excluded(os.path.join(root, d), exclude, base)
        )
        name = next((n for n in (MT_NAME, *MT_FORMAT_NAMES) if n in files), None)
        if name is not None:
            found += 1
            if not _excluded(os.path.join(root, name), exclude, base):
                jobs.append(_sample_dir(root))
            dirs[:] = []  # a sample directory's files are its own
            continue
        for name in sorted(files):
            full = os.path.join(root, name)
            if fnmatch.fnmatch(name, REF_GLOB) or name == REF_NAME or not matches_any(full, include, base, name_only=True):
                continue
            found += 1
            if not _excluded(full, exclude, base):
                jobs.append((full, [], None))
    if not found:
        raise InputError(
            f"{path}: no translation found (no {MT_NAME} and no {' or '.join(include)} file); "
            f"a sample directory holds {MT_NAME}, optional {REF_NAME} and {SRC_NAME}"
        )
    return jobs


def _glob_root(pattern: str) -> str:
    """The directories of a glob pattern before its first wildcard (``articles/**/*.en.txt`` -> ``articles``)."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = []
    for part in parts[:-1]:
        if any(c in part for c in "*?["):
            break
        fixed.append(part)
    return "/".join(fixed) or ("/" if pattern.startswith("/") else ".")


def expand_with_roots(
    paths: Sequence[str],
    include: Sequence[str] = (TRANSLATION_GLOB,),
    exclude: Sequence[str] = (),
    base: str | None = None,
    skip: Sequence[str] = (),
) -> list[tuple[str, list[str], str | None, str]]:
    """``(translation, references, source, root)`` for each translation the arguments name.

    ``root`` is the directory whose relative paths --src-dir and --ref-dir mirror: a
    directory argument itself, the fixed part of a glob, a file's own directory.
    ``exclude`` applies to every file, named or found; ``include`` only to directory searches.
    """
    jobs = []
    for path in paths:
        if _is_glob(path):
            matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            if not matches:
                raise InputError(f"{path}: the pattern matches no file; check the pattern and quote it")
            root = _glob_root(path)
            jobs += [(m, [], None, root) for m in matches if not _excluded(m, exclude, base)]
        elif os.path.isdir(path):
            name = _mt_name(path)
            if name is not None:
                if not _excluded(os.path.join(path, name), exclude, base):
                    jobs.append((*_sample_dir(path), os.path.dirname(os.path.normpath(path))))
            else:
                jobs += [(*job, path) for job in _corpus_dir(path, include, exclude, base, skip)]
        elif not _excluded(path, exclude, base):
            jobs.append((path, [], None, os.path.dirname(path) or "."))
    return jobs


def load_inputs(paths: Sequence[str], refs: Sequence[str] = (), src: str | None = None, **options) -> list[Document]:
    """Documents for the given arguments, references and source attached and aligned.

    ``options`` are those of :func:`iter_inputs`.
    """
    return [job.load() for job in iter_inputs(paths, refs, src, **options)]


def iter_inputs(paths: Sequence[str], refs: Sequence[str] = (), src: str | None = None, **options) -> Iterator[InputFile]:
    """Like :func:`load_inputs`, but as InputFiles, each read only when its windows are wanted.

    Every argument is expanded and every partner looked up before the first document is
    read, so a usage error stops the run before any checking. ``options``: ``src_dir``,
    ``ref_dir``, ``require_pairs``, ``include``, ``exclude``, ``base``, ``warn`` (see
    :func:`plan`), and ``input_format`` (tqcheck.io.formats; default auto).
    """
    fmt = options.pop("input_format", None) or "auto"
    if fmt not in formats.FORMATS:
        raise InputError(f"unknown input format {fmt!r}; use one of {', '.join(formats.FORMATS)}")
    jobs = plan(paths, refs, src, **options)
    return (InputFile(mt, job_refs, job_src, fmt) for mt, job_refs, job_src in jobs)


def _tagged(name: str, lang: str) -> str:
    """``story.en.txt`` -> ``story.fr.txt``: the last ``.en`` language tag of a name becomes ``.lang``."""
    matches = list(LANG_TAG_RE.finditer(name))
    if not matches:
        return name
    m = matches[-1]
    return name[:m.start()] + "." + lang + name[m.end():]


def _partner(path: str, root: str, directory: str, lang: str | None) -> str:
    rel = os.path.relpath(path, root)
    if lang:
        rel = os.path.join(os.path.dirname(rel), _tagged(os.path.basename(rel), lang))
    return os.path.normpath(os.path.join(directory, rel))


def _identity(path: str):
    """What tells two names of one file apart from two files: device and inode, else the real path."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return st.st_dev, st.st_ino


#: The names a sample directory's files have (the protected names of a directory argument).
SAMPLE_NAMES = (MT_NAME, REF_NAME, REF_GLOB, SRC_NAME)


def named_inputs(
    paths: Sequence[str],
    refs: Sequence[str] = (),
    src: str | None = None,
    *,
    src_dir: str | None = None,
    ref_dir: str | None = None,
    include: Sequence[str] = (TRANSLATION_GLOB,),
) -> tuple[list[str], list[tuple[str, tuple[str, ...]]]]:
    """Every file the arguments name or could name, excluded or not, without reading any:
    ``(files, trees)``, trees being ``(directory, name globs)`` whose matching files are inputs
    (for refusing an output path that is an input; see tqcheck.output.Inputs)."""
    files: list[str] = [*refs, *([src] if src else [])]
    trees: list[tuple[str, tuple[str, ...]]] = []
    for path in paths:
        if _is_glob(path):
            files += glob.glob(path, recursive=True)
        elif os.path.isdir(path):
            trees.append((path, tuple(include) + SAMPLE_NAMES))
        else:
            files.append(path)
    trees += [(d, ("*",)) for d in (src_dir, ref_dir) if d]
    return files, trees


def plan(
    paths: Sequence[str],
    refs: Sequence[str] = (),
    src: str | None = None,
    *,
    src_dir: str | None = None,
    ref_dir: str | None = None,
    require_pairs: bool = False,
    include: Sequence[str] = (TRANSLATION_GLOB,),
    exclude: Sequence[str] = (),
    base: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[tuple[str, list[str], str | None]]:
    """``(translation, references, source)`` for each translation, partners found, nothing read.

    With ``src_dir`` / ``ref_dir`` each translation is paired with the file at the same
    path relative to its root (see :func:`expand_with_roots`) under that directory, the
    ``.en`` tag of the name becoming ``.fr`` for the source. A sample directory's own
    ``ref.en.txt`` / ``src.fr.txt`` win. A missing partner is passed to ``warn`` and the
    translation is checked without it, or is an InputError with ``require_pairs``.
    """
    if not paths:
        raise InputError("no input: give a translation file or a sample directory")
    for flag, value, directory in (("--src", src, src_dir), ("--ref", refs, ref_dir)):
        if value and directory:
            raise InputError(f"{flag} and {flag}-dir both given; use {flag} for one file, {flag}-dir for a tree")
        if directory and not os.path.isdir(directory):
            raise InputError(f"{directory}: {flag}-dir is not a directory; check the path")
    skip = [d for d in (src_dir, ref_dir) if d]
    jobs = expand_with_roots(paths, include, exclude, base, skip)
    if (refs or src) and len(jobs) > 1:
        raise InputError("--ref and --src apply to one translation; give a single file with them")
    out, seen = [], set()
    for mt, job_refs, job_src, root in jobs:
        key = _identity(mt)
        if key in seen:
            continue  # the same file named twice (or through a link) is checked once
        seen.add(key)
        job_refs, job_src = list(refs) or job_refs, src or job_src
        for role, flag, directory, lang, have in (
            ("reference", "--ref-dir", ref_dir, None, job_refs),
            ("source", "--src-dir", src_dir, SOURCE_LANG, job_src),
        ):
            if not directory or have:
                continue
            partner = _partner(mt, root, directory, lang)
            if os.path.isfile(partner):
                if role == "reference":
                    job_refs = [partner]
                else:
                    job_src = partner
            elif require_pairs:
                raise InputError(f"{mt}: no {role} at {partner} ({flag}); --require-pairs needs every translation paired")
            elif warn is not None:
                warn(f"{mt}: no {role} at {partner} ({flag}); checked without it")
        out.append((mt, job_refs, job_src))
    return out
