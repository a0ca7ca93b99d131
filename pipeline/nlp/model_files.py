"""Where the trained models are. In a checkout they are the files of its
models/ folder, so `make train` writes what `make extract` reads; an
installed wheel carries the same files as the data package
`pipeline.trained` (pyproject.toml maps it to models/)."""

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def models_dir() -> Path:
    if (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "models").is_dir():
        return CHECKOUT / "models"
    return Path(str(resources.files("pipeline.trained")))


def model_file(name: str) -> Path:
    return models_dir() / name
