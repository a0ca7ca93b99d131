"""What the corpus-level pages share: the run, its failed and skipped
inputs, the counts, the pictures that have data."""

from pipeline.outputs.review.vocabulary import GROUPS, TIE_TYPES, directions_table

STATUS = {"failed": "ошибка", "skipped": "пропущен"}


def page_name(doc_id: str) -> str:
    return f"articles/{doc_id}.html"


def problems(manifest: dict) -> list:
    """Inputs that gave no article, with the reason in the manifest."""
    return [{**e, "status_name": STATUS[e["status"]]} for e in manifest.get("inputs", [])
            if e.get("status") in STATUS]


def index_context(counts: dict, manifest: dict, pictures) -> dict:
    """`counts`: Corpus.counts(); `pictures`: {name: True} of the pictures drawn."""
    return {**counts, "problems": problems(manifest), "manifest": manifest,
            "pictures": pictures, "directions": directions_table(), "groups": GROUPS, "tie_types": TIE_TYPES}
