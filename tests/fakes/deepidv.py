"""deepidv wire payloads for respx tests, shaped like the vendor's documented examples."""

from __future__ import annotations

from typing import Any

SESSION_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890"


def session_record(status: str = "SUBMITTED", **overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": SESSION_ID,
        "organizationId": "org_1",
        "userId": "usr_1",
        "senderUserId": "usr_2",
        "externalId": "applicant-1",
        "status": status,
        "type": "session",
        "sessionProgress": "COMPLETED" if status != "PENDING" else "PENDING",
        "createdAt": "2026-11-20T10:00:00.000Z",
        "updatedAt": "2026-11-20T10:05:00.000Z",
    }
    if status != "PENDING":
        record["submittedAt"] = "2026-11-20T10:05:00.000Z"
        record["analysisData"] = {
            "idMatchesSelfie": True,
            "facelivenessScore": 0.97,
            "idAnalysisData": {
                "detectFaceData": [{"confidence": 0.99}],
                "idExtractedText": [{"type": "NAME", "value": "JANE DOE", "confidence": 0.98}],
                "expiryDatePass": True,
                "validStatePass": True,
                "ageRestrictionPass": True,
            },
            "compareFacesData": {"faceMatchConfidence": 0.94, "faceMatchResult": {}},
            "pepSanctionsData": {"peps": [], "sanctions": None, "both": []},
            "adverseMediaData": {"totalHits": 0, "newsExposures": {}, "timestamp": "x"},
        }
    record.update(overrides)
    return record


def detail(status: str = "SUBMITTED", **overrides: Any) -> dict[str, Any]:
    return {"sessionRecord": session_record(status, **overrides), "resourceLinks": {}}


def created(**overrides: Any) -> dict[str, Any]:
    body = {
        "id": SESSION_ID,
        "session_url": f"https://verify.deepidv.com/session/{SESSION_ID}?oid=org_1",
        "externalId": "applicant-1",
        "links": [],
    }
    body.update(overrides)
    return body


APPLICANT = {
    "first_name": "Jane",
    "last_name": "Doe",
    "email": "jane.doe@example.com",
    "phone": "+15551234567",
    "external_id": "applicant-1",
}
