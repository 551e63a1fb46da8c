"""Plain data shared by the core, the CLI and the UI.

Offsets are Unicode code points into the stored text, end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

LAYERS = ("entity", "metric")
STATUSES = ("todo", "in_progress", "done", "skipped")
ORIGINS = ("manual", "suggested", "imported")


class AnnotatorError(Exception):
    """A user-facing error: its message is shown as it is, without a traceback."""


class SpanError(AnnotatorError):
    """A span that cannot be written (bad offsets, unknown label, overlap...)."""


class Cancelled(AnnotatorError):
    """The user stopped a long action; what it had not committed was rolled back."""


# Long actions report progress as on_progress(done, total) and stop when it returns False.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Attribute:
    key: str
    type: str  # quantity | text | choice | link
    name_zh: str = ""
    name_en: str = ""
    choices: tuple[str, ...] = ()  # for choice; "@indicators" means the schema's indicator list
    targets: tuple[str, ...] = ()  # for link: label keys it may point to


@dataclass(frozen=True)
class Label:
    key: str
    name_zh: str
    name_en: str
    layer: str
    color: str
    shortcut: str
    guideline: str = ""
    attributes: tuple[Attribute, ...] = ()


@dataclass(frozen=True)
class Indicator:
    key: str
    name_en: str = ""


@dataclass(frozen=True)
class Schema:
    name: str
    labels: tuple[Label, ...]
    indicators: tuple[Indicator, ...] = ()

    def label(self, key: str) -> Label | None:
        return next((lab for lab in self.labels if lab.key == key), None)

    def layers(self) -> dict[str, str]:
        """Label key → its layer (the suggesters keep one suggestion per place in each layer)."""
        return {lab.key: lab.layer for lab in self.labels}

    def links(self) -> dict[str, set[str]]:
        """Label key → its link attributes (a metric's subject and period), which name other spans' ids."""
        return {lab.key: {a.key for a in lab.attributes if a.type == "link"} for lab in self.labels}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    annotator: str = ""
    origin: str = "manual"
    layer: str = ""
    id: int | None = None
    document_id: int | None = None
    source: str = ""  # for suggestions: the suggester that proposed it
    confidence: float | None = None


@dataclass(frozen=True)
class Relation:
    source_id: int
    target_id: int
    type: str
    id: int | None = None


@dataclass
class Document:
    text: str
    title: str = ""
    source: str = ""
    published: str = ""  # ISO 8601, possibly reduced precision ("2020", "2020-06-13")
    file_name: str = ""
    source_sha256: str = ""
    status: str = "todo"
    meta: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
