"""The project's own records. Library objects become these at the boundary;
`serialize.py` is the one place that turns them into JSON."""

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Source:
    path: str
    sha256: str
    format: str
    encoding: Optional[str]
    text: str = field(repr=False)  # decoded source text; offsets of source_map index it
    metadata: dict = field(default_factory=dict, repr=False)  # the file's own (ingest/metadata.py)


@dataclass
class Direction:
    label: str
    score: float
    evidence: list = field(default_factory=list)  # sentence indexes, strongest first
    share: Optional[float] = None  # paragraphs and documents: share of their sentences carrying it


@dataclass
class Token:
    start: int
    end: int
    lemma: str
    pos: str


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    directions: list = field(default_factory=list)


@dataclass
class Paragraph:
    start: int
    end: int
    directions: list = field(default_factory=list)


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str                      # PER | LOC | ORG | DATE | MONEY
    normal: str
    kind: Optional[str] = None      # LOC: country|region|city|other; ORG: government|...
    id: Optional[str] = None        # "iso:RU-OMS" where one exists
    value: Any = None               # DATE: ISO 8601; MONEY: {"amount", "currency"}
    sentence: int = -1
    source: str = "ner"             # which layer found it: ner | gazetteer | rule
    governs: Optional[str] = None   # ORG government: id of the place it governs
    flags: list = field(default_factory=list)  # e.g. ["historical"]
    canonical: Optional[str] = None  # one name per actor (stages/canonical.py); normal when None
    coordinates: Optional[tuple] = None  # LOC: (lat, lon) where the place's point is known


@dataclass
class Document:
    doc_id: str
    source: Source
    text: str
    source_map: list
    sentences: list
    paragraphs: list
    tokens: list
    entities: list
    directions: list
    language: str = "ru"
    ties: list = field(default_factory=list)   # Tie records (stages/ties.py)
    metadata: dict = field(default_factory=dict)  # title, published, author, site, metadata_source
    seconds: float = 0.0
    direction_scores: dict = field(default_factory=dict)  # label -> document score, every label
