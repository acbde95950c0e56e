"""TQ9xx: the translation against its references (TQ901-TQ903) and its French source (TQ911-TQ918)."""
from . import copies, length, names, numbers, reference, unrelated  # noqa: F401
