"""Chinese numerals as used in outline markers: 一 … 九十九, 一百二十, 〇/零, 两, 壹貳參.

>>> parse_cn("十二"), parse_cn("二十"), parse_cn("一百零五"), parse_cn("叁")
(12, 20, 105, 3)
>>> format_cn(12), format_cn(105)
('十二', '一百零五')
"""

from __future__ import annotations

DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    # formal (financial) numerals, used for the top level of Taiwan reports: 壹、貳、參
    "壹": 1,
    "贰": 2,
    "貳": 2,
    "叁": 3,
    "參": 3,
    "参": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "陸": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
#: The multipliers inside a Chinese numeral (三百, 五千); units of measure are text.units.UNIT_KINDS.
MULTIPLIERS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(MULTIPLIERS)

_PLAIN = "〇一二三四五六七八九"


def parse_cn(s: str) -> int | None:
    """Value of a Chinese numeral below 10 000, or ``None`` if ``s`` is not one."""
    if not s or any(c not in DIGITS and c not in MULTIPLIERS for c in s):
        return None
    if all(c in DIGITS for c in s) and len(s) > 1:
        # digit by digit: 二〇二五
        return int("".join(str(DIGITS[c]) for c in s))
    total = 0
    pending: int | None = None
    last_unit = 10**9
    for c in s:
        if c in DIGITS:
            if pending is not None:
                if DIGITS[c] == 0 or pending == 0:
                    pending = DIGITS[c] if DIGITS[c] else pending
                    continue
                return None
            pending = DIGITS[c]
        else:
            unit = MULTIPLIERS[c]
            if unit >= last_unit or (pending is None and (unit != 10 or total)):
                return None  # 百十, 二百十: only a leading 十 may stand without its digit
            total += (1 if pending is None else pending) * unit
            pending = None
            last_unit = unit
    if pending:
        total += pending
    return total


def format_cn(n: int) -> str:
    """Render ``0 <= n < 10000`` as a plain Chinese numeral (十二, 一百零五, 二十)."""
    if n < 0 or n >= 10000:
        msg = f"format_cn takes 0..9999, got {n}"
        raise ValueError(msg)
    if n == 0:
        return "〇"
    parts: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                parts.append("零")
                zero = False
            parts.append(_PLAIN[d] + name)
        elif parts:
            zero = True
    out = "".join(parts)
    return out[1:] if out.startswith("一十") else out


def parse_number(s: str) -> int | None:
    """Arabic digits, a Chinese numeral, or a circled number (①-⑳, ⑴-⒇)."""
    if s.isascii() and s.isdigit():
        return int(s)
    if len(s) == 1:
        o = ord(s)
        if 0x2460 <= o <= 0x2473:  # ①..⑳
            return o - 0x2460 + 1
        if 0x2474 <= o <= 0x2487:  # ⑴..⒇
            return o - 0x2474 + 1
        if 0x2776 <= o <= 0x277F:  # ❶..❿
            return o - 0x2776 + 1
    return parse_cn(s)
