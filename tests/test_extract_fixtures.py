"""Score the extractor on labelled postings with the shared scorer's rules."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from jobtrack.extract import extract  # noqa: E402

from extract_kit import FIXTURES, ROOT, SCORER, SHARED_POSTINGS, folders, load, scorer


def _score(corpus: Path) -> tuple[float, list[str]]:
    sc = scorer()
    tallies = {f: sc.Tally() for f in sc.FIELDS}
    misses: list[str] = []
    for folder in folders(corpus):
        doc, labels = load(folder)
        as_of = date.fromisoformat(labels["as_of"]) if labels.get("as_of") else None
        pred = extract(doc, as_of=as_of).to_json()
        json.dumps(pred)  # the result must be plain JSON
        found: list[str] = []
        sc.score_one(labels, pred, tallies, found)
        misses += [f"{folder.name}: {m.strip()}" for m in found]
    scores = [t.score() for t in tallies.values() if t.score() is not None]
    return sum(scores) / len(scores), misses


def test_own_fixtures_score_perfectly():
    assert len(folders(FIXTURES)) >= 6
    score, misses = _score(FIXTURES)
    assert score == 1.0, "\n".join(misses)


def _shared() -> Path:
    if not SHARED_POSTINGS.is_dir() or not SCORER.is_file():
        pytest.skip("../shared/postings not present (the sample postings live beside the repo)")
    return SHARED_POSTINGS


def test_shared_postings_score_perfectly():
    score, misses = _score(_shared())
    assert score == 1.0, "\n".join(misses)


def _cli_ready() -> bool:
    probe = subprocess.run([sys.executable, "-m", "jobtrack", "extract", "--help"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    return probe.returncode == 0


@pytest.mark.slow
def test_scorer_through_the_cli_on_shared_postings():
    corpus = _shared()
    if not _cli_ready():
        pytest.skip("the `jobtrack extract` command is not there yet")
    run = subprocess.run([sys.executable, str(SCORER), str(corpus), "--misses", "--",
                          sys.executable, "-m", "jobtrack", "extract", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.stdout.strip().splitlines()[-1] == "score: 1.000", run.stdout + run.stderr
