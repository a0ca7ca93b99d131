"""Limits on what a compressed file may expand to, checked before its
content is read. A .docx or .odt is a zip: its central directory declares
every member's size, and Python's zipfile never inflates a member past its
declared size, so checking the declarations bounds the work; a few KB can
declare gigabytes. A PDF's streams are inflated by pypdf, whose own output
limits are set to the same bound."""

import io
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

from pipeline.ingest.decoding import IngestError

ZIP_FORMATS = {"docx", "odt"}


@dataclass(frozen=True)
class Unpacking:
    max_bytes: int = 100 * 2**20   # all members together, uncompressed
    max_ratio: float = 100.0       # uncompressed / compressed, for a member over SMALL bytes
    max_members: int = 10_000


SMALL = 2**20  # a small member may compress very well (a run of spaces) and still be harmless


@contextmanager
def bounded(fmt: str, data: bytes, limits: Unpacking = Unpacking()):
    """Raise IngestError when the file would expand past the limits; inside
    the block, the PDF reader is held to them too."""
    if fmt in ZIP_FORMATS:
        check_zip(fmt, data, limits)
    if fmt == "pdf":
        with pdf_limits(limits):
            yield
    else:
        yield


def check_zip(fmt: str, data: bytes, limits: Unpacking) -> None:
    if not data.startswith(b"PK"):
        return  # not a zip at all: the reader says what it is
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError(f"{fmt}: damaged or truncated file ({exc})") from exc
    if len(members) > limits.max_members:
        raise IngestError(f"{fmt}: {len(members):,} parts in the archive, the limit is {limits.max_members:,}")
    total = sum(m.file_size for m in members)
    if total > limits.max_bytes:
        raise IngestError(f"{fmt}: expands to {total / 2**20:,.1f} MB, the limit is {limits.max_bytes / 2**20:g} MB "
                          f"(a zip bomb, or a file of pictures)")
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > SMALL and ratio > limits.max_ratio:
            raise IngestError(f"{fmt}: part {m.filename!r} expands {ratio:,.0f} times, the limit is "
                              f"{limits.max_ratio:g} (a zip bomb?)")


# pypdf >= 7: fields of its Configuration; before, module constants of pypdf.filters.
PDF_FIELDS = ("maximum_declared_stream_length", "array_based_stream_maximum_output_length",
              "jbig2_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
              "zlib_maximum_output_length", "brotli_maximum_output_length", "image_maximum_buffer_size",
              "stream_decoding_work_maximum_length")
PDF_CONSTANTS = ("ZLIB_MAX_OUTPUT_LENGTH", "LZW_MAX_OUTPUT_LENGTH", "MAX_DECLARED_STREAM_LENGTH",
                 "RUN_LENGTH_MAX_OUTPUT_LENGTH", "MAX_ARRAY_BASED_STREAM_OUTPUT_LENGTH", "JBIG2_MAX_OUTPUT_LENGTH")


@contextmanager
def pdf_limits(limits: Unpacking):
    """pypdf's output limits per stream lowered to ours (never raised above its own) while a PDF is read."""
    import pypdf
    refused = getattr(pypdf.errors, "LimitReachedError", ())
    if hasattr(pypdf, "apply_configuration"):
        current = pypdf.get_configuration()
        lower = {f: min(getattr(current, f), limits.max_bytes) for f in PDF_FIELDS if hasattr(current, f)}
        try:
            with pypdf.apply_configuration(**lower):
                yield
        except refused as exc:
            raise IngestError(f"pdf: {exc} (the limit is {limits.max_bytes / 2**20:g} MB unpacked)") from exc
        return
    from pypdf import filters
    saved = {n: getattr(filters, n) for n in PDF_CONSTANTS if isinstance(getattr(filters, n, None), int)}
    try:
        for name, value in saved.items():
            setattr(filters, name, min(value, limits.max_bytes))
        yield
    finally:
        for name, value in saved.items():
            setattr(filters, name, value)
