"""TQ8xx: broken sentences and debris (sentences.py: TQ801-TQ806) and the surface artifacts of MT output
(artifacts.py: spaced hyphens splitting compounds TQ807, segments left in lower case TQ808)."""
from . import artifacts, sentences  # noqa: F401
