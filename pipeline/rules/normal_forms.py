"""Normal forms: a mention put in the nominative as written ("Омской
области" -> "Омская область", "Дональдом Трампом" -> "Дональд Трамп")."""

import re
from collections import Counter

from pipeline.nlp.cache import cached
from pipeline.stages.lemmas import agreement, best_parse, token_feats
from pipeline.nlp.analyzer import inflected_word, parse

NOMINAL = {"NOUN", "PROPN"}
AGREEING = {"ADJ", "DET", "NUM", "VERB"}
PERSON = {"Name", "Surn", "Patr"}
OPEN_QUOTES, CLOSE_QUOTES = "«„“", "»“”"


def restore_case(new: str, old: str) -> str:
    """Give the inflected word the capitalisation of the original, per hyphen part."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    parts = zip(new.split("-"), old.split("-"))
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for n, o in parts)


def inflect(token, grammemes: set, reading=None) -> str:
    """The token in these grammemes, from its given reading or the one agreeing with its tags."""
    p = reading or best_parse(token.text, token.pos_, token_feats(token))
    if p is None or "nomn" in p.tag.grammemes or "Fixd" in p.tag.grammemes:
        return token.text
    form = inflected(p, frozenset(grammemes))
    return restore_case(form, token.text) if form else token.text


@cached("normal_forms.inflected", 100_000)
def inflected(p, grammemes: frozenset) -> str | None:
    """The word of pymorphy3's form of a reading in these grammemes, None where
    there is none (the analyser's `inflected_word`: only the forms that fit are
    made; cached: names recur)."""
    return inflected_word(p, grammemes)


def agree_with(token, head: str) -> str:
    """The adjective put in the nominative singular of its head noun's gender
    ("Курганской" + "область" -> "Курганская")."""
    nouns = [p for p in parse(head.split()[-1]) if p.tag.POS == "NOUN"]
    gender = nouns[0].tag.gender if nouns else "masc"
    return inflect(token, {"nomn", "sing", gender})


def genitive(phrase: str) -> str:
    """A nominative name put in the genitive ("Курганская область" -> "Курганской
    области"); words that do not decline ("Казахстан" after "Республика" does) stay."""
    out = []
    for word in phrase.split():
        parses = [p for p in parse(word) if "nomn" in p.tag.grammemes]
        form = inflected(parses[0], frozenset({"gent"})) if parses and not word.isupper() else None
        out.append(restore_case(form, word) if form else word)
    return " ".join(out)


def nominative_word(word: str, number: str = "") -> str:
    parses = [p for p in parse(word) if p.tag.POS == "NOUN"]
    if not parses:
        return word
    grammemes = {"nomn", number or parses[0].tag.number or "sing"}
    form = inflected(parses[0], frozenset(grammemes))
    return restore_case(form, word) if form else word


def date_normal(text: str, number: str = "") -> str:
    """"марте 2019 года" -> "март 2019 года"; "2007 году" -> "2007 год",
    "2019 годах" -> "2019 годы" (a single year of a pair: "2018 год");
    day-first dates stay as written."""
    words = text.split(" ")
    if number == "sing" and len(words) == 2 and words[1].rstrip(".") == "гг":
        return f"{words[0]} г."  # one year of "2019–2021 гг."
    if words[0].isalpha():
        words[0] = nominative_word(words[0], "sing")
    elif len(words) > 1 and words[0].isdigit() and any(p.normal_form == "год" for p in parse(words[1])):
        words[1] = nominative_word(words[1], number)
    return " ".join(words)


def quoted(tokens) -> list:
    """True for tokens inside quotes (names in quotes never change)."""
    depth, out = 0, []
    for t in tokens:
        if t.text in CLOSE_QUOTES and depth and t.text != '"':
            depth -= 1
        elif t.text == '"':
            depth = 0 if depth else 1
        out.append(depth > 0 or t.text in OPEN_QUOTES + CLOSE_QUOTES + '"')
        if t.text in OPEN_QUOTES:
            depth += 1
    return out


def is_nominal(token) -> bool:
    """A noun in context, or a capitalised word pymorphy3 only knows as a noun
    (the tagger reads "Акимата" in a name as an adjective)."""
    readings = parse(token.text) if token.text[:1].isupper() else ()
    return token.pos_ in NOMINAL or bool(readings) and all(p.tag.POS == "NOUN" for p in readings)


def head_index(tokens, inside) -> int:
    for i, t in enumerate(tokens):
        if is_nominal(t) and not inside[i]:
            return i
    return -1


GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def head_gender(token, number: str) -> set:
    """Adjectives before a singular head take its gender ("Алтайское краевое Собрание")."""
    tagged = token.morph.get("Gender")
    return {GENDERS[tagged[0]]} if number == "sing" and tagged and tagged[0] in GENDERS else set()


def forms_around(tokens, head: int, number: str = "", reading=None) -> list:
    """The head and the words agreeing before it in the nominative; the rest
    ("… иностранных дел Республики Казахстан") stays as written. `reading`:
    the head's own analysis where the caller knows it better than the tagger."""
    number = number or ("plur" if tokens[head].morph.get("Number") == ["Plur"] else "sing")
    inside, forms = quoted(tokens), [t.text for t in tokens]
    agree = {"nomn", number} | head_gender(tokens[head], number)
    for i in range(head):
        if tokens[i].pos_ in AGREEING and not inside[i]:
            forms[i] = inflect(tokens[i], agree)
    forms[head] = inflect(tokens[head], {"nomn", number}, reading)
    return forms


def phrase_forms(tokens) -> list:
    head = head_index(tokens, quoted(tokens))
    if head < 0:
        return [inflect(t, {"nomn", "sing"}) if t.pos_ in AGREEING else t.text for t in tokens]
    return forms_around(tokens, head)


def head_nominative(tokens, head: int, number: str = "", reading=None) -> str:
    """A name in the nominative when its head word is known."""
    forms = forms_around(tokens, head, number, reading) if 0 <= head < len(tokens) else [t.text for t in tokens]
    return "".join(f + t.whitespace_ for f, t in zip(forms, tokens)).strip()


def name_readings(token, gender: str) -> list:
    """Readings of a word as a first name, patronymic or surname, singular
    (pymorphy3 reads an unknown "Сеитов" as the plural of "Сеит"), of the
    person's gender where one fits."""
    named = [p for p in parse(token.text) if PERSON & p.tag.grammemes and "plur" not in p.tag.grammemes]
    return [p for p in named if not gender or p.tag.gender == gender] or named


CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def name_case(tokens, gender: str) -> str:
    """The case the words of one name share ("Болату Сеитову": datv), which
    decides where the tagger or one word alone cannot; indeclinable readings
    fit every case and cast no vote; a tie goes to the tagger's case."""
    votes = Counter(c for t in tokens for c in {p.tag.case for p in name_readings(t, gender)
                                                 if "Fixd" not in p.tag.grammemes} if c)
    if not votes:
        return ""
    top = max(votes.values())
    tagged = [CASES.get(c) for t in tokens for c in t.morph.get("Case")]
    return next((c for c in tagged if votes.get(c) == top), votes.most_common(1)[0][0])


def name_parse(token, gender: str, case: str = ""):
    """The best reading: the shared case, then the tagger's features, and a
    declinable reading before an indeclinable one ("Анне" is Анна)."""
    feats = token_feats(token)
    return max(name_readings(token, gender),
               key=lambda p: (bool(case) and case in p.tag.grammemes, agreement(p, "PROPN", feats) - p.score,
                              "Fixd" not in p.tag.grammemes), default=None)


def person_gender(tokens) -> str:
    """From the tagger in context ("Болата" is masculine)."""
    for t in tokens:
        tagged = t.morph.get("Gender")
        if tagged:
            return {"Masc": "masc", "Fem": "femn"}.get(tagged[0], "")
    return ""


def person_word(t, gender: str, case: str) -> str:
    tagged_nominative = t.morph.get("Case") == ["Nom"]
    if len(t.text) < 2 or not t.is_alpha:
        return t.text  # an initial
    p = name_parse(t, gender, case)
    if p is None:
        keep = tagged_nominative or SURNAME_ENDINGS.search(t.text) or not noun_reading(t.text)
        return t.text if keep else inflect(t, {"nomn", "sing"})
    if "nomn" in p.tag.grammemes or case == "nomn" or tagged_nominative and nominative_reading(t.text):
        return t.text
    form = inflected(p, frozenset({"nomn", "sing"}))
    return restore_case(form, t.text) if form else t.text


# a name word pymorphy3 does not know as a name, with the ending of a Russian
# masculine surname in the nominative ("Осмонов"), or indeclinable ("Крупко", "Черных")
SURNAME_ENDINGS = re.compile(r"(ов|ев|ёв|ин|ын|ко|ых|их)$")


def noun_reading(word: str) -> bool:
    """Declined like a noun (an unknown foreign name: "Смита"), not like an adjective."""
    return parse(word)[0].tag.POS == "NOUN"


def nominative_reading(word: str) -> bool:
    return any("nomn" in p.tag.grammemes for p in parse(word) if PERSON & p.tag.grammemes)


def predicate(tokens):
    """The gender ("" if the verb has none) of a finite singular verb right
    before the name in its clause, whose subject the name is ("Как показала в
    своей работе Е. В. Самойлова", "как отмечает Т. К. Жумабаева"); None if
    there is none. The tagger reads a surname after its verb as a genitive."""
    first = tokens[0]
    for t in reversed(first.doc[max(first.sent.start, first.i - 6):first.i]):
        if t.is_punct or t.pos_ in NOMINAL and t.morph.get("Case") == ["Nom"]:
            return None   # a clause boundary, or the verb's own subject ("состоялась презентация")
        if t.pos_ == "VERB" and t.morph.get("Number") == ["Sing"] and t.morph.get("VerbForm") == ["Fin"]:
            return {"Masc": "masc", "Fem": "femn"}.get((t.morph.get("Gender") or [""])[0], "")
    return None


def finite_gender(t):
    """The gender of a finite singular verb ("" for a present tense), None for any other word."""
    if t.pos_ == "VERB" and t.morph.get("Number") == ["Sing"] and t.morph.get("VerbForm") == ["Fin"]:
        return {"Masc": "masc", "Fem": "femn"}.get((t.morph.get("Gender") or [""])[0], "")
    return None


def subject_after(tokens):
    """"Н. А. Мальцева выделяет …": a name opening its clause right before a finite verb is its subject."""
    first, last = tokens[0], tokens[-1]
    opens = first.i == first.sent.start or first.doc[first.i - 1].is_punct
    return finite_gender(first.doc[last.i + 1]) if opens and last.i + 1 < len(first.doc) else None


def coordinated_nominative(tokens):
    """"Ю. Г. Чернышов и Т. А. Ковалева": after "и", a name whose neighbour is
    only nominative shares its case ("" : no gender said)."""
    first = tokens[0]
    if first.i < 2 or first.doc[first.i - 1].text != "и":
        return None
    before = first.doc[first.i - 2]
    readings = [p for p in parse(before.text) if PERSON & p.tag.grammemes] if before.text[:1].isupper() else []
    return "" if readings and all("nomn" in p.tag.grammemes for p in readings) else None


def person_forms(tokens) -> list:
    words = [t for t in tokens if len(t.text) > 1 and t.is_alpha]
    gender = next((g for g in (predicate(tokens), subject_after(tokens), coordinated_nominative(tokens))
                   if g is not None), None)
    if gender is not None and words and all(any("nomn" in p.tag.grammemes for p in name_readings(t, gender))
                                            for t in words):
        case = "nomn"   # the name agrees with its verb as its subject
    else:
        gender = person_gender(tokens)
        case = name_case(words, gender)
    return [person_word(t, gender, case) for t in tokens]


def nominative(span, label: str) -> str:
    return nominative_of([t for t in span if not t.is_space], label)


def nominative_of(tokens, label: str) -> str:
    """The mention of these words (its tokens but spaces) in the nominative."""
    if label == "PER":
        forms = person_forms(tokens)
    elif label == "DATE":
        forms = phrase_forms(tokens) if tokens and tokens[0].is_alpha else [t.text for t in tokens]
    elif label in ("LOC", "ORG"):
        forms = phrase_forms(tokens)
    else:
        forms = [t.text for t in tokens]
    return "".join(f + t.whitespace_ for f, t in zip(forms, tokens)).strip()
