"""Importing a writer library without the array libraries it would use if they were there.

sqlite-utils and openpyxl each import numpy (sqlite-utils pandas too) when installed, only to
accept their types as values; hammplan hands both plain Python values. pandas and numpy are
installed for other stages, and importing them cost validate about 0.15 s (numpy) to 0.6 s
(both) of CPU, in a build while the report is being made on the other core.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

HIDDEN = ("pandas", "numpy")
"""What a writer library imports only to accept its types."""


def import_plain(name: str) -> ModuleType:
    """Module ``name``, imported with :data:`HIDDEN` libraries that nothing has imported yet
    hidden: a ``None`` in ``sys.modules`` makes the library's optional import fail as it
    expects, and is taken out again at once. Already imported, they are left as they are."""
    hidden = [module for module in HIDDEN if module not in sys.modules]
    for module in hidden:
        sys.modules[module] = None  # type: ignore[assignment]
    try:
        return importlib.import_module(name)
    finally:
        for module in hidden:
            del sys.modules[module]
