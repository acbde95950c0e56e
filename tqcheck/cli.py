"""The command line: parse, call the engine, pick a formatter, return an exit code.

Exit codes: 0 passed, 1 failed, 2 usage or input error (one line on stderr).
"""
from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager
from typing import Sequence

import click

from .config import DOCUMENT_MODES, FAIL_ON_CHOICES, TOKENIZERS, load_settings
from .baseline import dump as baseline_dump
from .errors import InputError
from .output import Inputs, check_target, check_targets, protected_inputs, safe_output, write_error

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
FORMAT_CHOICES = ("auto", "rich", "text", "json", "sarif", "junit", "github", "markdown", "gitlab", "html")


def _error(message: str) -> None:
    click.echo(f"tqcheck: error: {' '.join(message.split())}", err=True)


def _warn(message: str) -> None:
    click.echo(f"tqcheck: warning: {' '.join(message.split())}", err=True)


def _note(message: str) -> None:
    click.echo(f"tqcheck: {' '.join(message.split())}", err=True)


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
        except BrokenPipeError:  # stdout closed early (``| head``): nothing more to say to anyone
            _silence_stdout()
            code = EXIT_PASS
        code = code if isinstance(code, int) else EXIT_PASS
        if standalone_mode:
            sys.exit(code)
        return code


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@contextmanager
def _output(path: str | None, inputs: Inputs | None, what: str = "--output"):
    """stdout, or ``path`` written safely (tqcheck.output: a regular file or a new path, never an
    input, atomically). A closed stdout (``tqcheck check ... | head -1``) ends the output quietly
    and leaves the exit code as it would be; any other write error is an InputError."""
    if path is not None:
        with safe_output(path, inputs, what) as stream:
            yield stream
        return
    try:
        yield sys.stdout
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _silence_stdout()
        raise write_error("stdout", exc, "the report") from None


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the final flush at exit cannot fail again
    (what Python's documentation of SIGPIPE recommends)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _print_version(ctx, _param, value) -> None:
    if value and not ctx.resilient_parsing:
        from .editor import versions

        click.echo(versions())
        ctx.exit(EXIT_PASS)


@click.group(cls=TqGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", "-V", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Print the versions of tqcheck, Python, sacrebleu and langdetect, and exit.")
def cli() -> None:
    """Translation-quality checks for French-to-English machine translation."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--ref", "refs", multiple=True, metavar="FILE", help="Reference translation, aligned by segment (repeatable).")
@click.option("--src", metavar="FILE", help="French source, aligned by segment.")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="auto", show_default=True,
              help="Report format; auto is github when GITHUB_ACTIONS=true, else the rich report (no colours when piped).")
@click.option("--output", "-o", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--fail-under", type=float, default=None, metavar="Q", help="Quality threshold (default 95).")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, code prefixes, names or categories; comma-separated.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add rules to the default set; opt-in rules (tqcheck rules marks them) by code or name.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms as --select).")
@click.option("--tokenize", type=click.Choice(TOKENIZERS), default=None, help="BLEU tokenizer (default 13a).")
@click.option("--worst", type=click.IntRange(min=0), default=None, help="Worst segments against the reference to show (default 3).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None, metavar="N",
              help="Worker processes for the metrics and segment rules of large files (default 0: one per core; 1: none). Results are identical.")
@click.option("--scheduler", metavar="ADDRESS", help="Check the files on a Dask cluster: tcp://HOST:8786, or local:N "
              "for N local worker processes (needs tqcheck[dask]). Results are identical.")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file (default: .tqcheck.toml or [tool.tqcheck] in pyproject.toml, searched upward).")
@click.option("--documents", type=click.Choice(DOCUMENT_MODES), default=None,
              help="Where the documents (stories) of a file start: auto (default), file, blank-lines, headlines.")
@click.option("--docids", metavar="FILE", help="Document ids, one per segment line (as WMT test sets ship them): a new id starts a document.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None, help="Lowest severity that fails a file whatever its quality (default critical).")
@click.option("--input-format", type=click.Choice(("auto", "text", "xliff", "po", "tmx", "markdown", "html")), default="auto",
              show_default=True, help="Format of the inputs: auto goes by extension, then content; - reads standard input.")
@click.option("--include", multiple=True, metavar="GLOBS", help="Names of translations in directories (default *.en.txt); comma-separated.")
@click.option("--exclude", multiple=True, metavar="GLOBS", help="Files and directories never checked; comma-separated.")
@click.option("--src-dir", metavar="DIR", help="Tree of French sources mirroring the translations (x.en.txt -> DIR/.../x.fr.txt).")
@click.option("--ref-dir", metavar="DIR", help="Tree of references mirroring the translations (same relative paths).")
@click.option("--require-pairs", is_flag=True, help="A translation without its --src-dir/--ref-dir partner is an error.")
@click.option("--baseline", "baseline_file", metavar="FILE", help="Report only findings not recorded in this baseline.")
@click.option("--write-baseline", metavar="FILE", help="Record every current finding in FILE (atomically) and accept them.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when a file fails (2 still means a usage or input error).")
@click.option("--glossary", "glossaries", multiple=True, metavar="FILE", help="Glossary (.tsv, .csv or .tbx) in force besides the default one (repeatable).")
@click.option("--no-default-glossary", is_flag=True, help="Leave the default glossary out (and with it TQ603, TQ604, TQ701).")
@click.option("--prefer", multiple=True, metavar="TEXT", help='Preferred spelling of a name where spellings drift, e.g. "Hashd al-Shaabi" (repeatable).')
@click.option("--fix", is_flag=True, help="Apply the safe mechanical fixes to the translation files, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also apply the fixes that need an editor's judgement.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff and change nothing (exit 1 when there are some).")
@click.option("--quiet", "-q", is_flag=True, help="Print the verdict only, one line per file.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule, then the verdicts.")
@click.option("--show-source", is_flag=True, help="Text format: show each finding's line with a caret under its span.")
@click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
              help="Colours in the rich report: auto (on a terminal, unless NO_COLOR), always, never.")
@click.pass_context
def check(ctx, paths, refs, src, fmt, output, fail_under, select, extend_select, ignore, tokenize, worst, jobs, scheduler,
          config_file, documents,
          docids, fail_on, input_format,
          include, exclude, src_dir, ref_dir, require_pairs, baseline_file, write_baseline, exit_zero,
          glossaries, no_default_glossary, prefer, fix=False, unsafe_fixes=False, show_diff=False, quiet=False,
          statistics=False, show_source=False, color="auto") -> None:
    """Check translations and print a scored report.

    PATHS are translation files, sample directories (mt.en.txt, ref.en.txt, ref.*.en.txt,
    src.fr.txt), corpus directories (searched recursively for files matching --include, checked
    as one corpus) or quoted glob patterns ('articles/**/*.en.txt'); plain text, XLIFF, PO, TMX,
    Markdown or HTML (-: standard input).

    Exit codes: 0 every file passed, 1 a file failed (quality below --fail-under, or a finding
    at or above --fail-on), 2 usage or input error (one line on stderr, nothing written).
    """
    from .api import check_files
    from .baseline import Baseline
    from .registry import RegistryError

    flags = {"fail-under": fail_under, "select": _split(select), "extend-select": _split(extend_select),
             "ignore": _split(ignore), "tokenize": tokenize, "worst": worst, "jobs": jobs, "fail-on": fail_on,
             "include": _split(include), "exclude": _split(exclude),
             "glossary": tuple(glossaries), "prefer": tuple(prefer), "documents": documents}
    settings = load_settings(config_file, flags)
    config = settings.config
    config.default_glossary = config.default_glossary and not no_default_glossary
    config.docids = docids
    config.scheduler = scheduler
    # with --write-baseline the --baseline file is not read: rewriting it in place stays possible
    inputs = protected_inputs(paths, refs, src, src_dir, ref_dir, config, settings.file,
                           None if write_baseline else baseline_file)
    check_targets(inputs, (output, "--output"), (write_baseline, "--write-baseline"))
    if write_baseline:
        accepted = Baseline.recording()
    else:
        accepted = Baseline.from_file(baseline_file) if baseline_file else None
    progress = None
    if sys.stderr.isatty():
        from .report.terminal import ProgressBar

        progress = ProgressBar(sys.stderr)
    try:
        report = check_files(paths, refs, src, config, src_dir=src_dir, ref_dir=ref_dir, require_pairs=require_pairs,
                             baseline=accepted, warn=_warn, progress=progress, input_format=input_format)
    except RegistryError as exc:
        raise InputError(str(exc)) from None
    finally:
        if progress is not None:
            progress.close()
    if not report.files:
        _warn("every input is excluded (exclude setting); nothing checked")
    inputs.add(*(p for fr in report.files for p in _document_paths(fr.document)))
    if write_baseline:
        with _output(write_baseline, inputs, "--write-baseline") as stream:
            baseline_dump(accepted.entries, stream)
        _note(f"baseline: wrote {len(accepted.entries)} findings to {write_baseline}")
    if accepted is not None:
        _note(f"baseline: {report.baseline['suppressed']} findings suppressed, "
              f"{report.baseline['unmatched']} baseline entries no longer match")
    if fix or show_diff:
        from . import editor

        report, changed = editor.run_fix(report, config, unsafe_fixes, show_diff, accepted, _note)
        if show_diff:
            ctx.exit(EXIT_FAIL if changed else EXIT_PASS)
    from . import editor

    chosen = None
    if output and ctx.get_parameter_source("fmt") == click.core.ParameterSource.DEFAULT:
        fmt, chosen = editor.format_from_extension(output)
    if output:
        inputs.add(write_baseline)
    with _output(output, inputs) as stream:
        if chosen:
            _note(chosen)
        editor.render(report, fmt, stream, quiet=quiet, statistics=statistics, show_source=show_source, color=color)
    ctx.exit(EXIT_PASS if report.passed or exit_zero else EXIT_FAIL)


def _fix(**kwargs) -> None:
    return click.get_current_context().invoke(check, fix=True, **kwargs)


cli.add_command(click.Command(
    "fix", params=[p for p in check.params if p.name != "fix"], callback=_fix,
    help="""Apply every safe mechanical fix to the translation files (check --fix), then report what remains.

    PATHS and options as for check. --diff prints the fixes and changes nothing; --unsafe-fixes
    also applies the fixes that need an editor's judgement (glossary choices, majority spellings).
    Exit 0 when every file passes after fixing, 1 when some file still fails, 2 on an input error.""",
    short_help="Apply the safe mechanical fixes, then report what remains."))


def _document_paths(doc) -> list[str]:
    return [doc.path] + [r.path for r in doc.references] + ([doc.source.path] if doc.source else [])


@cli.group(name="config")
def config_group() -> None:
    """Inspect the configuration."""


@config_group.command(name="show")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file (default: searched upward).")
def config_show(config_file) -> None:
    """Print the settings in force and where each came from."""
    from .report.terminal import render_settings

    render_settings(load_settings(config_file), sys.stdout)


@cli.group(name="glossary")
def glossary_group() -> None:
    """Glossaries: the terms in force and where each comes from."""


@glossary_group.command(name="show")
@click.option("--glossary", "glossaries", multiple=True, metavar="FILE", help="Glossary (.tsv, .csv or .tbx) besides the default one (repeatable).")
@click.option("--no-default-glossary", is_flag=True, help="Leave the default glossary out.")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file (default: searched upward).")
def glossary_show(glossaries, no_default_glossary, config_file) -> None:
    """Print every term in force: source term, required term, forbidden variants, origin, note."""
    from .io.glossary import in_force
    from .report.terminal import render_glossary

    config = load_settings(config_file, {"glossary": tuple(glossaries)}).config
    config.default_glossary = config.default_glossary and not no_default_glossary
    render_glossary(in_force(config).terms, sys.stdout)


@cli.command()
def rules() -> None:
    """List every rule: code, name, category, severity, description, where it is defined."""
    from .report.terminal import render_rules
    from .rules import all_rules

    render_rules(all_rules(), sys.stdout)


@cli.command()
@click.argument("code")
def rule(code) -> None:
    """Explain one rule (by code or name, e.g. TQ204 or quote-punctuation-debris): what it finds
    and why, its examples, its options and the data files it reads."""
    from .ruledocs import explain
    from .rules import all_rules

    wanted = code.strip()
    found = [cls for cls in all_rules() if cls.code == wanted.upper() or cls.name == wanted]
    if not found:
        raise InputError(f"{code}: no such rule; 'tqcheck rules' lists them")
    click.echo(explain(found[0]), nl=False)


VIEW_FORMATS = ("auto", "rich", "text", "json")


def _view_renderer(fmt: str, what: str):
    """``render_<what>`` of the rich, text or json formatter (auto: rich, plain when piped)."""
    import importlib

    from .report import FORMATS, views

    render = getattr(importlib.import_module(f"{__package__}.report.{FORMATS['rich' if fmt == 'auto' else fmt]}"),
                     f"render_{what}")
    return lambda view, stream: views.render_trimmed(render, view, stream)


def _diff_inputs(path, refs, doc=None) -> Inputs:
    from .io.inputs import named_inputs

    files, trees = named_inputs([path], refs)
    return Inputs(files + (_document_paths(doc) if doc is not None else []), trees)


@cli.command()
@click.argument("path")
@click.option("--ref", "refs", multiple=True, metavar="FILE", help="Reference translation, aligned by segment (repeatable).")
@click.option("--worst", type=click.IntRange(min=1), default=None, metavar="N", help="Only the N lowest-chrF segments, worst first.")
@click.option("--format", "fmt", type=click.Choice(VIEW_FORMATS), default="auto", show_default=True,
              help="rich (plain [-x-]{+y+} markers when piped), text lines, or JSON with the difflib opcodes.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
def diff(path, refs, worst, fmt, output) -> None:
    """Word-level diff against the reference, segment by segment.

    PATH is a translation file (with --ref) or a sample directory.
    """
    from .diffview import diff_view
    from .io import load_inputs

    if output:
        check_target(output, _diff_inputs(path, refs), "--output")

    documents = load_inputs([path], refs)
    if len(documents) != 1:
        raise InputError(f"{path}: diff takes one translation; name a file or a sample directory")
    view = diff_view(documents[0], worst)
    with _output(output, _diff_inputs(path, refs, documents[0])) as stream:
        _view_renderer(fmt, "diff")(view, stream)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--ref", "refs", multiple=True, required=True, metavar="FILE", help="Reference translation, aligned by segment (repeatable).")
@click.option("--src", metavar="FILE", help="French source, aligned by segment (for the source checks).")
@click.option("--test", type=click.Choice(["bs", "ar"]), default="bs", show_default=True,
              help="Paired bootstrap resampling (bs) or approximate randomization (ar), as sacrebleu's --paired-bs/--paired-ar.")
@click.option("--n-samples", type=click.IntRange(min=1), default=None, metavar="N", help="Resamples (bs, default 1000) or trials (ar, default 10000).")
@click.option("--seed", type=click.IntRange(min=1), default=None, metavar="S", help="Random seed (default: SACREBLEU_SEED, else 12345, as sacrebleu).")
@click.option("--format", "fmt", type=click.Choice(VIEW_FORMATS), default="auto", show_default=True, help="rich, text lines, or JSON.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (as for check).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (as for check).")
@click.option("--tokenize", type=click.Choice(TOKENIZERS), default=None, help="BLEU tokenizer (default 13a).")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file (default: searched upward).")
def compare(paths, refs, src, test, n_samples, seed, fmt, output, select, ignore, tokenize, config_file) -> None:
    """Compare systems: significance tests and artifacts side by side.

    PATHS are two or more translations of the same segments; the first is the
    baseline. Exit code 0 (it reports, it does not judge), 2 on an input error.
    """
    from .compare import compare as run_compare
    from .registry import RegistryError

    flags = {"select": _split(select), "ignore": _split(ignore), "tokenize": tokenize}
    settings = load_settings(config_file, flags)
    inputs = Inputs([*paths, *refs, src, settings.file, *settings.config.glossaries])
    check_targets(inputs, (output, "--output"))
    try:
        comparison = run_compare(paths, refs, src, settings.config, test, n_samples or 0, seed)
    except RegistryError as exc:
        raise InputError(str(exc)) from None
    with _output(output, inputs) as stream:
        _view_renderer(fmt, "comparison")(comparison, stream)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI in-process and return its exit code."""
    return cli.main(list(argv) if argv is not None else None, standalone_mode=False)


def entry_point() -> None:
    """The ``tqcheck`` command (the API, ``main`` and ``tqcheck.check``, leaves the collector alone)."""
    from .workers import tune_collector

    tune_collector()
    sys.exit(main())
