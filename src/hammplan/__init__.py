"""hammplan: turn a city's published integration plan into open data with provenance."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hammplan")
    """The installed distribution's version (pyproject.toml is the one place it is set)."""
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0.0.0+unknown"
