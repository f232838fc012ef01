"""What Didit's checks report for each auto-mode outcome: the status a finished flow gets and
the decision payload's feature arrays (scores 0-100, as Didit reports them)."""

from __future__ import annotations

import random
from typing import Any

from idv_sandbox.outcomes import Outcome

#: the status Didit's workflow gives a finished flow, by outcome
FINAL_STATUS = {
    Outcome.CLEAN_PASS: "Approved",
    Outcome.FACE_MISMATCH: "Declined",
    Outcome.DOCUMENT_UNREADABLE: "Declined",
    Outcome.EXPIRED_DOCUMENT: "Declined",
    Outcome.UNDER_AGE: "Declined",
    Outcome.PEP_SANCTIONS_HIT: "In Review",  # a possible AML match goes to a reviewer
}
#: features of the sandbox's one workflow, and the decision arrays they fill
FEATURES = ["ID_VERIFICATION", "LIVENESS", "FACE_MATCH", "AML"]
RESULT_ARRAYS = ("id_verifications", "liveness_checks", "face_matches", "aml_screenings")


def _warning(feature: str, risk: str, log_type: str, text: str) -> dict[str, Any]:
    return {"feature": feature, "risk": risk, "log_type": log_type, "short_description": text}


def _check(node: str, status: str, warnings: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {"node_id": node, "status": status, **fields, "warnings": warnings}


def _document(outcome: Outcome, rng: random.Random, applicant: dict[str, Any]) -> dict[str, Any]:
    problem = {
        Outcome.DOCUMENT_UNREADABLE: (
            "COULD_NOT_RECOGNIZE_DOCUMENT",
            "The document could not be recognized.",
        ),
        Outcome.EXPIRED_DOCUMENT: ("DOCUMENT_EXPIRED", "The document has expired."),
        Outcome.UNDER_AGE: ("MINIMUM_AGE_NOT_MET", "The applicant is under the minimum age."),
    }.get(outcome)
    warnings = [_warning("ID_VERIFICATION", problem[0], "error", problem[1])] if problem else []
    return _check(
        "feature_ocr",
        "Declined" if problem else "Approved",
        warnings,
        document_type="Passport",
        document_number=f"X{rng.randrange(10**7, 10**8)}",
        first_name=applicant.get("first_name"),
        last_name=applicant.get("last_name"),
        issuing_state="CAN",
        expiration_date="2022-01-31" if outcome is Outcome.EXPIRED_DOCUMENT else "2031-04-30",
        age=16 if outcome is Outcome.UNDER_AGE else rng.randrange(21, 70),
    )


def _face_match(outcome: Outcome, rng: random.Random) -> dict[str, Any]:
    if outcome is Outcome.FACE_MISMATCH:
        warning = _warning(
            "FACE_MATCH", "LOW_FACE_MATCH_SIMILARITY", "error", "The selfie does not match."
        )
        return _check(
            "feature_face_match", "Declined", [warning], score=round(rng.uniform(10, 45), 2)
        )
    return _check("feature_face_match", "Approved", [], score=round(rng.uniform(88, 99), 2))


def _aml(outcome: Outcome, rng: random.Random) -> dict[str, Any]:
    if outcome is not Outcome.PEP_SANCTIONS_HIT:
        return _check("feature_aml", "Approved", [], entity_type="person", total_hits=0, hits=[])
    scores = [round(rng.uniform(85, 97), 1) for _ in range(2)]
    hits: list[dict[str, Any]] = [
        {
            "id": f"aml-{rng.randrange(10**6)}",
            "match": True,
            "datasets": ["PEP"],
            "match_score": scores[0],
            "pep_matches": [{"position": "Member of Parliament", "country": "CA"}],
            "sanction_matches": [],
        },
        {
            "id": f"aml-{rng.randrange(10**6)}",
            "match": True,
            "datasets": ["Sanctions"],
            "match_score": scores[1],
            "pep_matches": [],
            "sanction_matches": [{"list": "OFAC SDN"}],
        },
    ]
    warning = _warning("AML", "POSSIBLE_MATCH_FOUND", "warning", "Possible watchlist match.")
    return _check(
        "feature_aml",
        "In Review",
        [warning],
        entity_type="person",
        total_hits=len(hits),
        score=max(scores),
        hits=hits,
    )


def finished_flow(outcome: Outcome, key: str, applicant: dict[str, Any]) -> dict[str, Any]:
    """The decision fields a finished flow with this outcome sets (status and results)."""
    rng = random.Random(f"{key}:didit")  # noqa: S311 - reproducible, not secret
    results = {
        "id_verifications": [_document(outcome, rng, applicant)],
        "liveness_checks": [
            _check(
                "feature_liveness",
                "Approved",
                [],
                method="PASSIVE",
                score=round(rng.uniform(93, 99.8), 2),
            )
        ],
        "face_matches": [_face_match(outcome, rng)],
        "aml_screenings": [_aml(outcome, rng)],
    }
    warnings = [w for name in RESULT_ARRAYS for item in results[name] for w in item["warnings"]]
    return {"status": FINAL_STATUS[outcome], **results, "warnings": warnings}
