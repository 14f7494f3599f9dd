"""German formatting of the report's figures, all through babel (locale de_DE).

Amounts, counts, shares and dates go through these helpers only, so a figure reads the same
in the HTML report, the Markdown report, the chart labels and the data tables. Babel joins a
figure and its unit with a no-break space ("1.234.567\u00a0€"), so they never wrap apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, localcontext
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "de_DE"


NOT_STATED = "o.\u00a0A."
"""How the report shows a value the plan does not state (the plan prints "o. A.")."""

_EURO_WHOLE = "#,##0\u00a0¤"
_EURO_CENTS = "#,##0.00\u00a0¤"


@contextmanager
def _precision_for(value: Decimal | int | float) -> Iterator[None]:
    """Enough decimal precision to format ``value`` with its decimal places (babel rounds in
    the current context, whose 28 digits a larger number exceeds)."""
    exact = Decimal(value)
    digits = exact.adjusted() if exact.is_finite() else 0
    with localcontext() as context:
        context.prec = max(context.prec, digits + 30)
        yield


def _has_cents(value: Decimal) -> bool:
    return value != value.to_integral_value()


def euro(value: Decimal | int, *, cents: bool | None = None) -> str:
    """An amount in euros: "1.012.000 €", "45.821,54 €".

    ``cents`` None shows cents only when the amount has them, as the plan prints it; True or
    False forces them on or off (off rounds half to even).
    """
    amount = Decimal(value)
    with_cents = _has_cents(amount) if cents is None else cents
    with _precision_for(amount):
        return format_currency(
            amount,
            "EUR",
            format=_EURO_CENTS if with_cents else _EURO_WHOLE,
            locale=LOCALE,
            currency_digits=False,
        )


def number(value: Decimal | int | float, *, digits: int | None = None) -> str:
    """A count or measure: "1.234.567", "12,5". ``digits`` fixes the decimal places."""
    pattern = None if digits is None else "#,##0" + ("." + "0" * digits if digits > 0 else "")
    with _precision_for(value):
        return format_decimal(value, format=pattern, locale=LOCALE)


def percent(share: Decimal | float, *, digits: int = 1) -> str:
    """A share (0.394) as a percentage: "39,4 %"."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "\u00a0%"
    with _precision_for(share):
        return format_percent(share, format=pattern, locale=LOCALE)


def day(value: date) -> str:
    """A date: "30.06.JJJJ"."""
    return format_date(value, "dd.MM.yyyy", locale=LOCALE)


def page(pages: int | Iterable[int | None] | None) -> str:
    """Where a figure is printed: "S. 38", "S. 38–39", "S. 12, 38–40"; "" when unknown."""
    if pages is None:
        return ""
    numbers = [pages] if isinstance(pages, int) else sorted({p for p in pages if p is not None})
    if not numbers:
        return ""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    parts = [_page_number(a) if a == b else f"{_page_number(a)}–{_page_number(b)}" for a, b in runs]
    return "S.\u00a0" + ", ".join(parts)


@lru_cache(maxsize=4096)
def _page_number(n: int) -> str:
    """A page number in German digits, remembered: a report names the same few pages
    thousands of times, and babel takes a while for each."""
    with _precision_for(abs(n)):
        return format_decimal(n, locale=LOCALE)


def axis_number(value: float) -> str:
    """A tick label of a chart axis: at most one decimal place, German separators."""
    rounded = round(value, 1)
    with _precision_for(rounded):
        if rounded == int(rounded):
            return format_decimal(int(rounded), locale=LOCALE)
        return format_decimal(rounded, format="#,##0.0", locale=LOCALE)


def count_phrase(n: int, singular: str, plural: str) -> str:
    """ "1 Maßnahme", "12 Maßnahmen" (the count formatted, the noun in the right number)."""
    return f"{number(n)}\u00a0{singular if n == 1 else plural}"
