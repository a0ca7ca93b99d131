import json
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.build import pipeline
    return pipeline()


@pytest.fixture(scope="session")
def schema():
    return json.loads(resources.files("pipeline").joinpath("schema", "output.schema.json").read_text())


def shared_path(*parts) -> Path:
    """A file of ../shared, or skip: the suite runs on a clone without it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path
