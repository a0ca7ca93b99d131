"""The key that says whether an output is still current. An output is reused
only when its source bytes (sha256) and this key are both unchanged.

The key covers everything that can change what the pipeline writes: the
package version, its code and data files (gazetteers, lexicons, schema), the
trained models under models/ (the directions classifier), and the versions
of the libraries whose models and rules run on the text."""

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pipeline import SCHEMA_VERSION, __version__
from pipeline.nlp.model_files import models_dir

PACKAGE = Path(__file__).resolve().parents[1]
MODELS = models_dir()
LIBRARIES = ["natasha", "slovnet", "navec", "razdel", "yargy", "pymorphy3", "pymorphy3-dicts-ru",
             "spacy", "scikit-learn", "trafilatura", "pypdf", "python-docx", "odfpy", "striprtf"]
SKIPPED = {"__pycache__"}


def library_versions() -> dict:
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def tracked_files() -> list:
    """(name, path) of the package's own files and the trained models, in a
    stable order; names are the same in a checkout and in an installed wheel."""
    files = [(f"pipeline/{p.relative_to(PACKAGE).as_posix()}", p) for p in PACKAGE.rglob("*")
             if p.is_file() and not SKIPPED & set(p.parts) and p.suffix not in (".pyc", ".tmp", ".pipeline-tmp")
             and MODELS not in p.parents]
    if MODELS.is_dir():
        files += [(f"models/{p.relative_to(MODELS).as_posix()}", p) for p in MODELS.rglob("*")
                  if p.is_file() and not p.name.startswith(".") and p.name != "__init__.py"]
    return sorted(files)


@lru_cache(maxsize=1)
def pipeline_key() -> str:
    digest = hashlib.sha256(f"{__version__}|{SCHEMA_VERSION}|{sorted(library_versions().items())}".encode())
    for name, path in tracked_files():
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
