"""Seconds from interpreter start to the practice app's first interactive screen.

The model keeps loading in the background; this measures what the user waits for.
"""

import time

START = time.perf_counter()

import asyncio  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.tui.app import CoachApp  # noqa: E402
from coach.tui.home import HomeScreen  # noqa: E402


async def first_screen() -> float:
    with tempfile.TemporaryDirectory() as folder:
        app = CoachApp(store_path=Path(folder) / "s.db")
        async with app.run_test(size=(100, 30)) as pilot:
            while not isinstance(app.screen, HomeScreen) or not app.screen.query("#scenarios"):
                await asyncio.sleep(0.005)
            elapsed = time.perf_counter() - START
            await pilot.pause()
            return elapsed


print(f"{asyncio.run(first_screen()):.3f}")
