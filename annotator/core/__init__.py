"""Qt-free core: model, schema, storage, ingest and interchange.

Nothing under this package may import PySide6 (tests/core/test_qt_free.py).
"""
