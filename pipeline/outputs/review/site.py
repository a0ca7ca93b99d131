"""Jinja2 templates of the review site (templates/*.html, style.css)."""

from functools import lru_cache
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from pipeline.outputs.review.colors import direction_color, legend


def score(value) -> str:
    return f"{float(value):.2f}"


def thousands(value) -> str:
    return f"{int(value):,}".replace(",", "\u2009")  # thin space, as Russian typography groups digits


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.outputs.review", "templates"),
                      autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(score=score, thousands=thousands, url=lambda s: quote(s), dcolor=direction_color)
    env.globals.update(legend=legend)
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
