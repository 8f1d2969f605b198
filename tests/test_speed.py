"""Fast paths give exactly what the plain code they replace gave (issue #8).

Each optimisation keeps a slow reference here (the code as it was, or the general
path) and a property or table test says both agree, positive and negative cases alike.
"""

from __future__ import annotations

import gc
import weakref

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from govreport import GovReportError, models, parse
from govreport.classify import classifier as cl
from govreport.classify.lexicon import LexiconEntry
from govreport.models import Category, Cue, Report, Sentence, new_cue
from govreport.normalization import Normalized, characters, mojibake, script
from govreport.normalization.offsets import Edit, OffsetMap, apply_edits

# characters that make quantities, phrases and clause breaks: digits, numerals, units,
# direction and framing words' characters, punctuation, spaces and Latin capitals
_ALPHABET = (
    "0123456789.,%一二三四五六七八九十百千万亿个元人家项"
    "增长提高到达以上左右约力争今年全市的为年均，、。；“”\n GDP\U00010d41"
)
_texts = st.text(alphabet=_ALPHABET, max_size=40)


# ---------------------------------------------------------------- offsets in the pipeline


@st.composite
def _mapped(draw: st.DrawFn) -> Normalized:
    """A text of 30 characters rewritten by random sorted edits (deletions, joins, 1:1 swaps)."""
    text = "一二三四五六七八九十" * 3
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    edits = []
    for s, e in zip(cuts[::2], cuts[1::2], strict=False):
        new = draw(st.sampled_from(["", "x", "y" * (e - s), "zz"]))
        edits.append(Edit(s, e, new))
    new_text, omap = apply_edits(text, edits, OffsetMap.identity(len(text)))
    return Normalized(text=new_text, map=omap, original=text)


