"""Sentence, paragraph and section labels: one test group per cue family, positive and negative."""

from __future__ import annotations

import pytest

import govreport
from govreport.classify import Context, Lexicon, explain, gather, sentences
from govreport.classify.evidence import anchor_matches, apply_frames, cues
from govreport.classify.label import aggregate
from govreport.classify.lexicon import LexiconEntry
from govreport.models import Category
from govreport.text.sentences import split_sentences

from .cases import load_cases, params

G, A, S, OTHER = "goal", "achievement", "shortcoming", "other"


def sentence_labels(text: str, year: int | None = None, headings: tuple[str, ...] = ()) -> list[str]:
    """Labels of the sentences of one paragraph, classified on its own (no section context)."""
    ctx = Context.root(Lexicon.default(), year)
    for title in headings:
        ctx = ctx.child(title, [])
    return [s.category.value for s in sentences(gather(text, ctx.lexicon, year), ctx, 0, lambda a, b: (a, b))]


def label_of(text: str, **kw: object) -> str:
    labels = sentence_labels(text, **kw)  # type: ignore[arg-type]
    assert len(labels) == 1, labels
    return labels[0]


# ---------------------------------------------------------------- sentences
def test_split_keeps_quotes_balanced():
    text = "他强调：“要稳中求进。要以进促稳。”全年任务完成。"
    assert [text[a:b] for a, b in split_sentences(text)] == ["他强调：“要稳中求进。要以进促稳。”", "全年任务完成。"]


def test_split_on_semicolons_and_question_marks():
    text = "新建学校3所；改造道路10条？"
    assert len(split_sentences(text)) == 2


# ---------------------------------------------------------------- goal cues
@pytest.mark.parametrize(
    "text",
    [
        "今年将新建中小学5所。",  # future modal + coming-period anchor
        "力争地区生产总值增长6%左右。",  # commitment verb + target qualifier
        "确保粮食产量稳定在100万吨以上。",
        "下一步，要继续抓好安全生产。",
    ],
)
def test_goal_cues(text):
    assert label_of(text) == G


@pytest.mark.parametrize(
    "text",
    [
        "主要指标运行平稳。",  # 主要 is a shield: not the modal 要
        "这是一项重要成果。",  # 重要 likewise; 成果 speaks for achievement
    ],
)
def test_goal_modal_inside_a_word_is_not_a_goal(text):
    assert label_of(text) != G


# ---------------------------------------------------------------- achievement cues
@pytest.mark.parametrize(
    "text",
    [
        "老街区获评国家级旅游休闲街区。",  # awards
        "我们完成了年初确定的目标任务。",  # completed aspect beats 目标
        "一年来，城乡居民收入稳步增长。",  # review period anchor
        "规上工业增加值同比增长7.1%。",  # year-on-year result
        "累计培训农民工3000余人次。",  # cumulative + approximate tally
    ],
)
def test_achievement_cues(text):
    assert label_of(text) == A


def test_achievement_cue_negative():
    assert label_of("今年要新增城镇就业1万人以上。") == G


# ---------------------------------------------------------------- shortcoming cues
@pytest.mark.parametrize(
    "text",
    [
        "科技创新能力还不够强。",
        "经济回升向好的基础还不稳固，财政收支承压。",
        "我们也清醒看到，发展不平衡不充分问题仍然突出。",
        "产业结构有待优化。",
    ],
)
def test_shortcoming_cues(text):
    assert label_of(text) == S


@pytest.mark.parametrize(
    "text",
    [
        "坚持补短板、强弱项，加快产业升级。",  # 补短板 is a plan frame, not an admission
        "着力解决群众反映强烈的突出问题。",  # 解决…问题
        "防范化解重点领域风险。",
        "缩小城乡收入差距。",
    ],
)
def test_problem_word_inside_a_plan_frame_is_a_goal(text):
    assert label_of(text) == G


def test_frame_reaches_only_to_the_end_of_its_clause():
    text = "解决了部分难点，但短板依然明显"
    kept = {m.entry.text: m.w for m in apply_frames(text, Lexicon.default().matches(text))}
    assert kept["短板"] > 0


@pytest.mark.parametrize("text", ["部分预期目标尚未实现。", "老旧小区改造任务未完成。", "退休保障承诺一直未解决。"])
def test_negated_completion_is_a_shortcoming(text):
    assert label_of(text) == S


