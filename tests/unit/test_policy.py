"""ThresholdPolicy over the vendor-neutral analysis summary."""

from __future__ import annotations

from dataclasses import replace

import pytest

from idv_provider.models import AnalysisSummary, Decision, SessionState, VerificationSession
from idv_provider.policy import ThresholdPolicy, below

CLEAN = AnalysisSummary(
    id_matches_selfie=True,
    liveness_score=0.97,
    face_match_score=0.93,
    document_not_expired=True,
    document_valid_state=True,
    age_requirement_met=True,
    pep_hits=0,
    sanction_hits=0,
)


def session(analysis: AnalysisSummary | None) -> VerificationSession:
    return VerificationSession(
        id="s",
        vendor="deepidv",
        state=SessionState.SUBMITTED,
        vendor_status="SUBMITTED",
        analysis=analysis,
    )


@pytest.mark.parametrize(
    ("change", "decision", "reason"),
    [
        ({}, Decision.APPROVE, "all checks passed"),
        ({"id_matches_selfie": False}, Decision.REJECT, "selfie does not match"),
        ({"document_not_expired": False}, Decision.REJECT, "document expired"),
        ({"age_requirement_met": False}, Decision.REJECT, "under the age"),
        ({"sanction_hits": 2}, Decision.REJECT, "2 sanctions hit(s)"),
        ({"liveness_score": 0.5}, Decision.MANUAL_REVIEW, "liveness score 0.50 below 0.90"),
        ({"face_match_score": 0.79}, Decision.MANUAL_REVIEW, "face match score 0.79 below 0.80"),
        ({"pep_hits": 1}, Decision.MANUAL_REVIEW, "1 PEP hit(s)"),
        (
            {"document_valid_state": None},
            Decision.MANUAL_REVIEW,
            "document issuer check not reported",
        ),
    ],
)
def test_threshold_policy(change, decision, reason):
    result = ThresholdPolicy()(session(replace(CLEAN, **change)))
    assert result.decision is decision
    assert any(reason in r for r in result.reasons), result.reasons


def test_no_analysis_goes_to_review():
    assert ThresholdPolicy()(session(None)).decision is Decision.MANUAL_REVIEW


def test_missing_checks_can_be_rejected_instead():
    policy = ThresholdPolicy(missing_check_decision=Decision.REJECT)
    assert policy(session(replace(CLEAN, liveness_score=None))).decision is Decision.REJECT
    # a failed threshold is still a human's call
    assert policy(session(replace(CLEAN, liveness_score=0.1))).decision is Decision.MANUAL_REVIEW


def test_thresholds_are_configurable():
    lenient = ThresholdPolicy(min_liveness_score=0.4)
    assert lenient(session(replace(CLEAN, liveness_score=0.5))).decision is Decision.APPROVE
    assert (
        ThresholdPolicy(require_document_checks=False)(
            session(replace(CLEAN, document_not_expired=False))
        ).decision
        is Decision.APPROVE
    )


@pytest.mark.parametrize(
    ("score", "minimum", "text"),
    [
        (0.949, 0.95, "0.949 below 0.950"),
        (0.30, 0.80, "0.30 below 0.80"),
        (0.94999, 0.95, "0.94999 below 0.95000"),
        (0.8, 0.95, "0.80 below 0.95"),
    ],
)
def test_reasons_show_the_precision_that_decided(score, minimum, text):
    assert below(score, minimum) == text


def test_adverse_media_and_document_risk_are_read_when_asked_for():
    risky = replace(CLEAN, adverse_media_hits=2, document_risk_score=0.7)
    assert ThresholdPolicy()(session(risky)).decision is Decision.APPROVE  # off by default
    strict = ThresholdPolicy(review_on_adverse_media=True, max_document_risk_score=0.5)
    result = strict(session(risky))
    assert result.decision is Decision.MANUAL_REVIEW
    assert result.reasons == ["2 adverse media hit(s)", "document risk score 0.7 above 0.5"]
    calm = replace(CLEAN, adverse_media_hits=0, document_risk_score=0.5)
    assert strict(session(calm)).decision is Decision.APPROVE


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"liveness_score": float("nan")}, "liveness score is not a number from 0 to 1"),
        ({"face_match_score": float("inf")}, "face match score is not a number from 0 to 1"),
        ({"liveness_score": 1.5}, "liveness score is not a number from 0 to 1"),
        ({"liveness_score": -0.1}, "liveness score is not a number from 0 to 1"),
        ({"liveness_score": "0.99"}, "liveness score is not a number from 0 to 1"),
        ({"liveness_score": True}, "liveness score is not a number from 0 to 1"),
        ({"id_matches_selfie": "yes"}, "selfie match is not a yes/no answer"),
        ({"age_requirement_met": 1}, "age check is not a yes/no answer"),
        ({"sanction_hits": -1}, "sanctions hits is not a whole number"),
        ({"pep_hits": 0.5}, "PEP hits is not a whole number"),
        ({"document_risk_score": float("nan")}, "document risk score is not a finite number"),
    ],
)
def test_malformed_values_go_to_a_person_with_the_reason(change, reason):
    """NaN compares false with everything: the policy never reaches a comparison with it."""
    result = ThresholdPolicy()(session(replace(CLEAN, **change)))
    assert result.decision is Decision.MANUAL_REVIEW
    assert reason in result.reasons


def test_a_malformed_summary_goes_to_a_person_even_when_missing_checks_reject():
    policy = ThresholdPolicy(missing_check_decision=Decision.REJECT)
    result = policy(session(replace(CLEAN, liveness_score=float("nan"))))
    assert result.decision is Decision.MANUAL_REVIEW


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"min_liveness_score": float("nan")}, "min_liveness_score"),
        ({"min_face_match_score": 2}, "min_face_match_score"),
        ({"max_document_risk_score": float("inf")}, "max_document_risk_score"),
        ({"missing_check_decision": Decision.APPROVE}, "missing_check_decision"),
    ],
)
def test_a_policy_that_could_approve_on_nothing_is_refused(settings, field):
    with pytest.raises(ValueError, match=field):
        ThresholdPolicy(**settings)