@given(_mapped(), st.data())
def test_shift_matches_general(norm: Normalized, data: st.DataObject) -> None:
    # a paragraph with a shift maps every span inside it by that shift, as the general path does
    n = len(norm.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    shift = norm.map.shift(a, b)
    if shift is None:
        return
    for _ in range(5):
        s = data.draw(st.integers(a, b))
        e = data.draw(st.integers(a, b))
        if s < e:
            assert (s + shift, e + shift) == norm.span(s, e)


def test_shift_of_an_unedited_paragraph() -> None:
    text = "页眉\n增长5%。\n"
    _, omap = apply_edits(text, [Edit(0, 3, "", "header")], OffsetMap.identity(len(text)))
    norm = Normalized(text="增长5%。\n", map=omap, original=text)
    assert norm.map.shift(0, 5) == 3 and norm.span(2, 4) == (5, 7)
    # a paragraph that holds a replacement of another length takes the general path
    _, omap = apply_edits(text, [Edit(4, 6, "X")], OffsetMap.identity(len(text)))
    norm = Normalized(text="页眉\nX5%。\n", map=omap, original=text)
    assert norm.map.shift(3, 7) is None


# ---------------------------------------------------------------- mojibake


@given(st.text(alphabet="痹谝患径瓤己酥可以看经济?!^@A%。，\n 的", max_size=30))
def test_mojibake_lines_without_suspects_are_skipped_exactly(text: str) -> None:
    fast = mojibake.find(text)
    whole = mojibake._suspect_lines
    try:
        mojibake._suspect_lines = lambda t: [(0, len(t))]  # type: ignore[assignment]
        assert mojibake.find(text) == fast
    finally:
        mojibake._suspect_lines = whole  # type: ignore[assignment]


def test_suspect_lines() -> None:
    text = "全年新增就业4万人。\n比重43.6%?!痹谝患径瓤己酥?,西海岸\n全市GDP增长\n"
    assert [text[a:b] for a, b in mojibake._suspect_lines(text)] == [
        "比重43.6%?!痹谝患径瓤己酥?,西海岸",
        "全市GDP增长",  # a Han character before ASCII: searched, and left alone
    ]
    assert [e.new for e in mojibake.find(text)] == ["?”在一季度考核?"]
    assert mojibake._suspect_lines("全年新增就业4万人。\n") == []


# ---------------------------------------------------------------- Traditional conversion

# Traditional characters, characters of OpenCC phrase keys (乾隆, 一目瞭然, 傢俱), a character
# with several readings (著), separators and Simplified text
_TRAD_ALPHABET = "經濟發展乾隆坤一目瞭然傢俱著覆藉麼么干里後臺，。、 （）\n-.?经济"


@given(st.text(alphabet=_TRAD_ALPHABET, max_size=24))
def test_convert_matches_opencc(text: str) -> None:
    assert script.convert(text) == str(script._converter().convert(text))


def test_convert_cases() -> None:
    cc = script._converter()
    for text in ("經濟發展", "乾隆年間的經濟", "一目瞭然。傢俱", "经济发展", "國內生產總值增長5%"):
        assert script.convert(text) == str(cc.convert(text))
    assert script._fast() is not None  # the installed backend is the one the table is read from


# ---------------------------------------------------------------- normalisation steps


@given(st.text(alphabet="１２Ａａ％\u3000\xa0\u200b\x00\x1f\ud800经济 5", max_size=20))
def test_stdlib_classes_match_regex(text: str) -> None:
    for pattern in (characters._WIDE, characters._INVALID):
        plain = regex.compile(pattern.pattern)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


# ---------------------------------------------------------------- garbage collector


def test_parse_restores_the_collector() -> None:
    assert gc.isenabled()
    parse("一、2024年工作回顾\n全年新增就业4万人。")
    assert gc.isenabled()
    with pytest.raises(GovReportError):
        parse(123)  # type: ignore[arg-type]
    assert gc.isenabled()
    gc.disable()
    try:
        parse("全年新增就业4万人。")
        assert not gc.isenabled()  # the caller's choice stands
    finally:
        gc.enable()


def test_parse_keeps_garbage_collectable_and_leaves_generations_alone() -> None:
    # the caller's cycles are still collected, and parse freezes nothing of the caller's (#14)
    class Node:
        other: object = None

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle only the collector can free
    ref = weakref.ref(a)
    del a, b
    before = gc.get_freeze_count()
    parse("一、2024年工作回顾\n全年新增就业4万人。")
    assert gc.get_freeze_count() == before
    gc.collect()
    assert ref() is None


def test_parse_leaves_no_cycles() -> None:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        parse("一、2024年工作回顾\n全年新增就业4万人，地区生产总值增长5%。\n二、2025年工作安排\n力争增长5%左右。")
        assert gc.collect() == 0  # nothing for the paused collector to miss
    finally:
        if was:
            gc.enable()


def _span_reference(m: OffsetMap, start: int, end: int) -> tuple[int, int]:
    """OffsetMap.span as first written: segment lookup and a linearity test per call."""

    def start_of(pos: int) -> int:
        if pos >= m.length:
            return m.src_length if not m._dst else m._src_end[-1]
        i = m._segment(pos)
        if m._linear(i):
            return m._src_start[i] + pos - m._dst[i]
        return m._src_start[i] if pos == m._dst[i] else m._src_end[i]

    def end_of(pos: int) -> int:
        if pos <= 0:
            return m._src_start[0] if m._dst else 0
        if not m._dst:  # everything removed (fixed in both after the first version indexed an empty table)
            return m.src_length
        pos = min(pos, m.length)
        i = m._segment(pos - 1)
        if m._linear(i):
            return m._src_start[i] + pos - m._dst[i]
        return m._src_end[i]

    if end <= start:
        return start_of(start), start_of(start)
    return start_of(start), end_of(end)


@given(_mapped(), st.data())
def test_span_matches_reference(norm: Normalized, data: st.DataObject) -> None:
    n = len(norm.text)
    for _ in range(5):
        s = data.draw(st.integers(0, n + 1))
        e = data.draw(st.integers(0, n + 1))
        assert norm.map.span(s, e) == _span_reference(norm.map, s, e)


def test_span_of_an_emptied_text() -> None:
    _, omap = apply_edits("页眉", [Edit(0, 2, "", "header")], OffsetMap.identity(2))
    assert omap.span(0, 0) == _span_reference(omap, 0, 0)


# ---------------------------------------------------------------- cues


def _cues(text: str) -> list[tuple[str, str, str, float]]:
    return [
        (c.text, c.rule, c.category.value, c.weight)
        for p in parse(text).paragraphs()
        for s in p.sentences
        for c in s.cues
    ]


def test_cue_text_and_rule_are_what_the_match_reads() -> None:
    # a cue's text is the matched slice whether it comes from the lexicon or an anchor; a rule
    # that the context changed reads "comment [note]", shared across cues, and plain otherwise
    text = "一、2024年工作回顾\n虽然推进了改造，但短板依然明显。\n二、2025年工作安排\n推进改造，新增就业4万人以上。"
    cues = _cues(text)
    for cue_text, *_ in cues:
        assert cue_text in text
    rules = {r for _, r, _, _ in cues}
    assert "action verbs: a task in a plan part, a deed in a review [read as goal in a plan context]" in rules
    assert "admitted problems [after a turn]" in rules
    assert "a target qualifier (以上/左右/以内/以下)" in rules  # an anchor: no note, no brackets
    assert ("4万人以上", "a target qualifier (以上/左右/以内/以下)", "goal", 1.0) in cues
    assert not any(r.endswith(" []") for r in rules)
    from govreport.classify.classifier import _rule

    assert _rule("x", "y") == "x [y]" and _rule("x", "y") is _rule("x", "y")


# ---------------------------------------------------------------- models built without validation


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=10**9),
    st.text(max_size=5),
    st.sampled_from(list(Category)),
    st.floats(allow_nan=False, allow_infinity=False),
)
def test_unvalidated_equals_validated(start: int, end: int, text: str, cat: Category, weight: float) -> None:
    values = {"start": start, "end": end, "text": text, "category": cat, "weight": weight, "rule": "r"}
    fast, slow = new_cue(start, end, text, cat, weight, "r"), Cue(**values)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    fast.weight = 2.0  # setting a field leaves the shared fields-set as it was
    assert new_cue(start, end, text, cat, weight, "r").model_fields_set == set(Cue.model_fields)


