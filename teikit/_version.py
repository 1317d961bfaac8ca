"""The single place teikit's version is written."""

__version__ = "0.1.0"