def test_completion_without_negation_is_not_a_shortcoming():
    assert label_of("老旧小区改造任务圆满完成。") == A


# ---------------------------------------------------------------- period cues and context
REVIEW = "一、2024年工作回顾\n"
PLAN = "二、2025年工作安排\n"


def test_action_verbs_follow_the_period_of_their_section():
    body = "推进老旧小区改造，实施城市更新行动。"
    r = govreport.parse(REVIEW + body + "\n" + PLAN + body)
    assert [s.category.value for s in r.sections] == [A, G]
    cue = r.sections[0].paragraphs[0].sentences[0].cues[0]
    assert cue.category is Category.ACHIEVEMENT and "review" in cue.rule


def test_lead_sentence_phrased_as_a_plan_follows_the_body():
    # a review paragraph that opens with a plan-like lead sentence: the body decides
    para = "推动东西部协作提质增效。全年销售协作地农特产品600万余元，累计帮助脱贫人口就业300余人。"
    r = govreport.parse("六、乡村振兴\n" + para)
    assert r.paragraphs()[0].category is Category.ACHIEVEMENT


def test_strong_plan_sentence_in_a_review_section_stays_a_goal():
    r = govreport.parse(REVIEW + "全年新增就业4万人。\n今年将继续推进老旧小区改造。")
    assert [p.category.value for p in r.paragraphs()] == [A, G]


def test_shortcoming_heading_is_a_prior():
    r = govreport.parse("三、存在的问题和不足\n民营经济活力不够，部分企业经营困难。")
    assert r.sections[0].category is Category.SHORTCOMING


# ---------------------------------------------------------------- time anchors
def test_year_before_the_report_year_is_achievement():
    assert label_of("2023年，城区面貌焕然一新。", year=2024) == A


def test_report_year_or_later_is_goal():
    assert label_of("2025年，城区面貌焕然一新。", year=2024) == G


def test_year_without_report_year_says_nothing():
    assert label_of("2023年，城区面貌焕然一新。") == OTHER


def test_horizon_is_a_goal():
    assert label_of("到2027年，基本建成现代化产业体系。", year=2025) == G


@pytest.mark.parametrize(("year", "expected"), [(2026, A), (2024, G)])
def test_five_year_plan_is_dated_by_its_number(year, expected):
    (m,) = [m for m in anchor_matches("“十四五”时期", year) if m.entry.comment.startswith("a five")]
    assert m.cat.value == expected


def test_quantity_qualifiers():
    cats = [m.cat.value for m in anchor_matches("新增就业1万人以上，培训3000余人次", None)]
    assert cats == [G, A]


# ---------------------------------------------------------------- aggregation
def test_other_needs_a_clear_majority():
    assert aggregate([(Category.OTHER, 50), (Category.GOAL, 50)])[0] is Category.GOAL
    assert aggregate([(Category.OTHER, 70), (Category.GOAL, 30)])[0] is Category.OTHER
    assert aggregate([])[0] is Category.OTHER


def test_section_without_evidence_is_other():
    r = govreport.parse("一、说明\n各位代表，现在向大会报告。")
    assert r.sections[0].category is Category.OTHER


def test_scores_are_shares():
    r = govreport.parse(REVIEW + "全年新增就业4万人。各位代表。")
    scores = r.sections[0].scores
    assert set(scores) == {G, A, S, OTHER}
    assert abs(sum(scores.values()) - 1) < 1e-3


# ---------------------------------------------------------------- evidence and options
def test_cues_carry_offsets_into_the_original():
    original = "一、2025年工作安排\n力爭新增就業１萬人以上。"  # Traditional, full-width digit
    r = govreport.parse(original)
    cues = r.paragraphs()[0].sentences[0].cues
    assert cues and all(original[c.start : c.end] for c in cues)
    first = cues[0]
    assert (first.text, original[first.start : first.end]) == ("力争", "力爭")


def test_remove_cues_switches_an_entry_off():
    text = "一、说明\n力争多办实事。"
    assert govreport.parse(text).paragraphs()[0].category is Category.GOAL
    assert govreport.parse(text, remove_cues=["力争"]).paragraphs()[0].category is Category.OTHER


