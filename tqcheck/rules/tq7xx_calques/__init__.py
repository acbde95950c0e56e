"""TQ7xx: calques of French: names translated word for word (TQ701)."""
from . import names  # noqa: F401
