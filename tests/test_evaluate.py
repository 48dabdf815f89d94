"""`coach evaluate` on labelled JSONL files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli, text_of

LINES = [
    {
        "text": "Je vous propose un audit gratuit de votre site, sans engagement.",
        "label": "selling",
    },
    {"text": "Et toi, comment tu as trouvé tes premiers clients ?", "label": "giving"},
    {"text": "On se retrouve à 18 h devant l'entrée.", "label": "neutral"},
]


def test_evaluate_prints_metrics_and_confusion(tmp_path: Path) -> None:
    path = tmp_path / "eval.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n", "utf-8")
    out, err = text_of(result := run_cli("evaluate", str(path)))
    assert result.returncode == 0, err
    assert "F1 macro" in out
    assert "Matrice de confusion" in out
    data = json.loads(text_of(run_cli("evaluate", str(path), "--format", "json"))[0])
    assert data["n"] == 3
    assert set(data["per_label"]) == {"giving", "neutral", "selling"}
    assert sum(sum(row.values()) for row in data["confusion"].values()) == 3


def test_evaluate_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(LINES[0]) + '\n{"text": "x", "label": "vendeur"}\n', "utf-8")
    result = run_cli("evaluate", str(path))
    _, err = text_of(result)
    assert result.returncode == 2
    assert f"{path}:2" in err
    assert "vendeur" in err
