"""The safety facts load, say what the content guide asks, and put the emergency number in."""

from __future__ import annotations

from workbook import hard_plan, safer_plan, safety, skills


def test_overdose_steps_name_the_emergency_number_then_naloxone_side_and_stay() -> None:
    steps = safety.words().overdose_steps("000")
    assert steps[0] == "Call 000 now."
    assert "naloxone" in steps[1] and "opioids" in steps[1] and "no harm" in steps[1]
    assert "recovery position" in steps[2]
    assert "Stay with them" in steps[3]
    assert not any("{" in step for step in steps)


def test_tolerance_withdrawal_and_locked_medicines_are_said() -> None:
    words = safety.words()
    assert "overdose" in words.tolerance.text and "break" in words.tolerance.text
    for name in ("drinking", "benzodiazepines", "sleeping pills", "seizures", "doctor"):
        assert name in words.withdrawal.text, name
    assert "overdose" in words.withdrawal.opioids


def test_medicines_locked_and_detox_are_said_where_they_live() -> None:
    medicines = next(
        p for s in hard_plan.content().section for p in s.prompt if p.field == "medicines"
    )
    assert "methadone and buprenorphine locked" in medicines.hint
    detox = next(s for s in skills.catalogue_skills() if s.id == "ask-for-a-detox")
    assert "seizures" in detox.why and any("doctor" in step.text for step in detox.steps)


def test_safer_use_covers_the_five_rules() -> None:
    text = " ".join(safer_plan.RULE_WORDS.values()).lower()
    for rule in ("alone", "start low", "mixing", "test", "naloxone"):
        assert rule in text, rule
