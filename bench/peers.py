"""What users would otherwise reach for to split such text, and the floor.

Each peer is a function ``list[str] -> int`` (the number of pieces produced),
built by a factory that returns ``None`` plus a reason when the peer is not
installed or cannot run here. The floor is one ``regex`` pass that only splits
sentences: no outline, no labels, no offsets mapping, no models.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import regex

Splitter = Callable[[list[str]], int]

# a sentence: anything up to and including a run of sentence-final marks, or a line without one
_SENTENCE = regex.compile(r"[^。！？；!?;\n]*[。！？；!?;]+|[^\n]+")

#: separators a user would pass for Chinese prose: paragraphs, lines, then sentence and clause marks
CHINESE_SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "，", ""]


def floor(docs: list[str]) -> int:
    """One regex pass per document that only finds sentences."""
    return sum(len(_SENTENCE.findall(d)) for d in docs)


def langchain() -> tuple[Splitter | None, str]:
    """langchain-text-splitters' RecursiveCharacterTextSplitter with Chinese separators."""
    try:
        from langchain_text_splitters import RecursiveCharacterTextSplitter
    except ImportError:
        return None, "langchain-text-splitters is not installed (pip install -e '.[bench]')"
    splitter = RecursiveCharacterTextSplitter(separators=CHINESE_SEPARATORS, chunk_size=500, chunk_overlap=0)

    def run(docs: list[str]) -> int:
        return sum(len(splitter.split_text(d)) for d in docs)

    return run, "RecursiveCharacterTextSplitter(chunk_size=500, Chinese separators)"


def unstructured() -> tuple[Splitter | None, str]:
    """unstructured's ``partition_text``; probed on a short text first, since it may need a model download."""
    os.environ.setdefault("UNSTRUCTURED_DISABLE_NOTICE", "1")
    try:
        from unstructured.partition.text import partition_text
    except ImportError:
        return None, "unstructured is not installed (pip install -e '.[bench]')"
    try:
        partition_text(text="一、总体要求\n坚持稳中求进。\n\n二、主要任务\n推进改革。")
    except Exception as e:
        return None, f"partition_text cannot run here: {type(e).__name__}: {str(e)[:160]}"

    def run(docs: list[str]) -> int:
        return sum(len(partition_text(text=d)) for d in docs)

    return run, "partition_text(text=...)"


#: peer name -> factory, in the order they are reported
PEERS: dict[str, Callable[[], tuple[Splitter | None, str]]] = {
    "langchain": langchain,
    "unstructured": unstructured,
}
