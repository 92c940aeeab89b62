"""A static site generator for a news digest built from raw wire copy."""

__version__ = "0.1.0"
