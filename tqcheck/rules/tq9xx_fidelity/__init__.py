"""TQ9xx: the translation against its references (TQ901-TQ903) and its French source (TQ911-TQ914)."""
from . import copies, length, names, numbers, reference  # noqa: F401
