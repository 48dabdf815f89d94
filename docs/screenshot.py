"""Regenerate docs/chat.svg, the README's screenshot of the practice chat.

python docs/screenshot.py
"""

import asyncio
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from coach.scorer import Coach  # noqa: E402
from coach.tui.app import CoachApp  # noqa: E402
from coach.tui.widgets import Draft  # noqa: E402

TURNS = [
    "Nathalie ! Et toi, qu'est-ce qui t'amène ici ce soir ?",
    "Bonjour, je vends des assurances, ça t'intéresse ?",
]


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = CoachApp(
            store_path=Path(folder) / "s.db", scenario_id="apero-coworking", seed=2, coach=Coach()
        )
        async with app.run_test(size=(110, 34)) as pilot:
            for text in TURNS:
                app.screen.query_one(Draft).text = text
                await pilot.press("enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
            app.screen.query_one(Draft).text = "Et toi, comment ça se passe de ton côté ?"
            await pilot.pause()
            app.save_screenshot(filename="chat.svg", path=str(HERE))


asyncio.run(main())
