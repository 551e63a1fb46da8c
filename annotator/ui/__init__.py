"""The PySide6 window: thin adapters over annotator.core."""