def test_add_cues_adds_an_entry():
    entry = LexiconEntry("交功课", Category.ACHIEVEMENT, 2.0, "colloquial: delivering on a pledge")
    r = govreport.parse("一、说明\n政府终于交功课。", add_cues=[entry])
    assert r.paragraphs()[0].category is Category.ACHIEVEMENT
    assert r.paragraphs()[0].sentences[0].cues[0].rule == "colloquial: delivering on a pledge"


# ---------------------------------------------------------------- adversative turns and criticism
def test_clause_after_a_turn_carries_the_point():
    assert label_of("新建保障房3000余套，但轮候时间仍需缩短、供给不够。") == S


def test_turn_towards_a_result_is_an_achievement():
    assert label_of("虽然困难较多，但全年目标任务圆满完成。") == A


def test_not_only_is_no_turn():
    text = "不但完成了改造任务"
    assert all(m.entry.kind != "turn" for m in Lexicon.default().matches(text))


@pytest.mark.parametrize("text", ["相关承诺一再跳票。", "该项目被批进度缓慢。", "立法工作原地踏步。"])
def test_criticism_is_a_shortcoming(text):
    assert label_of(text) == S


def test_praise_is_not_criticism():
    assert label_of("该项目获评省级示范工程。") == A


# ---------------------------------------------------------------- second pass (#5): news reviews and features
def anchor_comments(text: str, year: int | None = None) -> list[str]:
    return [m.entry.comment for m in anchor_matches(text, year)]


def test_key_tasks_alone_are_a_plan_noun_not_a_plan_heading():
    assert label_of("围绕重点工作持续发力，取得明显成效。") == A  # the topic of a review
    assert label_of("今年重点工作是稳就业、保民生。") == G  # with a period, still a plan


@pytest.mark.parametrize("text", ["全市外贸增速居全省第二。", "出口总额名列全国同类城市前茅。"])
def test_rankings_are_achievements(text):
    assert label_of(text) == A


def test_a_ranking_aimed_at_is_a_goal():
    assert label_of("争取主要指标居全省前列。") == G


@pytest.mark.parametrize("text", ["群众出行难得到有效缓解。", "一批老字号得以重焕生机。"])
def test_result_passive_is_an_achievement(text):
    assert label_of(text) == A


def test_result_passive_under_a_commitment_is_a_goal():
    assert label_of("确保各项惠民政策得到落实。") == G


def test_sense_of_gain_is_no_award():
    assert label_of("不断增强群众获得感。") != A


@pytest.mark.parametrize(
    "text", ["1-5月完成固定资产投资86亿元。", "前三季度外贸进出口增长", "今年一季度全市新签约项目"]
)
def test_year_to_date_window_reports_figures(text):
    assert any("year-to-date" in c for c in anchor_comments(text))
    assert label_of(text) == A


@pytest.mark.parametrize("text", ["1-4号楼完成外立面改造", "今年要稳住外贸基本盘", "力争一季度实现开门红"])
def test_not_a_year_to_date_window(text):
    assert not any("year-to-date" in c for c in anchor_comments(text))


def test_window_hides_the_coming_year_anchor():
    texts = [m.entry.text for m in cues("今年一季度经济运行平稳。", Lexicon.default(), None)]
    assert "今年" not in texts


@pytest.mark.parametrize("text", ["该校获省级文明校园称号。", "短视频作品获全国大赛一等奖。"])
def test_award_received_is_an_achievement(text):
    assert any(c.startswith("an award") for c in anchor_comments(text))
    assert label_of(text) == A


@pytest.mark.parametrize("text", ["记者获悉，该项目将于年底前竣工。", "设立科技创新奖励资金。"])
def test_no_award_without_receiving_one(text):
    assert not any(c.startswith("an award") for c in anchor_comments(text))
    assert label_of(text) != A


@pytest.mark.parametrize("text", ["新增城镇就业近3000人。", "实现出口逾120亿元。"])
def test_approximate_prefix_is_a_tally(text):
    assert label_of(text) == A


def test_recently_is_no_tally():
    assert anchor_comments("近期将出台支持政策") == []


def test_development_as_a_noun_is_no_cue():
    assert label_of("比学赶超促发展，你追我赶拼经济。") == OTHER


@pytest.mark.parametrize("text", ["加强债务风险动态监测和预警。", "完善矛盾纠纷多元化解机制。"])
def test_problem_noun_as_the_object_of_an_action_is_no_admission(text):
    assert label_of(text) != S


