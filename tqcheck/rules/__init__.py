"""Rule families, one module (or folder) each, named for its codes; ``all_rules`` imports them.

TQ1xx ordinals and centuries    TQ2xx quote punctuation     TQ3xx French spacing
TQ4xx number/time/date formats  TQ5xx names and terminology TQ6xx untranslated French
TQ7xx names translated word for word                        TQ8xx broken sentences, debris;
TQ85x tags, placeholders, unused suppressions (structured formats: tq85x_markup)
TQ9xx against the references and the source

Rules import the layers below them (``tqcheck.text``, ``tqcheck.registry``, the model),
never each other; their word lists are under ``data/``. This module also selects the
rules a configuration puts in force.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..registry import RegistryError, Rule, matches, registered

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..model import Severity

#: The family modules, in code order.
FAMILIES = (
    "tq1xx_ordinals", "tq2xx_quotes", "tq3xx_spacing", "tq4xx_numbers", "tq5xx_terminology",
    "tq6xx_untranslated", "tq7xx_calques", "tq8xx_sentences", "tq85x_markup", "tq9xx_fidelity",
)


def all_rules() -> list[type[Rule]]:
    """Every rule class, sorted by code (importing the families registers them)."""
    import importlib

    for name in FAMILIES:
        importlib.import_module(f"{__name__}.{name}")
    return registered()


def family(cls: type[Rule]) -> str:
    """The rule's family: its code's hundreds and its family's name (``TQ1xx ordinals``)."""
    module = cls.__module__.split(".")
    name = next((m for m in module if m.startswith("tq") and m[2:3].isdigit()), module[-1])
    return f"{cls.code[:3]}xx {name.split('_', 1)[-1]}"


def _unknown(patterns: Iterable[str]) -> list[str]:
    classes = all_rules()
    return [p for p in patterns if not any(matches(c, p) for c in classes)]


def check_patterns(patterns: Iterable[str], where: str = "") -> None:
    """RegistryError naming ``where`` when a pattern matches no rule."""
    unknown = _unknown(patterns)
    if unknown:
        prefix = f"{where}: " if where else ""
        raise RegistryError(f"{prefix}no rule matches {', '.join(repr(u) for u in unknown)}; see 'tqcheck rules'")


def check_config(config: "Config") -> None:
    """Every rule pattern of ``config`` must name a rule: RegistryError naming where it was set and the key."""
    origins = getattr(config, "origins", None) or {}
    groups = [("select", "'select'", config.select), ("extend-select", "'extend-select'", config.extend_select),
              ("ignore", "'ignore'", config.ignore),
              ("severity", "'severity'", tuple(config.severity))]
    groups += [("per-file-ignores", f"'per-file-ignores' {glob!r}", rules)
               for glob, rules in config.per_file_ignores.items()]
    for key, label, patterns in groups:
        check_patterns(patterns, f"{origins.get(key, 'configuration')}: {label}")


def select_rules(
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    severity: "dict[str, Severity] | None" = None,
    extend_select: Iterable[str] = (),
) -> list[Rule]:
    """Instantiate the rules in force.

    ``select`` and ``ignore`` take codes or code prefixes (``TQ2``), rule names
    (``french-ordinal``) or category prefixes (``fluency``); an empty ``select``
    means every default rule; ``extend_select`` adds rules to that. An opt-in rule
    (``Rule.opt_in``) is in force only when ``select`` or ``extend_select`` names it
    by its code or name. ``severity`` maps a code or name to an overriding severity.
    """
    select, ignore, severity, extend = list(select), list(ignore), severity or {}, list(extend_select)
    check_patterns(select + ignore + list(severity) + extend)
    chosen = []
    for cls in all_rules():
        named = any(p.strip().upper() == cls.code or p.strip() == cls.name for p in select + extend)
        if cls.opt_in and not named:
            continue
        wanted = any(matches(cls, p) for p in select) if select else True
        if not (wanted or any(matches(cls, p) for p in extend)):
            continue
        if any(matches(cls, p) for p in ignore):
            continue
        override = next((s for p, s in severity.items() if matches(cls, p)), None)
        chosen.append(cls(override))
    return chosen
