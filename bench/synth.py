"""Deterministic synthetic government work reports, Simplified or Traditional.

Reports follow the usual shape: a title, a byline, a preamble, a review of the
past year (achievements with numbers), a paragraph of shortcomings, and the
plan for the coming year (targets) in parts 一、 / chapters （一） / items 1. and
（1）. Every phrase here was written for the benchmark; none is copied from a
real report. The same ``seed`` always gives the same text (``random.Random``
with an integer seed is stable across CPython versions).

Traditional text is made by converting the phrase tables (not the output) with
OpenCC ``s2t`` once, so generating 10 M characters stays cheap.

>>> a = report(20_000, seed=7)
>>> a == report(20_000, seed=7), 19_000 < len(a) < 21_000
(True, True)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

#: the size of one synthetic report in a corpus: a provincial report
REPORT_CHARS = 20_000

_CITIES = ("临川市", "青岚市", "东阳县", "南溪区", "云栖市", "北湖省", "西陵州", "海港新区")
_CN = "一二三四五六七八九十"

# indicators with a plausible range and unit, for results and targets
_INDICATORS: tuple[tuple[str, float, float, str], ...] = (
    ("地区生产总值", 3.0, 8.0, "%"),
    ("一般公共预算收入", 1.0, 9.0, "%"),
    ("规模以上工业增加值", 2.0, 10.0, "%"),
    ("固定资产投资", 1.0, 8.0, "%"),
    ("社会消费品零售总额", 2.0, 9.0, "%"),
    ("进出口总额", 0.5, 12.0, "%"),
    ("居民人均可支配收入", 3.0, 7.0, "%"),
    ("城镇调查失业率", 4.5, 5.5, "%"),
    ("居民消费价格涨幅", 1.0, 3.0, "%"),
    ("研发经费投入强度", 1.5, 3.5, "%"),
)
_COUNTS: tuple[tuple[str, int, int, str], ...] = (
    ("城镇新增就业", 2, 60, "万人"),
    ("新开工重点项目", 30, 400, "个"),
    ("新增高新技术企业", 50, 900, "家"),
    ("改造老旧小区", 20, 300, "个"),
    ("新建改建农村公路", 100, 2000, "公里"),
    ("新增学位", 1000, 30000, "个"),
    ("完成造林绿化", 1, 50, "万亩"),
)
_FIELDS = (
    "科技创新",
    "现代产业体系",
    "扩大内需",
    "营商环境",
    "乡村振兴",
    "城市更新",
    "生态环境保护",
    "民生保障",
    "对外开放",
    "社会治理",
    "数字经济",
    "教育医疗",
)
_ACTIONS = (
    "深入实施{f}行动，出台配套政策{n}项，{i}增长{v}%。",
    "坚持把{f}摆在突出位置，全年{c}{k}{u}，超额完成年度任务。",
    "{f}取得新进展，{i}比上年增长{v}%，高于全国平均水平。",
    "统筹推进{f}各项工作，累计投入资金{m}亿元，惠及群众{k}万人次。",
    "围绕{f}补短板强弱项，建成一批标志性项目，群众获得感明显增强。",
)
_PLANS = (
    "{i}增长{v}%左右，{c}{k}{u}以上。",
    "加快{f}，力争{i}增长{v}%以上，全年{c}{k}{u}。",
    "持续推进{f}，确保{i}控制在{v}%以内。",
    "聚焦{f}，实施重点项目{n}个，年度计划投资{m}亿元。",
    "着力提升{f}水平，推动各项政策落地见效，让发展成果更多更公平惠及全体人民。",
)
_WEAK = (
    "{f}的基础还不够牢固，部分领域风险隐患仍然较多；",
    "{f}方面与先进地区相比还有差距，创新能力有待提升；",
    "一些干部担当作为不够，{f}工作的落实效率仍需提高；",
)
_OTHER = (
    "各位代表，这些成绩的取得，是全市上下团结奋斗的结果。",
    "在此，我代表市人民政府，向全市广大干部群众表示衷心的感谢！",
    "我们将始终坚持人民至上，自觉接受人大监督和社会监督。",
)
_REVIEW_TITLES = ("{y}年工作回顾", "过去一年的主要工作")
_PLAN_TITLES = ("{y}年工作安排", "{y}年重点工作", "{y}年经济社会发展主要预期目标")


@dataclass(frozen=True)
class _Tables:
    cities: tuple[str, ...]
    indicators: tuple[tuple[str, float, float, str], ...]
    counts: tuple[tuple[str, int, int, str], ...]
    fields: tuple[str, ...]
    actions: tuple[str, ...]
    plans: tuple[str, ...]
    weak: tuple[str, ...]
    other: tuple[str, ...]
    review_titles: tuple[str, ...]
    plan_titles: tuple[str, ...]
    words: dict[str, str]


_WORDS = {
    "title": "{c}{y}年政府工作报告",
    "byline": "——{y}年1月{d}日在{c}第十届人民代表大会第{n}次会议上",
    "greeting": "各位代表：",
    "intro": "现在，我代表{c}人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。",
    "weak_lead": "同时，我们也清醒地看到，发展中还存在一些困难和问题：",
    "weak_tail": "对此，我们将采取有力措施，认真加以解决。",
    "goal_lead": "今年经济社会发展的主要预期目标是：",
    "part": "{n}、",
    "chapter": "（{n}）",
    "item": "{n}.",
    "sub": "（{n}）",
    "closing": "各位代表，新的征程催人奋进，让我们坚定信心、真抓实干，为全面完成今年各项目标任务而努力奋斗！",
}


def _simplified_tables() -> _Tables:
    return _Tables(
        _CITIES,
        _INDICATORS,
        _COUNTS,
        _FIELDS,
        _ACTIONS,
        _PLANS,
        _WEAK,
        _OTHER,
        _REVIEW_TITLES,
        _PLAN_TITLES,
        dict(_WORDS),
    )


@lru_cache(maxsize=2)
def _tables(script: str) -> _Tables:
    """The phrase tables in ``script`` ('simplified' or 'traditional')."""
    simp = _simplified_tables()
    if script == "simplified":
        return simp
    if script != "traditional":
        msg = f"script must be 'simplified' or 'traditional', not {script!r}"
        raise ValueError(msg)
    from opencc import OpenCC

    cc = OpenCC("s2t")

    def conv(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(str(cc.convert(s)) for s in items)

    return _Tables(
        conv(simp.cities),
        tuple((str(cc.convert(n)), a, b, str(cc.convert(u))) for n, a, b, u in simp.indicators),
        tuple((str(cc.convert(n)), a, b, str(cc.convert(u))) for n, a, b, u in simp.counts),
        conv(simp.fields),
        conv(simp.actions),
        conv(simp.plans),
        conv(simp.weak),
        conv(simp.other),
        conv(simp.review_titles),
        conv(simp.plan_titles),
        {k: str(cc.convert(v)) for k, v in simp.words.items()},
    )


def _cn(n: int) -> str:
    """1..99 as Chinese numerals (一, 十二, 二十三)."""
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN[tens - 1]
    return head + "十" + (_CN[ones - 1] if ones else "")


class _Writer:
    def __init__(self, rng: random.Random, t: _Tables, year: int, city: str) -> None:
        self.rng, self.t, self.year, self.city = rng, t, year, city

    def fill(self, template: str) -> str:
        r = self.rng
        ind, lo, hi, _ = r.choice(self.t.indicators)
        cnt, clo, chi, unit = r.choice(self.t.counts)
        return template.format(
            f=r.choice(self.t.fields),
            i=ind,
            v=f"{r.uniform(lo, hi):.1f}",
            c=cnt,
            k=r.randint(clo, chi),
            u=unit,
            n=r.randint(3, 40),
            m=f"{r.uniform(5, 900):.1f}",
        )

    def paragraph(self, pool: tuple[str, ...], n: int) -> str:
        return "".join(self.fill(self.rng.choice(pool)) for _ in range(n))

    def weak(self) -> str:
        w = self.t.words
        body = "".join(self.fill(self.rng.choice(self.t.weak)) for _ in range(3))
        return w["weak_lead"] + body[:-1] + "。" + w["weak_tail"]


def _wrap(line: str, width: int) -> list[str]:
    """Hard-wrap a paragraph the way PDF extraction does (``width`` characters a line)."""
    return [line[i : i + width] for i in range(0, len(line), width)]


def report(chars: int = REPORT_CHARS, *, script: str = "simplified", seed: int = 0, layout: bool = False) -> str:
    """One synthetic report of about ``chars`` characters (it stops at a paragraph end).

    ``layout=True`` hard-wraps body paragraphs at 38 characters and inserts page
    numbers between pages, as text extracted from a PDF looks.
    """
    rng = random.Random(seed)
    t = _tables(script)
    w = t.words
    year = 2020 + rng.randint(0, 6)
    city = rng.choice(t.cities)
    out = _Writer(rng, t, year, city)
    lines: list[str] = [
        w["title"].format(c=city, y=year),
        w["byline"].format(y=year, d=rng.randint(5, 25), c=city, n=rng.randint(1, 5)),
        w["greeting"],
        w["intro"].format(c=city),
    ]
    size = sum(len(x) + 1 for x in lines)
    part = 0
    closing = w["closing"]
    while size < chars - len(closing):
        part += 1
        review = part % 2 == 1
        title = rng.choice(t.review_titles if review else t.plan_titles).format(y=year - 1 if review else year)
        block = [w["part"].format(n=_cn(part)) + title]
        if not review:
            block.append(w["goal_lead"] + out.paragraph(t.plans[:3], 3))
        for ch in range(1, rng.randint(3, 8) + 1):
            pool = t.actions if review else t.plans
            # a chapter title, sometimes with its first sentences run in after it
            head = w["chapter"].format(n=_cn(ch)) + rng.choice(t.fields)
            block.append(head + ("。" + out.paragraph(pool, 2) if rng.random() < 0.4 else ""))
            for _ in range(rng.randint(1, 3)):
                block.append(out.paragraph(pool, rng.randint(2, 6)))
            if rng.random() < 0.3:  # numbered items, with a sub-list now and then
                for it in range(1, rng.randint(2, 5) + 1):
                    block.append(w["item"].format(n=it) + out.paragraph(pool, rng.randint(1, 3)))
                    if rng.random() < 0.2:
                        block.extend(w["sub"].format(n=s) + out.paragraph(pool, 1) for s in range(1, 3))
        if review:
            block.append(out.weak())
        block.append(out.paragraph(t.other, 1))
        size += sum(len(x) + 1 for x in block)
        lines.extend(block)
    lines.append(closing)
    if layout:
        lines = _layout(lines, rng)
    return "\n".join(lines) + "\n"


def _layout(lines: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    page, on_page = 1, 0
    for line in lines:
        parts = _wrap(line, 38) if len(line) > 38 else [line]
        for p in parts:
            out.append(p)
            on_page += 1
            if on_page >= 40:
                out.extend(["", str(page), ""])
                page, on_page = page + 1, 0
    del rng
    return out


def corpus(total_chars: int, *, script: str = "simplified", seed: int = 0, layout_every: int = 4) -> list[str]:
    """Reports of :data:`REPORT_CHARS` characters (the last one shorter) adding up to ``total_chars``.

    Every ``layout_every``-th report is laid out like PDF-extracted text.
    """
    docs: list[str] = []
    size = 0
    i = 0
    while size < total_chars:
        want = min(REPORT_CHARS, total_chars - size)
        layout = bool(layout_every) and i % layout_every == layout_every - 1
        doc = report(max(want, 1_000), script=script, seed=seed * 100_003 + i, layout=layout)
        docs.append(doc)
        size += len(doc)
        i += 1
    return docs