@pytest.mark.parametrize("text", ["推进转型面临不少困难。", "部分企业经营困难，风险隐患较多。"])
def test_problem_words_outside_an_action_stay_admissions(text):
    assert label_of(text) == S


def test_blank_stretches_never_make_a_sentence() -> None:
    assert split_sentences("推进改造。 \n完成了！") == [(0, 5), (5, 11)]  # the blank joins the next sentence
    assert split_sentences("推进改造。\u3000") == [(0, 5)]
    assert split_sentences("  ") == []


# ---------------------------------------------------------------- context, turns and rules (moved from test_speed)
def read(text: str, *titles: str, year: int | None = 2025, lexicon: Lexicon | None = None) -> list[govreport.Sentence]:
    """The sentences of ``text`` as the only paragraph of a section under ``titles``."""
    ctx = Context.root(lexicon or Lexicon.default(), year)
    ev = gather(text, ctx.lexicon, year)
    for i, title in enumerate(titles):
        ctx = ctx.child(title or None, [ev] if i == len(titles) - 1 else [])
    return sentences(ev, ctx, 0, lambda a, b: (a, b))


def test_period_cues_read_from_the_headings():
    # a plan heading reads 着力/解决 as goals, a review heading as deeds; the problem word a plan
    # frame cancelled keeps its category and no weight in both
    def cues_under(title: str) -> list[tuple[str, str, float]]:
        (s,) = read("着力解决问题。", title)
        return [(c.text, c.category.value, c.weight) for c in s.cues]

    assert cues_under("2025年工作安排") == [("着力", G, 1.0), ("解决", G, 2.0), ("问题", S, 0.0)]
    assert cues_under("2024年工作回顾") == [("着力", A, 1.0), ("解决", A, 2.0), ("问题", S, 0.0)]


def test_a_subsection_reads_its_parents_heading_and_not_its_siblings():
    plan = Context.root(Lexicon.default(), 2025).child("2025年工作安排", [])
    review = Context.root(Lexicon.default(), 2025).child("2024年工作回顾", [])
    assert plan.heading < 0 < review.heading
    assert plan.child("产业发展", []).heading == plan.heading  # the parent's plan heading
    assert plan.child("产业发展", []).path == ("2025年工作安排", "产业发展")

    # locality: a paragraph reads the same whatever sections were built before it
    def readings(r: govreport.Report) -> list[tuple[str, str, float, str]]:
        p = r.sections[-1].paragraphs[0]
        return [(c.text, c.category.value, c.weight, c.rule) for s in p.sentences for c in s.cues]

    plan = "2025年工作安排\n推进改造。"
    assert readings(govreport.parse("一、" + plan)) == readings(
        govreport.parse("一、2024年工作回顾\n全年新增就业4万人。\n二、" + plan)
    )


def test_turns_boost_what_follows_and_reported_targets_count_nothing():
    first, second = read("虽然完成了改造任务，但短板依然明显。推进改造。", "2024年工作回顾")
    assert [(c.text, c.weight) for c in first.cues] == [
        ("完成了", 2.5),
        ("任务", 0.0),
        ("但", 0.0),
        ("短板", 3.75),
        ("明显", 1.5),
    ]
    assert [c.rule.endswith("after_turn]") for c in first.cues] == [False, False, False, True, True]
    assert [(c.text, c.category.value) for c in second.cues] == [("推进", A)]  # a review reads 推进 as done


def test_cues_in_order_with_windows_and_reported_targets():
    found = cues("今年一季度新增就业4万余人，主要目标完成了。", Lexicon.default(), 2025)
    assert [(m.start, m.end, m.entry.text, m.note) for m in found] == [
        (0, 5, "", ""),  # the window hides its 今年
        (5, 7, "新增", ""),
        (9, 13, "", ""),
        (16, 18, "目标", "reported_target"),  # 主要 is a shield: no cue of its own
        (18, 21, "完成了", ""),
    ]


