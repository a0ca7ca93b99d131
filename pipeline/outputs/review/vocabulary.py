"""The Russian words of the review site: direction names as the contract's
directions.md gives them, entity types, tie types. Codes stay beside them on
the pages (small, in tooltips and column headers), since users script with them."""

from pipeline.outputs.reading import direction_labels

# directions.md, column "Russian name"
DIRECTIONS = {
    "economic": "торгово-экономическое",
    "cultural": "культурное",
    "educational": "гуманитарно-образовательное",
    "science_tech": "научно-техническое",
    "environmental": "экологическое",
    "emergency": "взаимопомощь в ЧС",
    "governance": "сотрудничество органов власти",
    "soft_power": "«мягкая сила»",
}
# Beside a sentence, where the full name would crowd the text.
SHORT = {
    "economic": "экон.", "cultural": "культ.", "educational": "гум.-обр.", "science_tech": "науч.-тех.",
    "environmental": "экол.", "emergency": "ЧС", "governance": "власти", "soft_power": "мягк. сила",
}
ENTITY_TYPES = {
    "LOC/country": "страна", "LOC/region": "регион", "LOC/city": "город", "LOC/other": "место", "LOC": "место",
    "ORG/government": "орган власти", "ORG/company": "компания", "ORG/ngo": "НКО",
    "ORG/international": "междунар. организация", "ORG/other": "организация", "ORG": "организация",
    "PER": "персона", "DATE": "дата", "MONEY": "сумма",
}
# The actor filter of the index groups types the way a researcher asks.
GROUPS = {"region": "регионы", "country": "страны", "city": "города", "org": "организации", "person": "персоны"}
TIE_TYPES = {
    "agreement": "соглашение", "visit": "визит", "meeting": "встреча", "aid": "помощь", "project": "проект",
    "trade": "торговля", "twinning": "побратимство", "other": "другое", "cooccurrence": "в одном предложении",
}
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")


def direction_name(label: str) -> str:
    return DIRECTIONS.get(label, label)


def short_name(label: str) -> str:
    return SHORT.get(label, label)


def type_name(label: str, kind=None) -> str:
    return ENTITY_TYPES.get(f"{label}/{kind}") or ENTITY_TYPES.get(label, label)


def group(label: str, kind=None):
    """The index's actor group of an entity, None for dates and sums."""
    if label == "LOC":
        return kind if kind in ("region", "country", "city") else "region" if kind is None else None
    return {"ORG": "org", "PER": "person"}.get(label)


def tie_type(code: str) -> str:
    return TIE_TYPES.get(code, code)


def human_date(iso) -> str:
    """"2021-05-12" -> "12 мая 2021", "2021-05" -> "05.2021", "2021" -> "2021"."""
    if not iso:
        return ""
    parts = str(iso)[:10].split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{parts[1]}.{parts[0]}"
    except (ValueError, IndexError):
        pass
    return str(iso)


def directions_table() -> list:
    """(code, Russian name) in the contract's order."""
    return [(label, direction_name(label)) for label in direction_labels()]
