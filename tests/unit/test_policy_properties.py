"""ThresholdPolicy fails closed, proven over every analysis summary hypothesis can build:
well-formed or not (NaN, infinities, strings, out-of-range numbers, wrong types)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from idv_provider.models import AnalysisSummary, Decision, SessionState, VerificationSession
from idv_provider.policy import ThresholdPolicy

#: anything a vendor mapping could hand over, the hostile values included
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["NaN", "1.0", "", "true", "Infinity"]),
    st.lists(st.integers(), max_size=2),
)
SCORE = st.one_of(st.floats(min_value=0, max_value=1), ANY_VALUE)
CHECK = st.one_of(st.booleans(), ANY_VALUE)
HITS = st.one_of(st.integers(min_value=0, max_value=3), ANY_VALUE)
SUMMARIES = st.builds(
    AnalysisSummary,
    id_matches_selfie=CHECK,
    liveness_score=SCORE,
    face_match_score=SCORE,
    document_not_expired=CHECK,
    document_valid_state=CHECK,
    age_requirement_met=CHECK,
    pep_hits=HITS,
    sanction_hits=HITS,
    adverse_media_hits=HITS,
    document_risk_score=SCORE,
)
POLICIES = st.builds(
    ThresholdPolicy,
    min_liveness_score=st.floats(min_value=0, max_value=1),
    min_face_match_score=st.floats(min_value=0, max_value=1),
    require_document_checks=st.booleans(),
    reject_on_sanctions=st.booleans(),
    review_on_pep=st.booleans(),
    review_on_adverse_media=st.booleans(),
    max_document_risk_score=st.one_of(st.none(), st.floats(min_value=0, max_value=100)),
    missing_check_decision=st.sampled_from([Decision.MANUAL_REVIEW, Decision.REJECT]),
)


def session(analysis: AnalysisSummary | None) -> VerificationSession:
    return VerificationSession(
        "s", "deepidv", SessionState.SUBMITTED, "SUBMITTED", analysis=analysis
    )


def well_formed_score(value: object) -> bool:
    return (
        type(value) in (int, float) and math.isfinite(value) and 0 <= value <= 1  # type: ignore[arg-type]
    )


def count(value: object) -> bool:
    return type(value) is int and value >= 0  # type: ignore[operator]


@settings(max_examples=3000, deadline=None)
@given(analysis=st.one_of(st.none(), SUMMARIES), policy=POLICIES)
def test_approve_means_every_required_check_reported_finite_in_range_and_passing(analysis, policy):
    result = policy(session(analysis))
    assert result.reasons, "every result says why"
    if result.decision is not Decision.APPROVE:
        return
    a = analysis
    assert a is not None
    assert well_formed_score(a.liveness_score) and a.liveness_score >= policy.min_liveness_score
    assert (
        well_formed_score(a.face_match_score) and a.face_match_score >= policy.min_face_match_score
    )
    assert a.id_matches_selfie is True
    if policy.require_document_checks:
        assert a.document_not_expired is True
        assert a.document_valid_state is True
        assert a.age_requirement_met is True
    for hits in (a.pep_hits, a.sanction_hits, a.adverse_media_hits):
        assert hits is None or count(hits)
    if policy.reject_on_sanctions:
        assert not a.sanction_hits
    if policy.review_on_pep:
        assert not a.pep_hits
    if a.document_risk_score is not None:
        assert type(a.document_risk_score) in (int, float)
        assert math.isfinite(a.document_risk_score) and a.document_risk_score >= 0
        if policy.max_document_risk_score is not None:
            assert a.document_risk_score <= policy.max_document_risk_score


@settings(max_examples=500, deadline=None)
@given(analysis=SUMMARIES, policy=POLICIES)
def test_a_malformed_value_never_decides_alone(analysis, policy):
    """Anything that is not the type a check has sends the session to a person."""
    scores = (analysis.liveness_score, analysis.face_match_score)
    checks = (
        analysis.id_matches_selfie,
        analysis.document_not_expired,
        analysis.document_valid_state,
        analysis.age_requirement_met,
    )
    hits = (analysis.pep_hits, analysis.sanction_hits, analysis.adverse_media_hits)
    malformed = (
        any(v is not None and not well_formed_score(v) for v in scores)
        or any(v is not None and type(v) is not bool for v in checks)
        or any(v is not None and not count(v) for v in hits)
    )
    if malformed:
        assert policy(session(analysis)).decision is Decision.MANUAL_REVIEW
