"""Turn command-line arguments into aligned Documents.

A file argument is a translation; ``--ref`` (repeatable) and ``--src`` attach
references and a source to it. A directory argument is a sample directory when it
holds ``mt.en.txt`` (with optional ``ref.en.txt``, ``ref.*.en.txt`` and
``src.fr.txt``); any other directory is a corpus, searched recursively for sample
directories and for translations matching ``TRANSLATION_GLOB``. An argument with
``*``, ``?`` or ``[`` that is not an existing path is a glob pattern (``**`` recurses).
"""
from __future__ import annotations

import fnmatch
import glob
import os
from typing import Sequence

from ..errors import InputError
from ..model import Document
from .text import read_document

MT_NAME = "mt.en.txt"
REF_NAME = "ref.en.txt"
REF_GLOB = "ref.*.en.txt"
SRC_NAME = "src.fr.txt"
#: Translations found in a corpus directory (sample-directory files are found by name).
TRANSLATION_GLOB = "*.en.txt"


def _sample_dir(path: str) -> tuple[str, list[str], str | None]:
    mt = os.path.join(path, MT_NAME)
    if not os.path.isfile(mt):
        raise InputError(
            f"{path}: directory has no {MT_NAME}; a sample directory holds {MT_NAME}, "
            f"optional {REF_NAME} and {SRC_NAME}"
        )
    refs = []
    if os.path.isfile(os.path.join(path, REF_NAME)):
        refs.append(os.path.join(path, REF_NAME))
    refs += sorted(glob.glob(os.path.join(glob.escape(path), REF_GLOB)))
    src = os.path.join(path, SRC_NAME)
    return mt, refs, src if os.path.isfile(src) else None


def _align(doc: Document, other: Document, role: str) -> None:
    if len(other.segments) != len(doc.segments):
        raise InputError(
            f"{other.path}: {role} has {len(other.segments)} segments but {doc.path} has "
            f"{len(doc.segments)}; the files must be aligned one non-empty line per segment"
        )


def load_one(mt: str, refs: Sequence[str] = (), src: str | None = None) -> Document:
    doc = read_document(mt)
    for ref in refs:
        rdoc = read_document(ref)
        _align(doc, rdoc, "reference")
        doc.references.append(rdoc)
    if src:
        sdoc = read_document(src)
        _align(doc, sdoc, "source")
        doc.source = sdoc
    return doc


def _is_glob(path: str) -> bool:
    return not os.path.exists(path) and any(c in path for c in "*?[")


def _corpus_dir(path: str) -> list[tuple[str, list[str], str | None]]:
    """Every sample directory and every translation file under ``path``, in sorted order."""
    jobs = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if MT_NAME in files:
            jobs.append(_sample_dir(root))
            dirs[:] = []  # a sample directory's files are its own
            continue
        for name in sorted(files):
            if fnmatch.fnmatch(name, TRANSLATION_GLOB) and not fnmatch.fnmatch(name, REF_GLOB) and name != REF_NAME:
                jobs.append((os.path.join(root, name), [], None))
    if not jobs:
        raise InputError(
            f"{path}: no translation found (no {MT_NAME} and no {TRANSLATION_GLOB} file); "
            f"a sample directory holds {MT_NAME}, optional {REF_NAME} and {SRC_NAME}"
        )
    return jobs


def expand(paths: Sequence[str]) -> list[tuple[str, list[str], str | None]]:
    """``(translation, references, source)`` for each translation the arguments name."""
    jobs = []
    for path in paths:
        if _is_glob(path):
            matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            if not matches:
                raise InputError(f"{path}: the pattern matches no file; check the pattern and quote it")
            jobs += [(m, [], None) for m in matches]
        elif os.path.isdir(path):
            if os.path.isfile(os.path.join(path, MT_NAME)):
                jobs.append(_sample_dir(path))
            else:
                jobs += _corpus_dir(path)
        else:
            jobs.append((path, [], None))
    return jobs


def load_inputs(paths: Sequence[str], refs: Sequence[str] = (), src: str | None = None) -> list[Document]:
    """Documents for the given arguments, references and source attached and aligned."""
    if not paths:
        raise InputError("no input: give a translation file or a sample directory")
    jobs = expand(paths)
    if (refs or src) and len(jobs) > 1:
        raise InputError("--ref and --src apply to one translation; give a single file with them")
    return [load_one(mt, list(refs) or job_refs, src or job_src) for mt, job_refs, job_src in jobs]
