"""Rule families, one module each. Importing this package registers every rule.

TQ1xx ordinals and centuries    TQ2xx quote punctuation     TQ3xx French spacing
TQ4xx number/time/date formats  TQ5xx name spelling drift   TQ6xx untranslated French
TQ7xx names translated word for word                        TQ8xx broken sentences, debris
TQ9xx against the reference
"""
from . import (  # noqa: F401
    ordinals,
    quotes,
    spacing,
    numbers,
    names,
    untranslated,
    calques,
    sentences,
    reference,
)
