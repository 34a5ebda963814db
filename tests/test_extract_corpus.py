"""Hold a floor per field on the real-posting corpus in `../shared/corpus`.

The corpus measures how well extraction generalises, so the floors sit a
little under the level reached (never 1.000): a change that loses ground on
real postings fails here. Postings are read the way `jobtrack extract`
reads them and scored with the shared scorer's own rules.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jobtrack.app.intake import read_source

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score_extraction.py"

# (field, floor for Danish and English, floor for all languages)
FLOORS: dict[str, tuple[float, float]] = {
    "title": (0.92, 0.90),
    "employer": (0.96, 0.96),
    "deadline": (0.96, 0.96),
    "deadline_time": (0.83, 0.83),
    "interview_dates": (0.95, 0.95),
    "start_date": (0.96, 0.93),
    "salary": (0.90, 0.84),
    "contact_names": (0.96, 0.96),
    "contact_phones": (0.96, 0.94),
    "contact_emails": (0.96, 0.96),
}
OVERALL = (0.96, 0.95)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[dict[str, float], float, list[str]]]:
    """Per-field scores, the overall score and the misses, for da+en and for all."""
    if not CORPUS.is_dir() or not SCORER.is_file():
        pytest.skip("../shared/corpus or the shared scorer is absent (it lives beside the repo)")
    sc = _scorer()
    tallies: dict[str, dict[str, Any]] = {"da,en": {f: sc.Tally() for f in sc.FIELDS},
                                          "all": {f: sc.Tally() for f in sc.FIELDS}}
    misses: dict[str, list[str]] = {"da,en": [], "all": []}
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "labels.json").is_file()):
        posting = next((folder / n for n in sc.POSTING_NAMES if (folder / n).exists()), None)
        if posting is None:
            continue
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        as_of = date.fromisoformat(labels["as_of"]) if labels.get("as_of") else None
        pred = read_source(str(posting), as_of)[1].to_json()
        groups = ["all"] + (["da,en"] if labels.get("language") in ("da", "en") else [])
        for group in groups:
            found: list[str] = []
            sc.score_one(labels, pred, tallies[group], found)
            misses[group] += [f"{folder.name}: {m.strip()}" for m in found]
    out = {}
    for group, tally in tallies.items():
        fields = {f: t.score() for f, t in tally.items() if t.score() is not None}
        out[group] = (fields, sum(fields.values()) / len(fields), misses[group])
    return out


@pytest.mark.parametrize("group", ["da,en", "all"])
@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_holds_its_floor(scores: dict[str, tuple[dict[str, float], float, list[str]]],
                               field: str, group: str) -> None:
    fields, _, misses = scores[group]
    floor = FLOORS[field][0 if group == "da,en" else 1]
    wrong = "\n".join(m for m in misses if m.split(": ", 1)[1].startswith(field.split("_dates")[0]))
    assert fields[field] >= floor, f"{field} ({group}) {fields[field]:.3f} < {floor}\n{wrong}"


@pytest.mark.parametrize("group", ["da,en", "all"])
def test_overall_score_holds_its_floor(
        scores: dict[str, tuple[dict[str, float], float, list[str]]], group: str) -> None:
    _, total, misses = scores[group]
    floor = OVERALL[0 if group == "da,en" else 1]
    assert total >= floor, f"overall ({group}) {total:.3f} < {floor}\n" + "\n".join(misses)
