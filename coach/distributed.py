"""Scoring millions of messages on a Dask cluster (local or remote).

Each worker process loads the coach once and keeps it; tasks send texts in and get
plain, picklable scores back (no spaCy objects cross the wire). spaCy runs with
``n_process=1`` inside workers: the cluster is the parallelism.

    from dask.distributed import Client, LocalCluster
    from coach.distributed import score_bag
    import dask.bag as db

    with LocalCluster(n_workers=4, threads_per_worker=1) as cluster, Client(cluster):
        bag = db.read_text("messages-*.txt").map(str.rstrip)
        scores = score_bag(bag).compute()   # [{"score", "label", "probabilities", …}, …]
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dask.bag

    from coach.scorer import Coach

BATCH = 64
_worker_coach: Coach | None = None
_worker_lock = threading.Lock()
loads = 0  # how many times this process loaded the model: at most once


def worker_coach() -> Coach:
    """The coach of this worker process, loaded on its first task only."""
    global _worker_coach, loads
    with _worker_lock:
        if _worker_coach is None:
            from coach.scorer import Coach

            _worker_coach = Coach()
            loads += 1
        return _worker_coach


def score_partition(texts: Iterable[str]) -> list[dict[str, Any]]:
    """Plain scores for a partition of texts: what travels back to the client."""
    return [
        {
            "score": round(a.score, 2),
            "label": a.label,
            "probabilities": {k: round(v, 4) for k, v in a.probabilities.items()},
            "findings": [f.rule for f in a.findings if f.kind == "selling"],
        }
        for a in worker_coach().assess_many(texts, batch_size=BATCH)
    ]


def score_bag(bag: dask.bag.Bag) -> dask.bag.Bag:
    """A bag of texts → a bag of score dictionaries, partition by partition."""
    return bag.map_partitions(score_partition)
