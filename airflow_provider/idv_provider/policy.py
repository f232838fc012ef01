"""Decision policies: pure functions from a session to a decision and its reasons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from idv_provider.models import AnalysisSummary, Decision, VerificationSession


@dataclass(frozen=True)
class PolicyResult:
    decision: Decision
    reasons: list[str] = field(default_factory=list)


#: Anything that decides: a :class:`ThresholdPolicy` or your own callable.
Policy = Callable[[VerificationSession], PolicyResult]


def below(score: float, minimum: float) -> str:
    """``"0.949 below 0.950"``: both numbers with the fewest decimals (at least two) that
    still show the score is below the minimum, never a rounding that hides it."""
    for digits in range(2, 16):
        shown, limit = f"{score:.{digits}f}", f"{minimum:.{digits}f}"
        if float(shown) < float(limit):
            return f"{shown} below {limit}"
    return f"{score!r} below {minimum!r}"


@dataclass(frozen=True)
class ThresholdPolicy:
    """Declarative rules over the analysis results.

    A failed hard check (face mismatch, expired or invalid document, under age, sanctions
    hit) rejects. A score below its threshold, a PEP hit, or a check the vendor did not report
    sends the session to manual review (``Decision.MANUAL_REVIEW``), unless
    ``missing_check_decision`` says otherwise; so do adverse-media hits with
    ``review_on_adverse_media`` and a document risk score above ``max_document_risk_score``
    (deepidv reports both; off by default). Everything passing approves.
    """

    min_liveness_score: float = 0.9
    min_face_match_score: float = 0.8
    require_document_checks: bool = True
    reject_on_sanctions: bool = True
    review_on_pep: bool = True
    review_on_adverse_media: bool = False
    max_document_risk_score: float | None = None
    missing_check_decision: Decision = Decision.MANUAL_REVIEW

    def __call__(self, session: VerificationSession) -> PolicyResult:
        analysis = session.analysis
        if analysis is None:
            return PolicyResult(self.missing_check_decision, ["no analysis results yet"])
        rejects, reviews = self._hard_failures(analysis), self._soft_failures(analysis)
        if rejects:
            return PolicyResult(Decision.REJECT, rejects + reviews)
        if reviews:
            missing_only = all(reason.endswith("not reported") for reason in reviews)
            decision = self.missing_check_decision if missing_only else Decision.MANUAL_REVIEW
            return PolicyResult(decision, reviews)
        return PolicyResult(Decision.APPROVE, ["all checks passed"])

    def _hard_failures(self, a: AnalysisSummary) -> list[str]:
        reasons = []
        if a.id_matches_selfie is False:
            reasons.append("selfie does not match the ID document")
        if self.require_document_checks:
            if a.document_not_expired is False:
                reasons.append("document expired")
            if a.document_valid_state is False:
                reasons.append("document issuer not valid")
            if a.age_requirement_met is False:
                reasons.append("applicant under the age requirement")
        if self.reject_on_sanctions and a.sanction_hits:
            reasons.append(f"{a.sanction_hits} sanctions hit(s)")
        return reasons

    def _soft_failures(self, a: AnalysisSummary) -> list[str]:
        reasons = []
        for name, score, minimum in (
            ("liveness score", a.liveness_score, self.min_liveness_score),
            ("face match score", a.face_match_score, self.min_face_match_score),
        ):
            if score is None:
                reasons.append(f"{name} not reported")
            elif score < minimum:
                reasons.append(f"{name} {below(score, minimum)}")
        if a.id_matches_selfie is None:
            reasons.append("selfie match not reported")
        if self.require_document_checks:
            for name, value in (
                ("document expiry check", a.document_not_expired),
                ("document issuer check", a.document_valid_state),
                ("age check", a.age_requirement_met),
            ):
                if value is None:
                    reasons.append(f"{name} not reported")
        if self.review_on_pep and a.pep_hits:
            reasons.append(f"{a.pep_hits} PEP hit(s)")
        if self.review_on_adverse_media and a.adverse_media_hits:
            reasons.append(f"{a.adverse_media_hits} adverse media hit(s)")
        risk, ceiling = a.document_risk_score, self.max_document_risk_score
        if ceiling is not None and risk is not None and risk > ceiling:
            reasons.append(f"document risk score {risk:g} above {ceiling:g}")
        return reasons
