"""compare.records: evolve copies a record as dataclasses.replace does."""

from __future__ import annotations

import dataclasses

import pytest

from compare.records import Statement, evolve


def _statement() -> Statement:
    return Statement("We will help.", 10, 23, "direct", "said", 1, 0, speaker="Blinken")


def test_evolve_equals_replace() -> None:
    st = _statement()
    assert evolve(st, side="United States", frames=("Security",)) == dataclasses.replace(
        st, side="United States", frames=("Security",))


def test_evolve_leaves_the_original_alone() -> None:
    st = _statement()
    evolve(st, speaker="Gallant")
    assert st.speaker == "Blinken"


def test_evolve_refuses_an_unknown_field() -> None:
    with pytest.raises(TypeError):
        evolve(_statement(), spoken_by="Gallant")


def test_evolve_runs_the_checks_of_a_record_with_post_init() -> None:
    @dataclasses.dataclass(frozen=True)
    class Positive:
        value: int

        def __post_init__(self) -> None:
            if self.value <= 0:
                raise ValueError("value must be positive")

    with pytest.raises(ValueError):
        evolve(Positive(1), value=-1)
