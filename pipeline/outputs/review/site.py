"""Jinja2 templates of the review site (templates/*.html, style.css)."""

from functools import lru_cache
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from pipeline.outputs.review.colors import direction_color, legend
from pipeline.outputs.review.vocabulary import direction_name, type_name


def score(value) -> str:
    return f"{float(value):.2f}"


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1 предложение, 2 предложения, 5 предложений."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    return few if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else many


def shown_type(shown: str) -> str:
    """"LOC·region" (as highlights show it) -> "регион"."""
    return type_name(*shown.split("·")) if "·" in shown else type_name(shown)


def thousands(value) -> str:
    return f"{int(value):,}".replace(",", "\u2009")  # thin space, as Russian typography groups digits


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.outputs.review", "templates"),
                      autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(score=score, thousands=thousands, url=lambda s: quote(s), dcolor=direction_color,
                       dname=direction_name, plural=plural, tname=shown_type)
    env.globals.update(legend=legend)
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
