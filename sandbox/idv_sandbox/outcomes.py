"""What happens to an applicant in auto mode, and the analysis results each outcome produces."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Container, Iterable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


class Outcome(StrEnum):
    CLEAN_PASS = "clean_pass"  # noqa: S105 - an outcome name
    FACE_MISMATCH = "face_mismatch"
    DOCUMENT_UNREADABLE = "document_unreadable"
    EXPIRED_DOCUMENT = "expired_document"
    UNDER_AGE = "under_age"
    PEP_SANCTIONS_HIT = "pep_sanctions_hit"
    ABANDONED = "abandoned"  # the applicant never submits: the session stays PENDING


KNOWN = frozenset(o.value for o in Outcome)
#: ``jane+face_mismatch@example.com`` forces that outcome, like a card number in a test mode.
EMAIL_TAG = re.compile(r"\+([a-z_]+)@")


def parse_mix(text: str) -> dict[Outcome, float]:
    """``"clean_pass=0.8,face_mismatch=0.2"`` → weights (naming an unknown outcome fails)."""
    mix: dict[Outcome, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, weight = part.partition("=")
        try:
            mix[Outcome(name.strip())] = float(weight or 1)
        except ValueError:
            known = ", ".join(o.value for o in Outcome)
            raise ValueError(f"bad outcome {part!r} in the mix; known outcomes: {known}") from None
    if not mix or sum(mix.values()) <= 0:
        raise ValueError("the outcome mix needs at least one outcome with a positive weight")
    return mix


def draw_key(seed: int, email: str, external_id: str | None) -> str:
    """What seeds an applicant's draws: the same applicants and seed give the same run."""
    return f"{seed}:{email.lower()}:{external_id or ''}"


def choose_outcome(email: str, key: str, mix: Mapping[Outcome, float]) -> Outcome:
    """The email's ``+tag`` if it names an outcome, else a draw from the mix seeded by ``key``."""
    tag = EMAIL_TAG.search(email)
    if tag and tag.group(1) in KNOWN:
        return Outcome(tag.group(1))
    rng = random.Random(key)  # noqa: S311 - reproducible, not secret
    outcomes = list(mix)
    return rng.choices(outcomes, weights=[mix[o] for o in outcomes])[0]


def analysis_data(outcome: Outcome, key: str, now: str) -> dict[str, Any]:
    """A realistic ``analysisData`` block for a submitted session with this outcome."""
    rng = random.Random(f"{key}:analysis")  # noqa: S311
    liveness = round(rng.uniform(0.93, 0.998), 3)
    face_match = round(rng.uniform(0.88, 0.99), 3)
    matches = True
    expiry_pass = valid_state_pass = age_pass = True
    peps: list[dict[str, Any]] = []
    sanctions: list[dict[str, Any]] = []
    ocr_confidence = round(rng.uniform(0.9, 0.99), 3)
    if outcome is Outcome.FACE_MISMATCH:
        face_match, matches = round(rng.uniform(0.1, 0.45), 3), False
    elif outcome is Outcome.DOCUMENT_UNREADABLE:
        ocr_confidence, valid_state_pass = round(rng.uniform(0.1, 0.4), 3), False
    elif outcome is Outcome.EXPIRED_DOCUMENT:
        expiry_pass = False
    elif outcome is Outcome.UNDER_AGE:
        age_pass = False
    elif outcome is Outcome.PEP_SANCTIONS_HIT:
        sanctions = [{"list": "OFAC SDN", "matchScore": round(rng.uniform(0.85, 0.97), 2)}]
        peps = [{"position": "Member of Parliament", "country": "CA"}]
    return {
        "createdAt": now,
        "idMatchesSelfie": matches,
        "facelivenessScore": liveness,
        "idAnalysisData": {
            "detectFaceData": [{"confidence": round(rng.uniform(0.95, 0.999), 3)}],
            "idExtractedText": [
                {
                    "type": "DOCUMENT_NUMBER",
                    "value": f"X{rng.randrange(10**7, 10**8)}",
                    "confidence": ocr_confidence,
                },
                {
                    "type": "EXPIRATION_DATE",
                    "value": "2031-04-30" if expiry_pass else "2022-01-31",
                    "confidence": ocr_confidence,
                },
            ],
            "expiryDatePass": expiry_pass,
            "validStatePass": valid_state_pass,
            "ageRestrictionPass": age_pass,
        },
        "compareFacesData": {
            "faceMatchConfidence": face_match,
            "faceMatchResult": {"similarity": round(face_match * 100, 1)},
        },
        "pepSanctionsData": {"peps": peps, "sanctions": sanctions, "both": []},
        "adverseMediaData": {"totalHits": 0, "newsExposures": {}, "timestamp": now},
        "documentRiskData": {
            "overallRiskScore": round(rng.uniform(0.01, 0.2), 3),
            "documentsAnalyzed": 1,
            "documentsWithSignals": 0,
            "documentAnalysis": [],
        },
    }


def finishing(outcome: Outcome) -> Outcome:
    """How a flow ends once the applicant finishes it: one drawn to abandon who comes back
    and finishes after all (by hand, or in a seed) passes."""
    return Outcome.CLEAN_PASS if outcome is Outcome.ABANDONED else outcome


def run_auto_mode(
    due: Iterable[T],
    undelivered: Container[str],
    *,
    session_id: Callable[[T], str],
    outcome: Callable[[T], str],
    finish: Callable[[T, Outcome], object],
    open_link: Callable[[T], object] | None = None,
) -> None:
    """Auto mode's one rule, for every vendor: a session whose link reached nobody (its
    create answer was lost) is left alone; an applicant drawn to abandon opens the link
    (``open_link``) and never finishes; the others finish with their drawn outcome."""
    for session in due:
        if session_id(session) in undelivered:
            continue
        drawn = Outcome(outcome(session))
        if drawn is not Outcome.ABANDONED:
            finish(session, drawn)
        elif open_link is not None:
            open_link(session)
