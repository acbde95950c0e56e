"""Writing files safely: the one way tqcheck writes a report, a baseline, a diff or a comparison.

A target is a new path or an existing regular file; anything else (a directory, a
device such as /dev/null, a FIFO, a socket) is refused, and so is any file that is an
input of the run in any role (compared by device and inode, so symlinks and hard links
are seen through). A symlink to a regular file is kept: its target is written. An
existing file keeps its permission bits; a new one gets the usual mode (0666 less the
umask). The text goes to a temporary file in the target's directory, is flushed and
fsynced, then renamed over the target, so a reader sees the old file or the new one,
never half of one. If tqcheck is stopped by SIGTERM, SIGHUP or SIGINT meanwhile, the
temporary file is removed. Every failure is an InputError that names the file and
says what to do.
"""
from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence, TextIO

from .errors import InputError

TEMP_PREFIX = ".tqcheck-"
#: Signals on which a temporary file is removed before tqcheck stops.
CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))

_temporaries: set[str] = set()


def file_key(path: str) -> tuple[int, int] | None:
    """``(st_dev, st_ino)`` of what ``path`` names, symlinks followed (None when it does not exist)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


class Inputs:
    """The files a run reads, in every role: ``protects(target)`` says whether writing there would
    overwrite one. ``trees`` are ``(directory, name globs)``: a target inside such a directory whose
    name matches would be read by the run (or the next one, excluded or not), so it is refused too."""

    def __init__(self, files: Iterable[str | None] = (), trees: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self.keys: set[tuple[int, int]] = set()
        self.trees = [(os.path.realpath(d), tuple(names)) for d, names in trees if d]
        self.add(*files)

    def add(self, *paths: str | None) -> None:
        self.keys.update(k for k in (file_key(p) for p in paths if p) if k is not None)

    def protects(self, target: str) -> bool:
        import fnmatch

        if file_key(target) in self.keys:
            return True
        real = os.path.realpath(target)
        name = os.path.basename(real)
        return any(real.startswith(directory.rstrip(os.sep) + os.sep) and any(fnmatch.fnmatch(name, n) for n in names)
                   for directory, names in self.trees)


def _new_file_mode() -> int:
    """The mode a new file gets under the current umask (0644 with the usual umask 022)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def check_target(path: str, inputs: Inputs | None = None, what: str = "--output") -> str:
    """The real path to write for ``path`` (symlinks resolved), or an InputError saying why not."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(f"{path}: cannot use as {what} ({exc.strerror or exc}); choose another path") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: {what} is a directory; name a file in it")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: {what} is not a regular file (a device, pipe or socket); "
                             "name a regular file, or leave out the option to write to stdout")
    if inputs is not None and inputs.protects(real):
        raise InputError(f"{path}: {what} would overwrite an input of this run; choose another path")
    directory = os.path.dirname(real)
    if not os.path.isdir(directory):
        raise InputError(f"{path}: {what}: no such directory {directory}; create it first")
    return real


def write_error(path: str, exc: OSError, what: str = "--output") -> InputError:
    """The InputError for a failed write: disk full, file too large, permission, ..."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        hint = "the disk is full; free some space or write elsewhere"
    elif exc.errno == errno.EFBIG:
        hint = "the file is larger than allowed (file size limit); raise the limit or write elsewhere"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "permission denied; choose a writable path"
    else:
        hint = f"{exc.strerror or exc}; choose another path"
    return InputError(f"{path}: cannot write {what} ({hint})")


def _on_signal(signum, frame) -> None:
    """Remove the temporary files, then die of the same signal as we would have."""
    for tmp in list(_temporaries):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _temporaries.discard(tmp)
    if signum == getattr(signal, "SIGINT", None):
        raise KeyboardInterrupt
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for sig in CLEANUP_SIGNALS:
        try:
            if signal.getsignal(sig) is signal.SIG_IGN:
                continue  # nohup: keep ignoring it
            saved[sig] = signal.signal(sig, _on_signal)
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


@contextmanager
def safe_output(path: str, inputs: Inputs | None = None, what: str = "--output") -> Iterator[TextIO]:
    """A text stream whose contents replace ``path`` atomically when the block ends without error."""
    real = check_target(path, inputs, what)
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        mode = _new_file_mode()
    with _cleanup_on_signals():
        try:
            fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=os.path.dirname(real))
        except OSError as exc:
            raise write_error(path, exc, what) from None
        _temporaries.add(tmp)
        try:
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    yield fh
                    fh.flush()
                    os.fsync(fh.fileno())
                    os.fchmod(fh.fileno(), mode)
                os.replace(tmp, real)
                _temporaries.discard(tmp)
            except OSError as exc:
                raise write_error(path, exc, what) from None
        finally:
            if tmp in _temporaries:
                _temporaries.discard(tmp)
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
    _sync_directory(os.path.dirname(real))


def _sync_directory(directory: str) -> None:
    """fsync the directory so the rename survives a crash (best effort: not every system allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def protected_inputs(paths, refs, src, src_dir, ref_dir, config, config_path, baseline_file) -> Inputs:
    """Every file the run reads, in every role, excluded or not: what no output may overwrite."""
    from .io.inputs import named_inputs

    files, trees = named_inputs(paths, refs, src, src_dir=src_dir, ref_dir=ref_dir, include=config.include)
    return Inputs([*files, *config.glossaries, config_path, baseline_file, config.docids], trees)


def check_targets(inputs: Inputs, *targets: tuple[str | None, str]) -> None:
    """Refuse bad output paths before any checking, and two outputs that are one file."""
    seen: dict[str, str] = {}
    for path, what in targets:
        if path:
            real = check_target(path, inputs, what)
            if real in seen:
                raise InputError(f"{path}: {seen[real]} and {what} name the same file; give each its own")
            seen[real] = what
