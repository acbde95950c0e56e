"""Turn command-line arguments into aligned Documents.

A file argument is a translation; ``--ref`` (repeatable) and ``--src`` attach
references and a source to it. A directory argument is a sample directory:
``mt.en.txt``, optional ``ref.en.txt`` and ``ref.*.en.txt``, optional ``src.fr.txt``.
"""
from __future__ import annotations

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


def load_inputs(paths: Sequence[str], refs: Sequence[str] = (), src: str | None = None) -> list[Document]:
    """Documents for the given arguments, references and source attached and aligned."""
    if not paths:
        raise InputError("no input: give a translation file or a sample directory")
    jobs = []
    for path in paths:
        if os.path.isdir(path):
            mt, dir_refs, dir_src = _sample_dir(path)
            jobs.append((mt, list(refs) or dir_refs, src or dir_src))
        else:
            jobs.append((path, list(refs), src))
    if (refs or src) and len(jobs) > 1:
        raise InputError("--ref and --src apply to one translation; give a single file with them")
    return [load_one(*job) for job in jobs]
