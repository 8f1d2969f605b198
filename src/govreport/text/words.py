"""Word lists more than one stage reads.

>>> import regex
>>> bool(regex.search(PICTURED + "$", "港区夜景")), bool(regex.search(PICTURED + "$", "步伐坚实"))
(True, False)
"""

from __future__ import annotations

#: a pictured place or object: a short bare noun phrase ending in a place or
#: facility word, or a photo-genre word (鸟瞰, 一角). Subheads (步伐坚实,
#: 开创新局) end in verbs and adjectives and are left alone. The outline uses the
#: same words to refuse such a line as an unnumbered subhead.
PICTURED_WORDS = (
    "岛|湾|港|桥|塔|码头|港区|港口|宿舍|大楼|大厦|广场|公园|园区|产业园|车站|机场|街区|老街|小镇|景区"
    "|校园|车间|厂区|工地|现场|鸟瞰|全景|一角|夜景|航拍|外景|远眺|掠影|实景|新貌"
)
PICTURED = f"(?:{PICTURED_WORDS})"
