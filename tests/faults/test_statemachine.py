"""The repository against a model, under random changes, reopens, restores and faults."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from tests.faults.statemachine import RepositoryMachine

RepositoryMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestRepositoryMachine = RepositoryMachine.TestCase