def test_parsed_report_survives_validation() -> None:
    # every cue and sentence the pipeline builds unvalidated is what validation would build
    text = "一、2024年工作回顾\n虽然推进了改造，但短板依然明显。\n二、2025年工作安排\n推进改造，新增就业4万人以上。"
    r = parse(text)
    again = Report.model_validate(r.model_dump())
    assert again == r and again.model_dump_json() == r.model_dump_json()
    # a user's cue whose category is a plain string and weight an int reads as validation would
    r = parse("推进改造。", add_cues=[LexiconEntry("改造", "goal", 2, "a user cue")])  # type: ignore[arg-type]
    cue = next(c for s in r.paragraphs()[0].sentences for c in s.cues if c.text == "改造")
    assert cue.category is Category.GOAL and type(cue.weight) is float
    assert Report.model_validate(r.model_dump()).model_dump_json() == r.model_dump_json()


# ---------------------------------------------------------------- sentence scoring


def _resolve_step(matches: list[cl.Match], period: float) -> list[cl.Match]:
    """Period cues read as goal or achievement from the context's lean, one ``_replace`` each."""
    out = []
    for m in matches:
        if m.entry.kind in ("period", "frame") and m.w != 0.0:
            if period > 0.05:
                m = m._replace(cat=Category.ACHIEVEMENT, note="read as achievement in a review context")
            elif period < -0.05:
                m = m._replace(cat=Category.GOAL, note="read as goal in a plan context")
        out.append(m)
    return out


