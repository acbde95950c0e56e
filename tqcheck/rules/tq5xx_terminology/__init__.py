"""TQ5xx: names and terminology: drift (TQ501, TQ504), glossaries (TQ502, TQ503), consistency (TQ505, TQ506)."""
from . import consistency, drift, glossary  # noqa: F401
