"""Finding the inputs of a run: the files named, and every non-hidden file
below the folders named. Only regular files are inputs; everything else met
on the way (FIFOs, devices, sockets, dangling or looping symlinks) is
returned with the reason it is not read, so the manifest can list it.

The output folder is never read as input: when it lies inside an input
folder it is left out whole; when it is the input folder itself, the files
the run writes there are left out."""

import os
from pathlib import Path

from pipeline.ingest.sources import refusal


class NoSuchPath(Exception):
    """A path given on the command line does not exist."""


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def find(paths, out_dir=None, run_files=frozenset()) -> tuple[list, list]:
    """(files, refused): regular files in a stable order, and (path, reason)
    for the rest. `run_files` are the paths (relative to out_dir) of the files
    the run writes there, left out when out_dir is also an input folder."""
    out = Path(out_dir).resolve() if out_dir is not None else None
    files, refused = [], []
    for p in map(Path, paths):
        if not os.path.lexists(p):
            raise NoSuchPath(f"no such file or folder: {p}")
        if p.is_dir():
            _walk(p, out, run_files, files, refused)
        elif (reason := refusal(p)) is None:
            files.append(p)
        else:
            refused.append((p, reason))
    return list(dict.fromkeys(files)), list(dict.fromkeys(refused))


def _walk(root: Path, out, run_files, files, refused) -> None:
    """os.walk without following links to folders (no cycles), sorted."""
    for folder, dirs, names in os.walk(root, onerror=lambda exc: refused.append(
            (Path(exc.filename or root), f"cannot read folder: {exc.strerror or exc}"))):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not _hidden(d) and not _is_output(here / d, out, run_files))
        for d in [d for d in dirs if os.path.islink(here / d)]:
            dirs.remove(d)
            refused.append((here / d, "symlink to a folder: not followed (name the folder itself)"))
        for name in sorted(names):
            path = here / name
            if _hidden(name) or _is_output(path, out, run_files):
                continue
            if (reason := refusal(path)) is None:
                files.append(path)
            else:
                refused.append((path, reason))


def _is_output(path: Path, out, run_files) -> bool:
    """The output folder itself, or, when it is the input folder too, a file the run writes there."""
    if out is None:
        return False
    try:
        relative = path.resolve().relative_to(out)
    except (ValueError, OSError, RuntimeError):
        return False
    return relative == Path(".") or relative.as_posix() in run_files or relative.parts[0] in RUN_FILES


RUN_FILES = {"report", "exports", "manifest.json", "corpus.jsonl"}