def _after_turn_step(matches: list[cl.Match]) -> list[cl.Match]:
    """The cues after the last adversative turn boosted."""
    last = max((i for i, m in enumerate(matches) if m.entry.kind == "turn"), default=-1)
    boosted = [
        m._replace(w=m.w * cl.TURN_BOOST, note=(m.note + "; " if m.note else "") + "after a turn")
        for m in matches[last + 1 :]
    ]
    return matches if last < 0 else matches[: last + 1] + boosted


def _score_step(matches: list[cl.Match], prior: dict[Category, float] | None) -> dict[Category, float]:
    """Sum of effective cue weights per category, starting from the prior."""
    totals = dict.fromkeys(cl.CATEGORIES, 0.0)
    for c, w in (prior or {}).items():
        totals[c] += w
    for m in matches:
        totals[m.cat] += m.w
    return totals


def _label_reference(totals: dict[Category, float]) -> Category:
    best = max(cl.CATEGORIES, key=lambda c: totals.get(c, 0.0))
    return best if totals.get(best, 0.0) > 0 else Category.OTHER


def test_sentences_read_period_cues_from_the_headings() -> None:
    # a plan heading reads 着力/解决 as goals, a review heading as deeds; the problem word a plan
    # frame cancelled keeps its category and no weight in both
    readings = {}
    for title in ("2025年工作安排", "2024年工作回顾"):
        clf = cl.Classifier(cl.Lexicon.default(), 2025)
        clf.enter_section(1, title, ["着力解决问题。"])
        (sentence,) = clf.sentences("着力解决问题。", 0, lambda a, b: (a, b), ())
        readings[title] = [(c.text, c.category.value, c.weight) for c in sentence.cues]
    assert readings["2025年工作安排"] == [("着力", "goal", 1.0), ("解决", "goal", 2.0), ("问题", "shortcoming", 0.0)]
    assert readings["2024年工作回顾"] == [
        ("着力", "achievement", 1.0),
        ("解决", "achievement", 2.0),
        ("问题", "shortcoming", 0.0),
    ]


@given(st.dictionaries(st.sampled_from(list(Category)), st.floats(-5, 5, allow_nan=False)))
def test_label_matches_reference(totals: dict[Category, float]) -> None:
    assert cl.label(totals) is _label_reference(totals)


def test_label_cases() -> None:
    g, a, s, o = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER
    assert cl.label({g: 1.0, a: 1.0}) is g  # a tie goes to the first in CATEGORIES order
    assert cl.label({g: 1.0, a: 2.0, s: 2.0}) is a
    assert cl.label({g: 0.0, a: -1.0}) is o  # nothing positive
    assert cl.label({}) is o


def _cues_reference(lexicon: cl.Lexicon, text: str, year: int | None) -> list[cl.Match]:
    """Classifier.cues as first written: NamedTuple construction and a lambda sort key."""
    anchors = []
    for m in cl._ANCHOR.finditer(text):
        e = cl._anchor_entry(m, year)
        if e is not None:
            anchors.append(cl.Match.of(m.start(), m.end(), e))
    found = []
    if lexicon._re is not None:
        for m in lexicon._re.finditer(text):
            e = lexicon._counts[m.group()]
            if e is not None:
                found.append(cl.Match(m.start(), m.end(), e, e.category, e.weight))
    windows = [(m.start, m.end) for m in anchors if m.entry is cl.ANCHORS["window"]]
    if windows:
        found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in windows)]
    found += anchors
    found.sort(key=lambda m: m.start)
    return _apply_reports_reference(text, cl.apply_frames(text, found))