def test_labels_and_aggregates():
    from govreport.classify.label import label

    g, a, s, o = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER
    assert label({g: 1.0, a: 1.0}) is o  # a tie with no evidence to decide it is other (#18)
    assert label({g: 1.0, s: 1.0}, [(s, 1.0)]) is s  # the sentence's own words decide a tie
    assert label({g: 1.0, a: 2.0, s: 2.0}, [(a, 2.0)]) is a
    assert label({g: 0.0, a: -1.0}) is o and label({}) is o  # nothing positive
    assert aggregate([(g, 10), (a, 10)])[0] is g
    assert aggregate([(g, 3), (o, 7)])[0] is o  # other covers 60%
    assert aggregate([(s, 4), (o, 5)])[0] is s
    assert aggregate([]) == (o, {"goal": 0.0, "achievement": 0.0, "shortcoming": 0.0, "other": 0.0})


def test_user_entries_of_unusual_kinds():
    # a user's turn that argues for a goal weighs in the sentence's tense; a category given as a string reads as one
    lex = Lexicon.default().with_changes(
        [
            LexiconEntry("但", Category.GOAL, 1.0, "a user's turn with a weight", "turn"),
            LexiconEntry("改造", "achievement", 2.0, "a user's entry naming its category as a string"),  # type: ignore[arg-type]
        ]
    )
    (s,) = read("但推进改造。", "", year=None, lexicon=lex)
    assert [(c.text, c.category) for c in s.cues] == [
        ("但", Category.GOAL),
        ("推进", Category.GOAL),
        ("改造", Category.ACHIEVEMENT),
    ]
    assert s.cues[1].rule == "action_verb [plan_context; after_turn]"


def test_cue_text_and_rule_are_what_the_match_reads():
    # a cue's text is the matched slice whether it comes from the lexicon or an anchor; its rule is
    # the entry's name, with the context's notes in brackets, and explain() reads both back (#14, #20)
    text = "一、2024年工作回顾\n虽然推进了改造，但短板依然明显。\n二、2025年工作安排\n推进改造，新增就业4万人以上。"
    paragraphs = govreport.parse(text).paragraphs()
    found = [(c.text, c.rule, c.category.value, c.weight) for p in paragraphs for s in p.sentences for c in s.cues]
    assert all(t in text for t, *_ in found)
    rules = {r for _, r, _, _ in found}
    assert {"action_verb [plan_context]", "admitted_problem [after_turn]"} <= rules
    assert ("4万人以上", "qualified [plan_context]", G, 1.0) in found  # an anchor read in context
    assert not any(r.endswith(" []") for r in rules)
    assert all(explain(r) for r in rules)  # every rule has an explanation
    assert explain("action_verb [plan_context]") == (
        "action verbs: a task in a plan part, a deed in a review"
        " [a period cue read as goal: its context leans to a plan]"
    )
    with pytest.raises(KeyError):
        explain("no_such_rule")


def test_every_entry_has_a_stable_name_with_one_explanation():
    from govreport.classify.lexicon import ANCHORS, LEXICON, NOTES

    comments: dict[str, str] = {}
    for e in (*LEXICON, *ANCHORS.values()):
        assert e.name and e.name.isascii() and " " not in e.name, e
        assert comments.setdefault(e.name, e.comment) == e.comment, e  # one name, one explanation
    assert not set(NOTES) & set(comments)
    assert all(name == e.name for name, e in ANCHORS.items())


# ---------------------------------------------------------------- fixtures (#18): tests/fixtures/classify
def _fired(p: govreport.Paragraph) -> set[str]:
    """The rule names and context notes of a paragraph's cues, and ``text:`` + each cue's text."""
    out = set()
    for c in (c for s in p.sentences for c in s.cues):
        name, _, notes = c.rule.partition(" [")
        out |= {name, f"text:{c.text}", *(n for n in notes.rstrip("]").split("; ") if n)}
    return out


@pytest.mark.parametrize(("text", "expected"), params("classify"))
def test_classify_fixture(text: str, expected: str) -> None:
    got = [(p.category.value, _fired(p)) for p in govreport.parse(text).paragraphs()]
    want = [line.split() for line in expected.split("\n") if line.strip()]
    assert [c for c, _ in got] == [w[0] for w in want], got
    for (_, fired), (_, *names) in zip(got, want, strict=True):
        assert {n for n in names if not n.startswith("!")} <= fired, fired
        assert not {n[1:] for n in names if n.startswith("!")} & fired, fired


def test_every_classify_fixture_file_is_read():
    assert len(load_cases("classify")) >= 15
