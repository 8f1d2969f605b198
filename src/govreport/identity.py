"""Which report is it: the year it plans for and the government that gives it (issue #23).

A reader finds both in the document's own front matter first, then in its outline, and only
then in what a collector wrote above it. Each rule here is one of those places, tried in
order; the first that gives an answer decides, and its name is kept as ``year_source`` /
``jurisdiction_source`` so that a panel of reports can be audited.

Year, most frequent case first:

- ``title``: the title names it (``2026年浙江省政府工作报告``; Chinese numerals and spaced
  digits count: ``二〇一二年``, ``1 9 9 8 年``);
- ``subtitle``: a dated line under the title (``——2014年1月8日在…会议上``);
- ``meeting``: the ceremony line names a national people's congress session, whose year the
  congress calendar gives (``在第十四届全国人民代表大会第二次会议上`` → 2024);
- ``plan_heading``: a top-level heading names the year of the plan part (``二、2004年主要任务``);
- ``review_heading``: a top-level heading names the year under review (``一、1999年国内工作回顾``
  → 2000);
- ``five_year_plan``: a top-level heading opens or reviews a five-year plan
  (``二、“十二五”时期的主要目标和任务`` → 2011; ``“十四五”时期…回顾`` → 2026);
- ``review_text``: the review names the year just past (``刚刚过去的1992年`` → 1993), or the
  first part reviews a period and the last year it reports on is the year before;
- ``collector_header``: the scraper's header (``标题：``/``发文时间：``), which the body outranks;
- ``dateline``: the first full date of a text with nothing else (a news page's dateline);
- ``file_name`` and ``caller``: given from outside (:func:`govreport.parse_file`, ``parse(year=…)``).

Years in passing decide nothing: ``到2020年``, ``1997年以来``, ``2035年远景目标``, a date
inside a heading, a meeting named in the review.

Jurisdiction: the place named before ``政府工作报告``/``人民政府`` in the title or the
subtitle's ``在X第…届人民代表大会``, the speaker line (``保定市人民政府市长 李谦``), the
ceremony sentence (``我代表国务院``), then the collector header (``发文单位：``). The level is
kept (``浙江省``, ``保定市``, ``国务院`` for national reports); a newspaper (``河北日报``) or a
short meeting name (``省十四届人大四次会议``) names no government.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from .models import Diagnostic, Report
from .text.calendar import five_year_plan, national_congress_year
from .text.numerals import parse_cn
from .text.words import MEETING_LINE

# ----------------------------------------------------------------------------- tables

#: where a year or a jurisdiction was read, in the order the rules are tried
YEAR_SOURCES: tuple[str, ...] = (
    "caller",
    "title",
    "subtitle",
    "meeting",
    "plan_heading",
    "review_heading",
    "five_year_plan",
    "review_text",
    "collector_header",
    "dateline",
    "file_name",
)
JURISDICTION_SOURCES: tuple[str, ...] = (
    "caller",
    "title",
    "subtitle",
    "speaker",
    "meeting",
    "collector_header",
    "file_name",
)

#: words after ``YYYY年`` in a heading that make it the plan part (二、2005年工作总体部署)
PLAN_WORDS = regex.compile(r"安排|任务|建议|部署|打算|目标|方针|总体要求|工作思路|重点工作|计划")
#: words that make a heading (or the part after a year in it) a review of the period before
REVIEW_WORDS = regex.compile(r"回顾|总结|成就|成绩|过去")

#: a year as written: 2026, spaced ``1 9 9 8``, or in Chinese numerals ``二〇一二``, followed by 年
_YEAR = regex.compile(
    r"(?<![\d〇零○一二三四五六七八九])"
    r"(?P<y>(?:[1１]\s?[89８９]|[2２]\s?[0０])\s?\d\s?\d|[一二][〇零○一二三四五六七八九]{3})\s?年(?P<after>.{0,6})"
)
#: a year in passing: a deadline, a starting point, a year looked back on, a long-range vision, a date in a line
_PASSING_BEFORE = regex.compile(r"(?:到|至|截至|截止|从|自|(?<!关|对|由|属|等|基|鉴)于|早在|直到|过去的|回顾)\s*$")
#: how far before a year its passing word may stand (从 2020年, 截至2024年)
PASSING_WINDOW = 6
_PASSING_AFTER = regex.compile(
    r"^(?:\s?底|以来|以前|之前|前后|远景|之后|后|起|开始|\s?\d{1,2}\s?月|[一二三四五六七八九十]{1,2}月)"
)
_FYP = regex.compile(r"[“\"]?(?:第)?(?P<n>[一二三四五六七八九十]{1,3})五[”\"]?(?:计划|规划|时期|期间)?")
_NATIONAL_MEETING = regex.compile(
    r"第(?P<n>[一二三四五六七八九十]{1,3})届全国人民代表大会第(?P<m>[一二三四五六七八九十]{1,3})次会议"
)
#: a first part that reviews a period: 一、过去五年工作回顾, 一、改革开放…取得伟大成就的五年
REVIEW_PART = regex.compile(r"^(?:一、|第一[部章]分?).*(?:回顾|的(?:五|一)年)$")
_DATE = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?:年|-|/|\.)(?:[01]?\d)(?:月|-|/|\.)(?:[0-3]?\d)(?!\d)")
_JUST_PAST = regex.compile(r"刚刚过去的\s*(\d{4})\s*年")
#: the delivery date of a title or subtitle: …——2010年1月26日在保定市第十三届人民代表大会…
_DATED_MEETING = regex.compile(r"(?P<y>\d{4})\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s*在")

#: a government's name with its level, as it stands before 人民政府 / 政府工作报告 / 第…届人民代表大会
_LEVEL = r"(?:特别行政区|自治区|自治州|自治县|省|市|县|区|州|盟|旗)"
_PLACE = rf"(?P<place>(?![年度的在])\p{{Han}}{{1,10}}{_LEVEL})"
_TITLE_PLACE = regex.compile(rf"(?<!\p{{Han}}){_PLACE}(?:人民)?政府(?:工作)?报告")
_MEETING_PLACE = regex.compile(rf"在{_PLACE}第\S{{1,4}}届人民代表大会")
_NATIONAL = regex.compile(r"全国人民代表大会|代表国务院|国务院总理")
_SPEAKER = regex.compile(
    rf"^\s*(?:报告人：\s*)?{_PLACE}(?:人民政府)?(?:代)?(?:省长|市长|县长|区长|主席|州长|盟长|旗长)"
)
#: a speaker line is the office and a name: longer lines are sentences that mention an office
MAX_SPEAKER = 30
_CEREMONY = regex.compile(rf"我代表{_PLACE}人民政府")
_ISSUER = regex.compile(rf"发文(?:单位|机关)：\s*{_PLACE}人民政府")
HEADER_TITLE = regex.compile(r"(?m)^标题：[ \t]*(?P<title>\S[^\n]*?)[ \t]*$")
_HEADER_DATE = regex.compile(r"(?m)^发文时间：\s*(?P<y>(?:19|20)\d\d)")
#: a place name that is only a level (省, 市) or a short meeting name is no jurisdiction
_NOT_A_PLACE = regex.compile(rf"^(?:全|本|我|各|该|全省|全市){_LEVEL}$|人大|政协|会议")


# ----------------------------------------------------------------------------- reading years


def _year_value(s: str) -> int:
    """2026, 2 0 2 6, ２０２６ or 二〇二六 as an int."""
    s = "".join(s.split())
    return int(s) if s.isdigit() else parse_cn(s) or 0


def years_in(s: str, *, passing: bool = False) -> list[tuple[int, int, int]]:
    """The years written in ``s`` as (year, start, end), without those in passing unless asked.

    >>> [y for y, _, _ in years_in("关于1 9 9 8 年政府工作的建议")], [y for y, _, _ in years_in("二〇一二年")]
    ([1998], [2012])
    >>> years_in("到2035年基本实现现代化，2020年以来")
    []
    """
    out = []
    for m in _YEAR.finditer(s):
        before = _PASSING_BEFORE.search(s, max(0, m.start() - PASSING_WINDOW), m.start())
        if not passing and (before is not None or _PASSING_AFTER.match(m.group("after")) is not None):
            continue
        out.append((_year_value(m.group("y")), m.start(), m.end("y") + 1))
    return out


def _heading_year(heading: str, first: bool) -> tuple[int, str] | None:
    """(year, rule) that one top-level heading gives, if any.

    Each year in the heading is read with the words after it, up to the next year: plan words
    make it the plan year, review words the year before the plan. A heading that holds both
    (``1993年…的回顾和1994年工作的基本方针``) gives its plan year. A year with neither is the
    review in the first part and the plan in a later one (``三、2011年的工作``).

    >>> _heading_year("一、１９９３年国内工作的回顾和１９９４年工作的基本方针", True)
    (1994, 'plan_heading')
    >>> _heading_year("一、2024年工作回顾", True), _heading_year("三、2011年的工作", False)
    ((2025, 'review_heading'), (2011, 'plan_heading'))
    """
    found = years_in(heading)
    plan: list[int] = []
    review: list[int] = []
    for i, (year, _, end) in enumerate(found):
        tail = heading[end : found[i + 1][1] if i + 1 < len(found) else len(heading)]
        if REVIEW_WORDS.search(tail):
            review.append(year)
        elif PLAN_WORDS.search(tail) or not first:
            plan.append(year)
        else:
            review.append(year)
    if plan:
        return plan[0], "plan_heading"
    if review:
        return max(review) + 1, "review_heading"
    fyp = _FYP.search(heading)
    if fyp is not None:
        n = parse_cn(fyp.group("n"))
        if n is not None and n >= 1:
            start, end = five_year_plan(n)
            if REVIEW_WORDS.search(heading):
                return end + 1, "five_year_plan"
            if PLAN_WORDS.search(heading):
                return start, "five_year_plan"
    return None


def meeting_year(s: str) -> int | None:
    """The year of the national people's congress session named in ``s``, from the calendar.

    >>> meeting_year("——2024年3月5日在第十四届全国人民代表大会第二次会议上"), meeting_year("在省十四届人大四次会议上")
    (2024, None)
    """
    m = _NATIONAL_MEETING.search(s)
    if m is None:
        return None
    n, session = parse_cn(m.group("n")), parse_cn(m.group("m"))
    return None if n is None or session is None else national_congress_year(n, session)


# ----------------------------------------------------------------------------- the document as read


@dataclass(frozen=True)
class Front:
    """What the identity rules read, each piece as (normalised) text.

    ``title`` is the document's title line; ``front`` the other lines before the first
    heading (subtitle, speaker, ceremony sentence); ``headings`` the top-level headings in
    order, each with the text of its part; ``removed`` the texts of bylines and collector
    headers that normalisation removed as noise (a speaker line is a byline).
    """

    title: str | None = None
    front: Sequence[str] = ()
    headings: Sequence[tuple[str, str]] = ()
    removed: Sequence[str] = ()
    text: str = ""


@dataclass
class Identity:
    """The year and the government, each with the rule that decided it, and any disagreement."""

    year: int | None = None
    year_source: str | None = None
    jurisdiction: str | None = None
    jurisdiction_source: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def header_title(removed: Iterable[str]) -> str | None:
    """The value of a collector header's ``标题：`` field.

    >>> header_title(["标题：2026年河北省政府工作报告\\n发文单位：河北省人民政府\\n正文："])
    '2026年河北省政府工作报告'
    """
    for r in removed:
        m = HEADER_TITLE.search(r)
        if m is not None:
            return m.group("title")
    return None


def _years(front: Front) -> Iterable[tuple[int, str]]:
    """Every (year, rule) the body gives, in the order the rules are tried."""
    if front.title:
        named = years_in(front.title)
        dated = _DATED_MEETING.search(front.title)
        if named:
            yield max(y for y, _, _ in named), "title"
        elif dated is not None:
            yield int(dated.group("y")), "title"
        at_meeting = meeting_year(front.title)
        if at_meeting is not None:
            yield at_meeting, "meeting"
    subtitles = [line for line in front.front if MEETING_LINE.search(line)]
    for line in subtitles:
        dates = years_in(line, passing=True)
        if dates:
            yield dates[0][0], "subtitle"
    for line in [*subtitles, *(line for line in front.front if "报告" in line)]:
        at_meeting = meeting_year(line)
        if at_meeting is not None:
            yield at_meeting, "meeting"
    read = [_heading_year(heading, first=i == 0) for i, (heading, _) in enumerate(front.headings)]
    yield from (r for r in read if r is not None and r[1] == "plan_heading")
    yield from (r for r in read if r is not None)
    just_past = _JUST_PAST.search(front.text)
    if just_past is not None:
        yield int(just_past.group(1)) + 1, "review_text"
    if front.headings and REVIEW_PART.search(front.headings[0][0]):
        last = last_reported_year([y for y, _, _ in years_in(front.headings[0][1])])
        if last is not None:
            yield last + 1, "review_text"


def last_reported_year(years: Sequence[int]) -> int | None:
    """The last year a review reports on: the latest year it names more than once.

    A review names the years it reports on again and again; a later year it names once is an
    event ahead (申办2008年奥运会成功). With no year named twice, the latest one.

    >>> last_reported_year([1988, 1992, 1992, 1991, 2000]), last_reported_year([2001])
    (1992, 2001)
    """
    repeated = [y for y in set(years) if years.count(y) > 1]
    return max(repeated or years) if years else None


def _header_year(removed: Iterable[str]) -> int | None:
    for r in removed:
        title = header_title([r])
        if title is not None:
            found = years_in(title)
            if found:
                return max(y for y, _, _ in found)
        m = _HEADER_DATE.search(r)
        if m is not None:
            return int(m.group("y"))
    return None


def _place(m: regex.Match[str] | None) -> str | None:
    if m is None:
        return None
    place: str = m.group("place")
    return None if _NOT_A_PLACE.search(place) else place


def _without_leading_year(title: str) -> str:
    """The title after a year it opens with (``二〇一二年甘肃省…`` → ``甘肃省…``)."""
    found = years_in(title, passing=True)
    if found and not title[: found[0][1]].strip():
        rest = title[found[0][2] :]
        return rest[1:] if rest.startswith("度") else rest
    return title


def _jurisdictions(front: Front) -> Iterable[tuple[str, str]]:
    """Every (jurisdiction, rule) the body gives, in the order the rules are tried."""
    if front.title:
        title = _without_leading_year(front.title)
        place = _place(_TITLE_PLACE.search(title)) or _place(_MEETING_PLACE.search(title))
        if place:
            yield place, "title"
    for line in front.front:
        if MEETING_LINE.search(line):
            place = _place(_MEETING_PLACE.search(line))
            if place:
                yield place, "subtitle"
            elif _NATIONAL.search(line):
                yield "国务院", "subtitle"
    for line in [*front.removed, *front.front]:
        for one in line.splitlines():
            if len(one.strip()) > MAX_SPEAKER:
                continue
            place = _place(_SPEAKER.match(one))
            if place:
                yield place, "speaker"
            elif one.strip().startswith("国务院总理"):
                yield "国务院", "speaker"
    for line in front.front:
        place = _place(_CEREMONY.search(line))
        if place:
            yield place, "meeting"
        elif "我代表国务院" in line:
            yield "国务院", "meeting"
    for r in front.removed:
        named = _without_leading_year(header_title([r]) or "")
        place = _place(_TITLE_PLACE.search(named)) or _place(_ISSUER.search(r)) or _place(_MEETING_PLACE.search(named))
        if place:
            yield place, "collector_header"


def identify(front: Front, *, year: int | None = None, jurisdiction: str | None = None) -> Identity:
    """Read the year and the jurisdiction; ``year``/``jurisdiction`` given by the caller win.

    >>> f = Front(title="2026年浙江省政府工作报告", front=["2026年1月14日在浙江省第十四届人民代表大会第四次会议上"])
    >>> i = identify(f)
    >>> (i.year, i.year_source, i.jurisdiction, i.jurisdiction_source)
    (2026, 'title', '浙江省', 'title')
    >>> i = identify(Front(front=["各位代表：", "现在，我代表国务院向大会作政府工作报告。"],
    ...                    headings=[("一、１９９４年国内工作的回顾", ""), ("二、促进国民经济持续发展", "")]))
    >>> (i.year, i.year_source, i.jurisdiction, i.jurisdiction_source)
    (1995, 'review_heading', '国务院', 'meeting')
    """
    out = Identity()
    header = _header_year(front.removed)
    body = next(iter(_years(front)), None)
    if year is not None:
        out.year, out.year_source = year, "caller"
    elif body is not None:
        out.year, out.year_source = body
    elif header is not None:
        out.year, out.year_source = header, "collector_header"
    else:
        date = _DATE.search(front.text)
        if date is not None:
            out.year, out.year_source = int(date.group(1)), "dateline"
    if body is not None and header is not None and header != body[0]:
        out.diagnostics.append(
            Diagnostic(
                code="identity",
                message=f"the collector header says {header}, the text says {body[0]} ({body[1]}): the text wins",
            )
        )
    if jurisdiction is not None:
        out.jurisdiction, out.jurisdiction_source = jurisdiction, "caller"
    else:
        found = next(iter(_jurisdictions(front)), None)
        if found is not None:
            out.jurisdiction, out.jurisdiction_source = found
    return out


#: a place name in a file name: 2026_云南省_政府工作报告.txt
_NAME_PLACE = regex.compile(rf"\p{{Han}}{{1,10}}?{_LEVEL}")
_NAME_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def apply_file_name(report: Report, name: str) -> None:
    """Fill a year or jurisdiction the text did not give from the file name (source ``file_name``).

    The text wins; when the name disagrees with it, a diagnostic says so.

    >>> r = Report(year=None)
    >>> apply_file_name(r, "2026_云南省_政府工作报告.txt"); (r.year, r.year_source, r.jurisdiction)
    (2026, 'file_name', '云南省')
    """
    stem = name.rsplit(".", 1)[0]
    years = _NAME_YEAR.findall(stem)
    named_year = int(years[0]) if len(set(years)) == 1 else None
    place = _NAME_PLACE.search(stem)
    named_place = place.group(0) if place is not None and not _NOT_A_PLACE.search(place.group(0)) else None
    for field_name, value in (("year", named_year), ("jurisdiction", named_place)):
        if value is None:
            continue
        have = getattr(report, field_name)
        if have is None:
            setattr(report, field_name, value)
            setattr(report, f"{field_name}_source", "file_name")
        elif have != value and getattr(report, f"{field_name}_source") != "caller":
            report.diagnostics.append(
                Diagnostic(code="identity", message=f"the file name says {value}, the text says {have}: the text wins")
            )
