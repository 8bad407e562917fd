"""The words factlint reads come from one language's data folder (checker/data/<language>/):
English unless FACTLINT_LANGUAGE names another; an unknown language is a usage error."""

from __future__ import annotations

from importlib import resources

from conftest import factlint, one_error_line

from checker.families import all_families
from checker.lexicon import Lexicon


def test_english_is_read_by_default_and_every_family_names_a_known_kind() -> None:
    from checker.kinds import all_kinds

    assert Lexicon().language == "en"
    families = all_families()
    assert {"sponsor-count", "tally", "entrants", "attendance"} <= set(families)
    assert {f.kind for f in families.values()} <= set(all_kinds()), "a family names an unknown kind"


def test_a_language_folder_holds_numbers_vocabulary_and_families() -> None:
    folder = resources.files("checker").joinpath("data", "en")
    assert folder.joinpath("numbers.yaml").is_file()
    assert folder.joinpath("families").is_dir()


def test_an_unknown_language_is_one_line_and_exit_2() -> None:
    for chosen in ("xx", "../en", "en/families"):
        line = one_error_line(factlint("check", "seeds/", env={"FACTLINT_LANGUAGE": chosen}, process=True))
        assert "FACTLINT_LANGUAGE" in line and "known: en" in line
