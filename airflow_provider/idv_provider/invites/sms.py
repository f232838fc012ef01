"""SMS length: GSM-7 versus UCS-2 encoding and the number of segments a text costs (GSM 03.38).

A text in the GSM 7-bit alphabet fits 160 septets in one SMS, 153 per segment once split (the
rest carries the concatenation header); a character of the extension table (``€``, ``[``,
``{``...) takes two septets, and the pair is never split across segments. One character
outside the alphabet switches the whole text to UCS-2: 70 UTF-16 code units in one SMS, 67 per
segment, and a surrogate pair (an emoji) is never split either.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

SINGLE_GSM7, PART_GSM7 = 160, 153
SINGLE_UCS2, PART_UCS2 = 70, 67


class SmsEncoding(StrEnum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


@dataclass(frozen=True)
class SmsLength:
    """How a text travels: its encoding, its length in that encoding's units, its segments."""

    encoding: SmsEncoding
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int


def _units(text: str, encoding: SmsEncoding) -> list[int]:
    """The size of each character in the encoding's units."""
    if encoding is SmsEncoding.GSM7:
        return [2 if char in GSM7_EXTENSION else 1 for char in text]
    return [2 if ord(char) > 0xFFFF else 1 for char in text]


def sms_length(text: str) -> SmsLength:
    """Measure ``text`` as a phone network would send it."""
    gsm7 = all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text)
    encoding = SmsEncoding.GSM7 if gsm7 else SmsEncoding.UCS2
    single, part = (SINGLE_GSM7, PART_GSM7) if gsm7 else (SINGLE_UCS2, PART_UCS2)
    sizes = _units(text, encoding)
    total = sum(sizes)
    if total <= single:
        return SmsLength(encoding, total, 1 if total else 0)
    segments, used = 1, 0
    for size in sizes:  # fill segments without splitting an escape pair or a surrogate pair
        if used + size > part:
            segments, used = segments + 1, 0
        used += size
    return SmsLength(encoding, total, segments)
