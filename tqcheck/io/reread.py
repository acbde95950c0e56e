"""The segments of a checked file, held as a count and a word count, and read again when quoted.

A report names every segment of a file (how many, how many words) but quotes only the
segments its findings are in (the terminal report, baseline fingerprints, ``--show-source``).
Holding every segment of a large file for the whole run would make memory grow with the
corpus, so the engine keeps the count and the words as windows pass, and ``keep`` reads the
file once more, at the end, for the segments the findings point at. Any other segment, or
all of them in order (the HTML report lists every one), is read again from the file when
asked: the same reader, so the same segments. Standard input is read once and cached
(``formats.read_bytes``), so it is read "again" from memory.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from ..model import Segment


class SegmentsReadAgain(Sequence):
    """Sequence of a file's segments (0-based positions, as ``Document.segments``) that holds only those kept."""

    def __init__(self, read: Callable[[], Iterable[Segment]], path: str = "") -> None:
        self._read, self.path = read, path
        self._count = 0
        #: Words of all the segments (``Document.words`` uses it rather than reading them again).
        self.words = 0
        self._kept: dict[int, Segment] = {}

    def extend(self, segments: Sequence[Segment]) -> None:
        """Count a window of segments that has been checked (they are not held)."""
        self._count += len(segments)
        self.words += sum(s.words for s in segments)

    def keep(self, positions: Iterable[int]) -> None:
        """Hold the segments at ``positions`` from now on (one more reading of the file, if any is new)."""
        wanted = {p for p in positions if 0 <= p < self._count and p not in self._kept}
        if not wanted:
            return
        for p, seg in enumerate(self._read()):
            if p in wanted:
                self._kept[p] = seg
                wanted.discard(p)
                if not wanted:
                    return
        raise InputError(f"{self.path}: the file changed while it was checked (it has fewer segments now); "
                         "check it again")

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(self)[i]
        p = i + self._count if i < 0 else i
        if not 0 <= p < self._count:
            raise IndexError("segment position out of range")
        if p not in self._kept:
            self.keep([p])
        return self._kept[p]

    def __iter__(self) -> Iterator[Segment]:
        for p, seg in enumerate(self._read()):
            if p >= self._count:
                return
            yield seg


def held_segments(item) -> "list[Segment] | SegmentsReadAgain":
    """Where the engine puts a document's segments as they are checked: a list for a Document in memory
    (it holds them anyway), a SegmentsReadAgain for a file that can be read again (``read_segments``)."""
    read = getattr(item, "read_segments", None)
    return SegmentsReadAgain(read, item.path) if read is not None else []
