"""The command line: parse, call the engine, pick a formatter, return an exit code.

Exit codes: 0 passed, 1 failed, 2 usage or input error (one line on stderr).
"""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from typing import Sequence

import click

from . import __version__
from .config import TOKENIZERS, Config
from .errors import InputError
from .model import Severity

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
FORMAT_CHOICES = ("auto", "rich", "text", "json")


def _error(message: str) -> None:
    click.echo(f"tqcheck: error: {' '.join(message.split())}", err=True)


class TqGroup(click.Group):
    """A group whose errors are one line on stderr and exit code 2, never a traceback."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name or "tqcheck", complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            _error("aborted")
            code = EXIT_ERROR
        except click.ClickException as exc:
            _error(exc.format_message())
            code = EXIT_ERROR
        except InputError as exc:
            _error(str(exc))
            code = EXIT_ERROR
        code = code if isinstance(code, int) else EXIT_PASS
        if standalone_mode:
            sys.exit(code)
        return code


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@contextmanager
def _output(path: str | None, inputs: Sequence[str]):
    """stdout, or a file written atomically (a temporary file renamed over it)."""
    if path is None:
        yield sys.stdout
        return
    target = os.path.abspath(path)
    if os.path.exists(target) and any(os.path.exists(p) and os.path.samefile(p, target) for p in inputs):
        raise InputError(f"{path}: --output would overwrite an input file; choose another path")
    directory = os.path.dirname(target) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tqcheck-", dir=directory)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror}); check the directory") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


@click.group(cls=TqGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="tqcheck", message="%(prog)s %(version)s")
def cli() -> None:
    """Translation-quality checks for French-to-English machine translation."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--ref", "refs", multiple=True, metavar="FILE", help="Reference translation, aligned by segment (repeatable).")
@click.option("--src", metavar="FILE", help="French source, aligned by segment.")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="auto", show_default=True,
              help="Report format: rich on a terminal (no colours when piped), text lines, or JSON.")
@click.option("--output", "-o", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--fail-under", type=float, default=None, metavar="Q", help="Quality threshold (default 95).")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, code prefixes, names or categories; comma-separated.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms as --select).")
@click.option("--tokenize", type=click.Choice(TOKENIZERS), default="13a", show_default=True, help="BLEU tokenizer.")
@click.option("--worst", type=click.IntRange(min=0), default=3, show_default=True, help="Worst segments against the reference to show.")
@click.pass_context
def check(ctx, paths, refs, src, fmt, output, fail_under, select, ignore, tokenize, worst) -> None:
    """Check translations and print a scored report.

    PATHS are translation files or sample directories (mt.en.txt, ref.en.txt,
    ref.*.en.txt, src.fr.txt).
    """
    from .engine import run
    from .io import load_inputs
    from .registry import RegistryError
    from .report import get_renderer

    config = Config(select=_split(select), ignore=_split(ignore), tokenize=tokenize, worst=worst)
    if fail_under is not None:
        config.fail_under = fail_under
    documents = load_inputs(paths, refs, src)
    try:
        report = run(documents, config)
    except RegistryError as exc:
        raise InputError(str(exc)) from None
    inputs = [d.path for d in documents] + list(refs) + ([src] if src else [])
    with _output(output, inputs) as stream:
        get_renderer(fmt)(report, stream)
    ctx.exit(EXIT_PASS if report.passed else EXIT_FAIL)


@cli.command()
def rules() -> None:
    """List every rule: code, name, category, severity, description."""
    from .registry import rule_classes
    from .report.terminal import render_rules

    render_rules(rule_classes(), sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI in-process and return its exit code."""
    return cli.main(list(argv) if argv is not None else None, standalone_mode=False)


def entry_point() -> None:
    sys.exit(main())
