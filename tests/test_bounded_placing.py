"""Placing a report in its series without weighing it against every candidate: the series a
report's countries rule out are left out up front, and the words of series that stand still
bound how alike any of them can be, so most candidates need not be weighed. The series are
those weighing every candidate gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import generated_profiles

from checker import series
from checker.series import Cluster, Profile, gather_series

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> list[Profile]:
    return generated_profiles(tmp_path_factory.mktemp("placing") / "corpus", 400, 4)


def _model(model: series.SeriesModel) -> tuple:
    return model.members, model.labels, [c.to_dict() for c in model.clusters]


def test_the_series_are_those_weighing_every_candidate_gives(
    profiles: list[Profile], monkeypatch: pytest.MonkeyPatch
) -> None:
    shortened = _model(gather_series(profiles))
    whole = series.best_series

    def every_candidate(cluster_of, holding, vector, anchors, ceilings=None, anchored=None):  # noqa: ANN001, ANN202
        return whole(cluster_of, holding, vector, anchors)

    monkeypatch.setattr(series, "best_series", every_candidate)
    assert shortened == _model(gather_series(profiles))
    assert len(shortened[2]) > 5  # several series, so that candidates were left out


def test_a_dot_product_is_the_sum_a_generator_gives() -> None:
    rng = random.Random(3)
    for _ in range(300):
        terms = [f"t{i}" for i in range(30)]
        vector = {t: rng.uniform(0.1, 9) for t in rng.sample(terms, rng.randint(0, 12))}
        centroid = {t: rng.uniform(0.1, 900) for t in rng.sample(terms, rng.randint(0, 25))}
        expected = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
        assert series._dot(vector, centroid) == expected


def _cluster(index: int, centroid: dict[str, float]) -> Cluster:
    cluster = Cluster(None, index)
    cluster.add(centroid, frozenset())
    return cluster


@pytest.mark.parametrize("seed", range(6))
def test_the_clear_winner_is_found_as_by_weighing_every_candidate(seed: int) -> None:
    """Random series (some alike to the last bit, some with one word only), random reports:
    the bounded search answers as the whole ranking does, ties and near ties included."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(12)]
    clusters = []
    for index in range(40):
        if clusters and rng.random() < 0.2:  # the same words as another: equal similarities
            clusters.append(_cluster(index, dict(clusters[-1].centroid)))
            continue
        chosen = rng.sample(words, rng.randint(1, 6))
        clusters.append(_cluster(index, {w: rng.choice([1.0, 2.0, rng.uniform(0.5, 30)]) for w in chosen}))
    ceilings = series.word_ceilings(clusters)
    for _ in range(400):
        report = {w: rng.choice([1.0, rng.uniform(0.5, 8)]) for w in rng.sample(words, rng.randint(1, 5))}
        norm = sum(w * w for w in report.values()) ** 0.5
        candidates = sorted(rng.sample(range(40), rng.randint(0, 40)))
        whole = _ranked_winner(clusters, candidates, report, norm)
        ceiling = series._ceiling(report, norm, ceilings)
        bounded = series._clear_winner(clusters.__getitem__, candidates, report, norm, ceiling)
        assert bounded == whole
        if whole is not None:
            assert whole[0] <= ceiling


def _ranked_winner(clusters: list, candidates: list[int], words: dict[str, float], norm: float):
    """The answer by the whole ranking: the most alike candidate (of equal ones the later),
    if at least twice as alike as the next."""
    ranked = sorted(((clusters[i].word_similarity(words, norm), i) for i in candidates), reverse=True)
    if not ranked:
        return None
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    return ranked[0] if ranked[0][0] >= 2 * runner_up else None
