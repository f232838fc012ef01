"""Decision policies: pure functions from a session to a decision and its reasons."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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


def is_number(value: Any) -> bool:
    """A finite real number, zero or more: never NaN, an infinity, a bool or a string."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


def is_score(value: Any) -> bool:
    """A finite real number from 0 to 1."""
    return is_number(value) and value <= 1


def is_count(value: Any) -> bool:
    """A whole number of hits, zero or more (a bool is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@dataclass(frozen=True)
class ThresholdPolicy:
    """Declarative rules over the analysis results.

    A failed hard check (face mismatch, expired or invalid document, under age, sanctions
    hit) rejects. A score below its threshold, a PEP hit, or a check the vendor did not report
    sends the session to manual review (``Decision.MANUAL_REVIEW``), unless
    ``missing_check_decision`` says otherwise (manual review or reject: a missing check never
    approves); so do adverse-media hits with ``review_on_adverse_media`` and a document risk
    score above ``max_document_risk_score`` (deepidv reports both; off by default).

    It fails closed: a score that is not a finite number from 0 to 1 (NaN, an infinity, a
    string), a check that is not yes/no, or a hit count that is not a whole number sends the
    session to manual review with a reason, whatever ``missing_check_decision`` says. Only
    every required check reported, well-formed and passing approves.
    """

    min_liveness_score: float = 0.9
    min_face_match_score: float = 0.8
    require_document_checks: bool = True
    reject_on_sanctions: bool = True
    review_on_pep: bool = True
    review_on_adverse_media: bool = False
    max_document_risk_score: float | None = None
    missing_check_decision: Decision = Decision.MANUAL_REVIEW

    def __post_init__(self) -> None:
        for name in ("min_liveness_score", "min_face_match_score"):
            if not is_score(getattr(self, name)):
                raise ValueError(f"ThresholdPolicy.{name} must be a number from 0 to 1")
        ceiling = self.max_document_risk_score
        if ceiling is not None and not is_number(ceiling):
            raise ValueError("ThresholdPolicy.max_document_risk_score must be a finite number")
        if self.missing_check_decision not in (Decision.MANUAL_REVIEW, Decision.REJECT):
            raise ValueError(
                "ThresholdPolicy.missing_check_decision must be manual_review or reject: "
                "a check nobody reported never approves"
            )

    def __call__(self, session: VerificationSession) -> PolicyResult:
        analysis = session.analysis
        if analysis is None:
            return PolicyResult(self.missing_check_decision, ["no analysis results yet"])
        malformed = self._malformed(analysis)
        if malformed:  # nothing else is read from a summary that holds such values
            return PolicyResult(Decision.MANUAL_REVIEW, malformed)
        rejects, reviews = self._hard_failures(analysis), self._soft_failures(analysis)
        if rejects:
            return PolicyResult(Decision.REJECT, rejects + reviews)
        if reviews:
            missing_only = all(reason.endswith("not reported") for reason in reviews)
            decision = self.missing_check_decision if missing_only else Decision.MANUAL_REVIEW
            return PolicyResult(decision, reviews)
        return PolicyResult(Decision.APPROVE, ["all checks passed"])

    @staticmethod
    def _malformed(a: AnalysisSummary) -> list[str]:
        """Why values in the summary cannot be read as the checks they name."""
        reasons = []
        for name, value in (
            ("liveness score", a.liveness_score),
            ("face match score", a.face_match_score),
        ):
            if value is not None and not is_score(value):
                reasons.append(f"{name} is not a number from 0 to 1")
        risk = a.document_risk_score
        if risk is not None and not is_number(risk):  # its scale is the vendor's
            reasons.append("document risk score is not a finite number")
        for name, value in (
            ("selfie match", a.id_matches_selfie),
            ("document expiry check", a.document_not_expired),
            ("document issuer check", a.document_valid_state),
            ("age check", a.age_requirement_met),
        ):
            if value is not None and not isinstance(value, bool):
                reasons.append(f"{name} is not a yes/no answer")
        for name, value in (
            ("PEP hits", a.pep_hits),
            ("sanctions hits", a.sanction_hits),
            ("adverse media hits", a.adverse_media_hits),
        ):
            if value is not None and not is_count(value):
                reasons.append(f"{name} is not a whole number")
        return reasons

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
