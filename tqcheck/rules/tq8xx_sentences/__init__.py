"""TQ8xx: broken sentences and debris (sentences.py: TQ801-TQ806) and the surface artifacts of MT output
(hyphens.py: spaced hyphens splitting compounds TQ807; artifacts.py: segments left in lower case TQ808, TQ809)."""
from . import artifacts, hyphens, sentences  # noqa: F401
