"""The landing page's bounds, driven with an explicit clock: concurrent look-ups, each
connection's budget of vendor calls, and the ids the vendor said it does not know."""

from __future__ import annotations

from contextlib import ExitStack

from idv_provider.events.guard import LandingGuard


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_look_ups_beyond_the_concurrent_bound_are_refused_without_waiting():
    guard = LandingGuard(concurrent=2, rate=100, burst=100)
    with ExitStack() as held:
        assert held.enter_context(guard.lookup("c")) is True
        assert held.enter_context(guard.lookup("c")) is True
        with guard.lookup("c") as third:
            assert third is False
    with guard.lookup("c") as again:  # the slots are given back
        assert again is True


def test_each_connection_spends_its_own_budget_of_calls():
    clock = Clock()
    guard = LandingGuard(rate=1.0, burst=3, clock=clock)
    allowed = []
    for _ in range(5):
        with guard.lookup("a") as ok:
            allowed.append(ok)
    assert allowed == [True, True, True, False, False]
    with guard.lookup("b") as other:
        assert other is True  # another connection's budget
    clock.now += 1.0
    with guard.lookup("a") as refilled:
        assert refilled is True
    with guard.lookup("a") as spent:
        assert spent is False


def test_unknown_ids_are_remembered_for_a_while_and_the_oldest_forgotten_first():
    clock = Clock()
    guard = LandingGuard(unknown_ttl=60, unknown_max=2, clock=clock)
    guard.remember_unknown("c", "x")
    assert guard.is_unknown("c", "x") and not guard.is_unknown("other", "x")
    guard.remember_unknown("c", "y")
    guard.remember_unknown("c", "z")  # over the bound: x goes
    assert not guard.is_unknown("c", "x") and guard.is_unknown("c", "z")
    clock.now += 61
    assert not guard.is_unknown("c", "z")
