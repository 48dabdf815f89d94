"""Before quitting with an unsaved history: offer to export this run's sessions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class ExportBeforeQuit(ModalScreen[str]):
    """Dismissed with "export", "quit" or "stay"."""

    BINDINGS = [
        Binding("e", "choose('export')", "Exporter puis quitter"),
        Binding("q", "choose('quit')", "Quitter sans exporter"),
        Binding("escape", "choose('stay')", "Rester"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog"):
            yield Static(
                Content.assemble(
                    ("L'historique n'a pas pu être enregistré.", "bold $warning"),
                    "\n\nLes séances de cette fois-ci sont seulement en mémoire : exportez-les en "
                    "Markdown pour les garder.\n\n",
                    ("e", "bold"),
                    " exporter puis quitter   ",
                    ("q", "bold"),
                    " quitter sans exporter   ",
                    ("Échap", "bold"),
                    " rester",
                )
            )

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
