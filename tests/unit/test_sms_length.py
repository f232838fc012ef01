"""SMS segment counting: GSM-7 versus UCS-2, and pairs never split across segments."""

from __future__ import annotations

import pytest

from idv_provider.invites import SmsEncoding, sms_length
from idv_provider.invites.sms import GSM7_BASIC, GSM7_EXTENSION

GSM, UCS = SmsEncoding.GSM7, SmsEncoding.UCS2


def test_the_gsm7_tables_have_the_sizes_of_gsm_03_38():
    assert len(GSM7_BASIC) == 127  # 128 code points, one of them the escape to the extension
    assert len(GSM7_EXTENSION) == 10
    assert not GSM7_BASIC & GSM7_EXTENSION


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", GSM, 0, 0),
        ("a" * 160, GSM, 160, 1),
        ("a" * 161, GSM, 161, 2),  # past one SMS, segments hold 153
        ("a" * 306, GSM, 306, 2),
        ("a" * 307, GSM, 307, 3),
        ("é è à ù ñ ü Ç ¿¡ £ ¥ §", GSM, 22, 1),  # accents of the basic table
        ("€" * 80, GSM, 160, 1),  # extension characters cost two septets
        ("a" * 159 + "€", GSM, 161, 2),
        # the escape pair is not split: 152 + (2) cannot share a 153-septet segment
        ("a" * 152 + "€" + "a" * 152, GSM, 306, 3),
        ("ç" * 70, UCS, 70, 1),  # lower-case ç is not in GSM-7
        ("ç" * 71, UCS, 71, 2),
        ("ê" + "a" * 133, UCS, 134, 2),  # one such character makes the whole text UCS-2
        ("😀" * 35, UCS, 70, 1),  # an emoji is a surrogate pair: two code units
        # the surrogate pair is not split: 66 + (2) cannot share a 67-unit segment
        ("ç" * 66 + "😀" + "ç" * 66, UCS, 134, 3),
    ],
)
def test_sms_length(text, encoding, units, segments):
    length = sms_length(text)
    assert (length.encoding, length.units, length.segments) == (encoding, units, segments)
