"""Word lists more than one stage reads.

>>> import regex
>>> bool(regex.search(PICTURED + "$", "港区夜景")), bool(regex.search(PICTURED + "$", "步伐坚实"))
(True, False)
"""

from __future__ import annotations

import regex

#: a pictured place or object: a short bare noun phrase ending in a place or
#: facility word, or a photo-genre word (鸟瞰, 一角). Subheads (步伐坚实,
#: 开创新局) end in verbs and adjectives and are left alone. The outline uses the
#: same words to refuse such a line as an unnumbered subhead.
PICTURED_WORDS = (
    "岛|湾|港|桥|塔|码头|港区|港口|宿舍|大楼|大厦|广场|公园|园区|产业园|车站|机场|街区|老街|小镇|景区"
    "|校园|车间|厂区|工地|现场|鸟瞰|全景|一角|夜景|航拍|外景|远眺|掠影|实景|新貌"
)
PICTURED = f"(?:{PICTURED_WORDS})"

#: the dated line under a report's title: ——2021年1月31日在…第…次会议上. The outline takes the
#: line above it for the title; identity reads the year from its date.
DATED_SUBTITLE = regex.compile(
    r"^[—\-－]*\s*(?:19|20)\d\d\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s*在.{2,60}?(?:会议|大会)上"
)
#: a line that places the report at a meeting, dated or not: (——)(2014年1月8日)在…会议上. Identity
#: reads the government (在河北省第十二届人民代表大会) and the congress session from it.
MEETING_LINE = regex.compile(
    r"^[—\-－]*\s*(?:.{0,20}?\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s*)?在.{2,60}(?:会议|大会)上"
)
#: a headline that names the report or the meeting, preferred as the title over a slogan line
#: in a news page's headline block (某某在市人代会上作政府工作报告 under 奋力开创新局面)
NAMES_REPORT = regex.compile(r"报告|会议|大会|人代会|施政")
#: the version of a report named on its own line under the title, part of the title: an abridged
#: reprint (（摘要）), a draft (（草案）), the oral version (（口头报告）), the full text (（全文）)
TITLE_QUALIFIER = regex.compile(r"[（(](?:摘要|节选|全文|草案|征求意见稿|讨论稿|审议稿|口头报告|书面报告)[）)]")
#: the name of a kind of report, whole: what a title set in vertical columns must spell once its
#: columns are read in the right order (行政院施政报告, not 行施政政院报告)
REPORT_NAME = regex.compile(r"(?:工作|施政|政府工作)报告")
