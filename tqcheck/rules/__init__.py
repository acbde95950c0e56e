"""Rule families, one module each. Importing this package registers every rule.

TQ1xx ordinals and centuries    TQ2xx quote punctuation     TQ3xx French spacing
TQ4xx number/time/date formats  TQ5xx names and terminology TQ6xx untranslated French
TQ7xx names translated word for word                        TQ8xx broken sentences, debris
TQ9xx against the references and the source
"""
from . import (  # noqa: F401
    ordinals,
    quotes,
    spacing,
    numbers,
    names,
    terminology,
    untranslated,
    calques,
    sentences,
    reference,
    fidelity,
)
