"""TQ7xx: calques of French: names translated word for word (TQ701), false friends and calques the
source proves wrong (TQ702), French acronyms kept from the source (TQ703)."""
from . import false_friends, names  # noqa: F401