def _apply_reports_reference(text: str, matches: list[cl.Match]) -> list[cl.Match]:
    """classify.apply_reports as first written: a slice per sentence and ``_replace``."""
    if not any(m.entry.kind == "target" for m in matches):
        return matches
    out: list[cl.Match] = []
    i = 0
    for _, b in cl.split_sentences(text):
        j = i
        while j < len(matches) and matches[j].start < b:
            j += 1
        group = matches[i:j]
        reported = any(cl._reports(m) for m in group)
        for m in group:
            if reported and m.entry.kind == "target":
                m = m._replace(w=0.0, note="the target a result is reported on")
            out.append(m)
        i = j
    out.extend(matches[i:])
    return out


@given(st.text(alphabet="我们完成了全年目标任务实现计划未。；", max_size=30))
def test_apply_reports_matches_reference(text: str) -> None:
    found = cl.Lexicon.default().matches(text)
    assert cl.apply_reports(text, found) == _apply_reports_reference(text, found)


# cue words, shields, anchors (years, windows, counts) and the characters between them
_CUE_AND_ANCHOR_TEXTS = st.text(
    alphabet="推进完成了目标短板但主要今年一季度2024年到2030年新增4万余人个，。", max_size=24
)


@given(_CUE_AND_ANCHOR_TEXTS, st.sampled_from([None, 2025]))
def test_cues_match_reference(text: str, year: int | None) -> None:
    lex = cl.Lexicon.default()
    expected = _cues_reference(lex, text, year)
    assert cl.Classifier(lex, year).cues(text) == expected
    # sentences split once by the caller are the ones apply_reports would split
    assert cl.Classifier(lex, year).cues(text, cl.split_sentences(text)) == expected


def test_cues_cases() -> None:
    cues = cl.Classifier(cl.Lexicon.default(), 2025).cues("今年一季度新增就业4万余人，主要目标完成了。")
    assert [(m.start, m.end, m.entry.text, m.note) for m in cues] == [
        (0, 5, "", ""),  # the window hides its 今年
        (5, 7, "新增", ""),
        (9, 13, "", ""),
        (16, 18, "目标", "the target a result is reported on"),  # 主要 is a shield: no cue of its own
        (18, 21, "完成了", ""),
    ]


@pytest.mark.skipif(models.VALIDATE_MODELS, reason="validated models each build their own fields-set")
def test_parsed_targets_share_one_fields_set() -> None:
    r = parse("一、2025年工作安排\n地区生产总值增长5.5%以上，新增就业4万人。")
    a, b = r.all_targets()
    assert a.model_fields_set is b.model_fields_set
    assert Report.model_validate(r.model_dump()).model_dump_json() == r.model_dump_json()


def test_trusted_sections_and_paragraphs_match_validated() -> None:
    # the pipeline builds every section (the preamble too) and paragraph unvalidated
    r = parse(
        "青岚市政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作。\n一、2024年工作回顾\n全年新增就业4万人。\n（一）产业\n建成项目12个。\n二、2025年工作安排\n力争增长5%左右。"
    )
    again = Report.model_validate(r.model_dump())
    assert again.model_dump_json() == r.model_dump_json()
    for built, validated in zip(r.walk(), again.walk(), strict=True):
        assert built == validated
        assert built.model_fields_set == validated.model_fields_set
        for p, q in zip(built.paragraphs, validated.paragraphs, strict=True):
            assert p == q and p.model_fields_set == q.model_fields_set
    assert r.preamble is not None and r.preamble.heading_start is None


def _aggregate_reference(items: list[tuple[Category, int]]) -> tuple[Category, dict[str, float]]:
    """classify.aggregate as first written: a dict per step and a key lambda."""
    weights = dict.fromkeys(cl.CATEGORIES, 0.0)
    total = 0
    for cat, n in items:
        weights[cat] += n
        total += n
    if total == 0:
        return Category.OTHER, {c.value: 0.0 for c in cl.CATEGORIES}
    scores = {c.value: round(w / total, 4) for c, w in weights.items()}
    informative = {c: w for c, w in weights.items() if c is not Category.OTHER}
    best = max(informative, key=lambda c: informative[c])
    if informative[best] == 0 or weights[Category.OTHER] >= 0.6 * total:
        return Category.OTHER, scores
    return best, scores


