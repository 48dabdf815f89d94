"""The documented Dask path, on a real local cluster of two worker processes."""

from __future__ import annotations

import pytest

import coach
from coach import dataset

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")


def test_scores_come_back_plain_and_equal_to_local_scoring(shared_coach: coach.Coach) -> None:
    from coach.distributed import score_bag

    texts = [u.text for u in dataset.load_split(dataset.HELDOUT)[:120]]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = score_bag(dask_bag.from_sequence(texts, npartitions=6)).compute()
        loaded = client.run(
            lambda: __import__("coach.distributed").distributed._worker_coach is not None
        )
    assert len(loaded) == 2 and all(loaded.values())  # each worker loaded the model once
    local = list(shared_coach.assess_many(texts))
    assert [r["label"] for r in results] == [a.label for a in local]
    assert [r["score"] for r in results] == pytest.approx([a.score for a in local], abs=0.01)
    assert all(
        isinstance(r, dict) and set(r) == {"score", "label", "probabilities", "findings"}
        for r in results
    )
