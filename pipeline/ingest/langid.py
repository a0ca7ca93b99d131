"""Is a text Russian? The models are Russian-only, so other languages are
skipped with a reason rather than filled with nonsense entities.

py3langid decides (a naive Bayes model over byte n-grams, shipped in the
package, ~100 languages: Kazakh, Kyrgyz, Tatar, Bashkir, Mongolian,
Bulgarian, Serbian, Macedonian, Ukrainian, Belarusian...). Two letter
checks settle what a short sample leaves close:
- a Russian text full of names can look Bulgarian or Serbian to the
  n-grams, but those languages have no "ы" or "э": a text where they are
  common is Russian;
- a Russian article that the model doubts but whose Cyrillic letters are
  ~9 % Kazakh-only letters (ә ғ қ ң ө ұ ү һ і) is Kazakh, skipped with its
  own reason (a Russian article quoting a Kazakh name stays far below).
A text that is plainly Russian by its letters alone is not given to the
model at all (below), so a run of Russian articles never loads it (about 1 s)."""

import re
from functools import lru_cache

NOT_LETTERS = re.compile(r"[\W\d_]+")
NOT_CYRILLIC = re.compile(r"[^\u0400-\u04ff]+")
SAMPLE = 5_000          # characters read: enough for the model, cheap on long documents
CYRILLIC_SHARE = 0.5    # of all letters, below which a text is not Cyrillic Russian
RUSSIAN_ONLY = "ыэ"     # Cyrillic letters Bulgarian, Serbian and Macedonian lack
RUSSIAN_ONLY_SHARE = 0.01   # ~3 % in Russian text
# Of the Cyrillic languages, only Bulgarian writes with a subset of the Russian
# alphabet, and it has no "ы", "э" or "ё" but a frequent "ъ" (~2 % of letters);
# Russian has ~2 % "ы"/"э"/"ё" (a short item full of names 0.3-1 %) and little
# "ъ" (under 1 % even in a short text of "объём" and "съезд").
PLAIN_RUSSIAN, PLAIN_RUSSIAN_SHARE, BULGARIAN = "ыэё", 0.002, "ъ"
# The other Cyrillic languages' own letters are 3-10 % of their text (Kazakh
# "і", "қ", Ukrainian "і", "є", Serbian "ј"); a Russian article that quotes a
# Kazakh or Belarusian name has a few, well under 1 %.
QUOTED_SHARE = 0.01
KAZAKH_LETTERS, KAZAKH_SHARE = "әғқңөұүһі", 0.03
SOUTH_SLAVIC = {"bg", "sr", "mk"}
RUSSIAN_LETTERS = re.compile("[а-яё]+")
NAMES = {"kk": "Kazakh", "ky": "Kyrgyz", "tt": "Tatar", "ba": "Bashkir", "mn": "Mongolian",
         "uk": "Ukrainian", "be": "Belarusian", "bg": "Bulgarian", "sr": "Serbian",
         "mk": "Macedonian", "en": "English", "und": "mostly non-Cyrillic letters"}


@lru_cache(maxsize=1)
def identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def share(letters: str, own: str) -> float:
    return sum(map(letters.count, own)) / len(letters) if letters else 0.0


def plainly_russian(found: str, cyrillic: str) -> bool:
    """Mostly Cyrillic, hardly a letter outside the Russian alphabet
    (Ukrainian, Belarusian, Kazakh, Kyrgyz, Tatar, Bashkir, Mongolian,
    Serbian, Macedonian write with letters Russian lacks), and "ы"/"э"/"ё"
    present and more common than "ъ" (not Bulgarian). `found`: the sample's
    letters, `cyrillic`: its Cyrillic letters."""
    russian = share(cyrillic, PLAIN_RUSSIAN)
    quoted = len(RUSSIAN_LETTERS.sub("", cyrillic))
    return len(cyrillic) >= CYRILLIC_SHARE * len(found) and quoted < QUOTED_SHARE * len(cyrillic) \
        and russian > PLAIN_RUSSIAN_SHARE and russian > share(cyrillic, BULGARIAN)


def detect(text: str) -> str:
    """'ru', another ISO 639-1 code from py3langid, or 'und' for text that has
    no letters or is mostly not Cyrillic and not a language the model knows."""
    sample = text[:SAMPLE]
    found = NOT_LETTERS.sub("", sample.lower())
    if not found:
        return "und"
    cyrillic = NOT_CYRILLIC.sub("", found)
    if plainly_russian(found, cyrillic):
        return "ru"
    language, _ = identifier().classify(sample)
    if len(cyrillic) >= CYRILLIC_SHARE * len(found):
        if language in SOUTH_SLAVIC and share(cyrillic, RUSSIAN_ONLY) > RUSSIAN_ONLY_SHARE:
            return "ru"
        if language == "ru" and share(cyrillic, KAZAKH_LETTERS) > KAZAKH_SHARE:
            return "kk"
        return language
    return "und" if language == "ru" else language


def describe(language: str) -> str:
    return f"not Russian: {NAMES.get(language, language)} ({language}); the pipeline handles Russian only"
