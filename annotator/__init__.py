"""Desktop tool for labelling entities and metrics in Chinese reports."""

__version__ = "0.1.0"