@given(st.lists(st.tuples(st.sampled_from(list(Category)), st.integers(0, 50)), max_size=8))
def test_aggregate_matches_reference(items: list[tuple[Category, int]]) -> None:
    assert cl.aggregate(items) == _aggregate_reference(items)
    assert list(cl.aggregate(items)[1]) == ["goal", "achievement", "shortcoming", "other"]


def test_aggregate_cases() -> None:
    g, a, s, o = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER
    cases = [[(g, 10), (a, 10)], [(g, 3), (o, 7)], [(s, 4), (o, 5)], [(o, 9)], [], [(g, 0)]]
    for items in cases:
        assert cl.aggregate(items) == _aggregate_reference(items)
    assert cl.aggregate([(g, 10), (a, 10)])[0] is g  # a tie goes to the first in CATEGORIES order
    assert cl.aggregate([(g, 3), (o, 7)])[0] is o  # other covers 60%
    assert cl.aggregate([(s, 4), (o, 5)])[0] is s


def test_context_is_read_once_per_section() -> None:
    # every paragraph of a section reads the same context; entering the next section reads it anew
    c = cl.Classifier(cl.Lexicon.default(), 2025)
    c.enter_section(1, "2024年工作回顾", ["全年新增就业4万人。"])
    review = c._context(())
    assert c._context(()) is review and review[0] > 0  # the heading names a review
    c.enter_section(1, "2025年工作安排", ["力争增长5%左右。"])
    plan = c._context(())
    assert plan is not review and plan[0] < 0  # a plan heading, the review's context gone
    c.enter_section(2, "产业发展", ["推进改造。"])
    assert c._context(())[0] == plan[0]  # a subsection still reads its parent's plan heading


def _sentences_reference(
    clf: cl.Classifier, ptext: str, base: int, span: cl.SpanFn, headings: tuple[str, ...]
) -> list[Sentence]:
    """Classifier.sentences as first written: the scoring functions one after the other, validated models."""
    head, short_prior, sect, anc, _own = clf._context(headings)
    spans = cl.split_sentences(ptext)
    found = clf.cues(ptext, spans)
    w = cl.CONTEXT_WEIGHTS
    pg, pa, _ = cl._strong(found)
    outer = w["paragraph"] * cl.lean(pg, pa) + w["section"] * sect + w["ancestors"] * anc + w["headings"] * head
    prior = {Category.SHORTCOMING: 0.5 * short_prior} if short_prior else None
    out = []
    prev, pend = span(base, base + len(ptext))
    for s0, s1 in spans:
        ms = [m for m in found if s0 <= m.start < s1 or (m.start >= s1 and (s0, s1) == spans[-1])]
        ss, se = span(base + s0, base + s1)
        ss = min(max(ss, prev), pend)
        se = prev = min(max(se, ss), pend)
        sg, sa, _ = cl._strong(ms)
        resolved = _after_turn_step(_resolve_step(ms, w["sentence"] * cl.lean(sg, sa) + outer))
        cat = cl.label(_score_step(resolved, prior)) if ms or prior else Category.OTHER
        cues = []
        for m in resolved:
            cs, ce = span(base + m.start, base + m.end)
            cs = min(max(cs, ss), se)
            ce = min(max(ce, cs), se)
            rule = f"{m.entry.comment} [{m.note}]" if m.note else m.entry.comment
            text = m.entry.text or ptext[m.start : m.end]
            cues.append(Cue(start=cs, end=ce, text=text, category=m.cat, weight=m.w, rule=rule))
        out.append(Sentence(start=ss, end=se, text=ptext[s0:s1], category=cat, cues=cues))
    return out


