"""Human-readable views of a report: an outline tree and markdown."""

from __future__ import annotations

from ..models import Report, Section


def _share(sec: Section) -> str:
    share = sec.scores.get(sec.category.value, 0.0)
    return f"{sec.category.value} {share:.0%}"


def tree(report: Report) -> str:
    """The outline, one heading a line, with each section's label and its share.

    >>> from govreport import parse
    >>> print(tree(parse("一、工作回顾\\n全年新增就业4万人。")))
    <BLANKLINE>
    一、 工作回顾  [achievement 100%]
    """
    lines = [report.title or ""]
    if report.preamble and report.preamble.paragraphs:
        lines.append(f"(preamble: {len(report.preamble.paragraphs)} paragraphs)  [{_share(report.preamble)}]")
    for top in report.sections:
        for sec in top.walk():
            indent = "  " * (sec.level - 1)
            marker = f"{sec.marker} " if sec.marker else ""
            lines.append(f"{indent}{marker}{sec.title}  [{_share(sec)}]")
    return "\n".join(lines)


def markdown(report: Report) -> str:
    """Headings as markdown headings (level capped at 6), paragraphs as paragraphs."""
    out: list[str] = []
    if report.title:
        out.append(f"# {report.title}")
    if report.preamble:
        out.extend(p.text for p in report.preamble.paragraphs)
    for top in report.sections:
        for sec in top.walk():
            hashes = "#" * min(6, sec.level + 1)
            marker = (
                f"{sec.marker} "
                if sec.marker and sec.style not in (None, "bold") and not (sec.style or "").startswith("markdown")
                else ""
            )
            out.append(f"{hashes} {marker}{sec.title}")
            out.extend(p.text for p in sec.paragraphs)
    return "\n\n".join(out) + "\n"
