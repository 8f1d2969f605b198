"""The calendar reports are dated by: five-year plans and national people's congresses.

>>> five_year_plan(14), five_year_plan(2), national_congress_year(14, 2)
((2021, 2025), (1958, 1962), 2024)
"""

from __future__ import annotations


def five_year_plan(n: int) -> tuple[int, int]:
    """First and last year of the n-th five-year plan (十四五 = the 14th, 2021-2025).

    The first two ran 1953-1957 and 1958-1962; the adjustment years 1963-1965 came between the
    second and the third, which began in 1966.
    """
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return start, start + 4


#: first year of each national people's congress (全国人民代表大会); its m-th session sits in year
#: first + m - 1 (the 3rd congress, elected in 1964, is the exception that sat twice in one winter)
NATIONAL_CONGRESS_FIRST_YEAR: dict[int, int] = {
    1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978, 6: 1983, 7: 1988,
    8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023, 15: 2028,
}  # fmt: skip


def national_congress_year(congress: int, session: int) -> int | None:
    """The year of session ``session`` of the ``congress``-th national people's congress, if known."""
    first = NATIONAL_CONGRESS_FIRST_YEAR.get(congress)
    return None if first is None or session < 1 else first + session - 1
