"""The one exception hierarchy govreport raises.

Every public function raises only subclasses of :class:`GovReportError`; any other
exception escaping ``parse`` is a bug. Each subclass carries what went wrong and
where, and its message says what to do next.
"""

from __future__ import annotations

from collections.abc import Sequence


class GovReportError(Exception):
    """Base class of every error govreport raises on purpose."""


class DecodingError(GovReportError):
    """Bytes that no supported encoding turns into plausible text.

    ``tried`` lists the encodings attempted, ``position`` the first byte offset
    that failed (or ``None`` when the input is binary as a whole).
    """

    def __init__(self, reason: str, tried: Sequence[str], position: int | None = None) -> None:
        self.reason = reason
        self.tried = tuple(tried)
        self.position = position
        where = f" at byte {position}" if position is not None else ""
        msg = (
            f"cannot decode input{where}: {reason} (tried {', '.join(self.tried) or 'nothing'}); "
            "pass a str, or bytes in UTF-8, GB18030/GBK, Big5 or UTF-16"
        )
        super().__init__(msg)


class ConfigError(GovReportError, ValueError):
    """An option that govreport does not know, with the valid choices."""

    def __init__(self, name: str, valid: Sequence[str], what: str = "option", *, shape: str | None = None) -> None:
        self.name = name
        self.valid = tuple(valid)
        if shape is None:
            msg = f"unknown {what} {name!r}; valid names are: {', '.join(self.valid)}"
        else:  # a known name given a value of the wrong kind
            msg = f"{what} {name!r} takes {shape}"
        super().__init__(msg)


class InputError(GovReportError, ValueError):
    """Input of the wrong type or shape (not str or bytes, unreadable file)."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
