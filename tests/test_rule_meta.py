"""Keep the rule registry honest: every rule module registered, documented and covered by a fixture."""

from __future__ import annotations

import inspect
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import rules
from checker.models import SlotClass
from checker.rule import Rule

RULES_DIR = Path(rules.__file__).parent
FIXTURES = RULES_DIR / "fixtures"
MODULES = sorted(m.name for m in pkgutil.iter_modules([str(RULES_DIR)]) if not m.ispkg)
REGISTERED = {cls.__module__.removeprefix("rules."): cls for cls in rules.registry()}


def fixture(module: str) -> dict[str, Any]:
    path = FIXTURES / f"{module}.yaml"
    assert path.is_file(), f"rule module {module} has no fixture {path.name}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_module_is_registered() -> None:
    assert MODULES, "no rule modules found"
    assert sorted(REGISTERED) == MODULES


def test_one_rule_per_module() -> None:
    assert len(REGISTERED) == len(rules.registry())
    for module, cls in REGISTERED.items():
        own = [
            c
            for _, c in inspect.getmembers(inspect.getmodule(cls), inspect.isclass)
            if issubclass(c, Rule) and c is not Rule and c.__module__ == cls.__module__
        ]
        assert own == [cls], f"rules/{module}.py defines {own}"


def test_registry_is_sorted_by_code() -> None:
    codes = [cls.code for cls in rules.registry()]
    assert codes == sorted(codes)


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [cls.code for cls in rules.registry()]
    names = [cls.name for cls in rules.registry()]
    for code in codes:
        assert re.fullmatch(r"FL\d{3}", code), code
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    keys = [k.lower() for cls in rules.registry() for k in (cls.code, cls.name, *cls.aliases)]
    assert len(set(keys)) == len(keys), "a code, name or alias is used twice"


@pytest.mark.parametrize("module", MODULES)
def test_rule_is_named_for_its_module(module: str) -> None:
    assert REGISTERED[module].name == module.replace("_", "-")


@pytest.mark.parametrize("module", MODULES)
def test_rule_has_summary_and_examples(module: str) -> None:
    cls = REGISTERED[module]
    doc = inspect.getdoc(cls) or ""
    assert cls.summary().strip(), f"{cls.code} has no summary line"
    assert "Bad:" in doc and "Good:" in doc, f"{cls.code} docstring lacks a Bad:/Good: example"
    assert isinstance(cls.slot_class, SlotClass)


@pytest.mark.parametrize("module", MODULES)
def test_rule_has_fixture_with_passing_and_failing_cases(module: str) -> None:
    cls = REGISTERED[module]
    data = fixture(module)
    assert data["rule"] == cls.code
    cases = [c for c in data["cases"] if "known_gap" not in c]
    names = [c["name"] for c in data["cases"]]
    assert len(set(names)) == len(names), "case names must be unique"
    assert any(c["expect"] == [] for c in cases), f"{cls.code}: no passing case"
    assert any(c["expect"] for c in cases), f"{cls.code}: no failing case"
    if shows_time_shifts(cls):
        verdicts = {e["verdict"] for c in cases for e in c["expect"]}
        assert "time-shift" in verdicts, f"{cls.code}: no cross-year (time-shift) case"


def shows_time_shifts(cls: type[Rule]) -> bool:
    """Rules whose values may differ by year without contradiction report time-shifts."""
    derived = cls.slot_class is SlotClass.DERIVED and getattr(cls, "judge", None) is None
    return cls.report_time_shifts or derived


def test_no_fixture_without_a_rule() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.yaml")) == MODULES
