"""Branded invite messages (email and SMS) with the session link, in the applicant's language."""

from idv_provider.invites.delivery import (
    Invite,
    SmsHook,
    SmsMessage,
    SmsSender,
    check_invite,
    check_invite_content,
    check_invite_sender,
    deliver_invite,
    prepare_invite,
    vendor_invites,
)
from idv_provider.invites.once import INVITE_SENT_KEY, send_invite_once
from idv_provider.invites.rendering import InviteRenderer, InviteVariables, locale_chain
from idv_provider.invites.sms import SmsEncoding, SmsLength, sms_length

__all__ = [
    "INVITE_SENT_KEY",
    "Invite",
    "InviteRenderer",
    "InviteVariables",
    "SmsEncoding",
    "SmsHook",
    "SmsLength",
    "SmsMessage",
    "SmsSender",
    "check_invite",
    "check_invite_content",
    "check_invite_sender",
    "deliver_invite",
    "locale_chain",
    "prepare_invite",
    "send_invite_once",
    "sms_length",
    "vendor_invites",
]