# period, frame, turn, target and report words, a problem noun, years and counts, sentence ends and quotes
_PARAGRAPHS = st.text(alphabet="推进解决问题完成了目标短板但将已改造力争2024年新增4万余人个，。；“”", max_size=40)
_HEADINGS = st.sampled_from(["", "2024年工作回顾", "2025年工作安排", "存在的问题和不足", "产业发展"])


# the built-in lexicon, and one with user entries of unusual kinds: a turn that argues for a goal, a string category
_LEXICONS = [
    cl.Lexicon.default(),
    cl.Lexicon.default().with_changes(
        [
            LexiconEntry("但", Category.GOAL, 1.0, "a user's turn with a weight", "turn"),
            LexiconEntry("改造", "achievement", 2.0, "a user's entry naming its category as a string"),  # type: ignore[arg-type]
        ]
    ),
]


@given(
    _PARAGRAPHS, _HEADINGS, _HEADINGS, st.sampled_from([None, 2025]), st.sampled_from([0, 7]), st.sampled_from([0, 1])
)
def test_sentences_match_reference(text: str, title: str, parent: str, year: int | None, shift: int, lex: int) -> None:
    # the fused sentences() against the scoring steps run one after the other, with and without the shift fast path
    def linear(a: int, b: int) -> tuple[int, int]:
        return a + shift, b + shift

    expected = None
    for given_shift in (None, shift):
        clf = cl.Classifier(_LEXICONS[lex], year)
        clf.enter_section(1, parent or None, ["全年新增就业4万人。"])
        clf.enter_section(2, title or None, [text])
        headings = tuple(h for h in (parent, title) if h)
        got = clf.sentences(text, 3, linear, headings, given_shift)
        if expected is None:
            expected = _sentences_reference(clf, text, 3, linear, headings)
        assert got == expected


def test_sentences_reads_turns_and_context() -> None:
    clf = cl.Classifier(cl.Lexicon.default(), 2025)
    clf.enter_section(1, "2024年工作回顾", ["虽然完成了改造任务，但短板依然明显。推进改造。"])
    first, second = clf.sentences("虽然完成了改造任务，但短板依然明显。推进改造。", 0, lambda a, b: (a, b), (), 0)
    # the cues after the turn count 1.5 times; a reported task's plan noun counts nothing
    assert [(c.text, c.weight) for c in first.cues] == [
        ("完成了", 2.5),
        ("任务", 0.0),
        ("但", 0.0),
        ("短板", 3.75),
        ("明显", 1.5),
    ]
    assert [c.rule.endswith("after a turn]") for c in first.cues] == [False, False, False, True, True]
    assert [(c.text, c.category.value) for c in second.cues] == [("推进", "achievement")]  # a review reads 推进 as done


_WORDS = st.lists(st.text(alphabet="补短板齐问题.*(", min_size=1, max_size=4), min_size=1, max_size=8)


@given(_WORDS, st.text(alphabet="补短板齐问题.*(", max_size=30))
def test_trie_pattern_matches_longest_first_alternation(words: list[str], text: str) -> None:
    # the lexicon's trie finds what the plain alternation of its words, longest first, finds
    plain = regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    trie = regex.compile(cl.trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_trie_pattern_cases() -> None:
    trie = regex.compile(cl.trie_pattern(["短板", "补短板", "补齐", "问题", "问"]))
    assert [m.group() for m in trie.finditer("补短板问题补齐短问")] == ["补短板", "问题", "补齐", "问"]
    assert cl.trie_pattern([]) == ""


def test_sentences_count_a_weighted_turn_as_fixed_evidence() -> None:
    # a user's turn entry that argues for a category weighs in the sentence's tense, as _strong counts it
    clf = cl.Classifier(_LEXICONS[1], None)
    clf.enter_section(1, None, ["但推进。"])
    got = clf.sentences("但推进。", 0, lambda a, b: (a, b), (), 0)
    assert got == _sentences_reference(clf, "但推进。", 0, lambda a, b: (a, b), ())
    assert "read as goal in a plan context" in got[0].cues[1].rule
