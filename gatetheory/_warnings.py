"""One way to warn: the warning names the caller's line outside gatetheory, however deep it was raised."""
from __future__ import annotations

import os
import sys
import warnings

_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def warn(message: str, category=UserWarning) -> None:
    """``warnings.warn`` with the stack level of the first frame outside this package."""
    level, frame = 2, sys._getframe(1)  # level 1 is this function
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level)
