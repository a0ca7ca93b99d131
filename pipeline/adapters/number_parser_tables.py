"""number-parser's `parse_number` with each language's tables built once.
The library builds `LanguageData(language)` on every call (each of its word
lists copied with accents stripped: 2-3 ms a call, the money stage's largest
cost on a new number word); the tables are only read, so one per language
serves every call.

Touches: `number_parser.parser.LanguageData`, replaced by a factory that
remembers its instances. Compared with the library by
tests/adapters/test_number_parser_tables.py."""

from functools import lru_cache

from number_parser import parser


def install() -> None:
    """Once per process; calling it again changes nothing."""
    if not hasattr(parser.LanguageData, "cache_info"):
        parser.LanguageData = lru_cache(maxsize=None)(parser.LanguageData)


def parse_number(words: str, language: str):
    """number_parser.parse_number, its tables built once."""
    install()
    return parser.parse_number(words, language=language)
