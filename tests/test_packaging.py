"""The package as a stranger installs it: a wheel built from the checkout, in
a fresh virtual environment, extracting an article from outside the checkout."""

import json
import subprocess
import sys
import sysconfig
import tomllib

import pytest
from setuptools import find_packages

from conftest import ROOT

ARTICLE = ("Акимат Павлодарской области и Правительство Омской области 12 марта 2024 года "
           "подписали соглашение о сотрудничестве в сферах торговли, образования и культуры.")


def test_every_subpackage_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    assert set(find_packages(str(ROOT), include=["pipeline*"])) | {"pipeline.trained"} == listed


@pytest.mark.slow
def test_the_wheel_extracts_outside_the_checkout(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"),
                    str(ROOT)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("paradiplomacy_pipeline-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True)
    # The dependencies come from this environment (no network needed); the
    # project itself only from the wheel: a path entry, not this venv's .pth hooks.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    with open(f"{site}/deps.pth", "w") as pth:
        pth.write(sysconfig.get_paths()["purelib"] + "\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([str(venv / "bin" / "paradiplomacy"), "extract", "in", "--out", "out", "--workers", "1"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    where = subprocess.run([str(python), "-c", "import pipeline; print(pipeline.__file__)"], cwd=tmp_path,
                           check=True, capture_output=True, text=True).stdout
    assert where.startswith(site)
    doc = json.loads((tmp_path / "out" / "note.json").read_text(encoding="utf-8"))
    assert {e["governs"] for e in doc["entities"] if e["label"] == "ORG"} == {"iso:KZ-55", "iso:RU-OMS"}
    assert [e["value"] for e in doc["entities"] if e["label"] == "DATE"] == ["2024-03-12"]
    assert doc["directions"], "the directions model ships inside the wheel"
