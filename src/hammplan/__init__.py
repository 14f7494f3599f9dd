"""hammplan: turn a city's published integration plan into open data with provenance."""

__version__ = "0.1.0"
