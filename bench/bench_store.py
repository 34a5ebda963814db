"""Benchmark the store against plain TinyDB and json.loads.

Run: .venv/bin/python bench/bench_store.py [--postings 5000] [--baseline 1000]

Each phase runs in its own subprocess so its peak memory (ru_maxrss) is its
own; phases share one store in a temporary folder. Open + list and its
json.loads baseline run alternately, PAIRS times, and the ratio is the
median of the pairs' ratios, so a load change on the machine hits both. The edit phase leaves
COMPACT_AFTER - 1 records in the journal, the most a store is opened with,
so open + list includes the worst journal replay.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from jobtrack.core.model import Contact, Event, EventKind, Evidence, Posting, Status, StatusChange, to_dict  # noqa: E402
from jobtrack.store import Bundle, Store  # noqa: E402
from jobtrack.store.locations import journal_path, texts_dir  # noqa: E402
from jobtrack.store.storage import COMPACT_AFTER  # noqa: E402

EDITS = 2 * COMPACT_AFTER - 1  # one compaction among them, a full journal after
PAIRS = 3

DA = (
    "vi søger en engageret og erfaren kollega til vores team i afdelingen som har lyst til at arbeje med "
    "udvikling af digitale løsninger for borgere og medarbejdere du får en central rolle i et tværfagligt "
    "miljø med fokus på kvalitet faglighed og trivsel stillingen er på 37 timer om ugen med tiltrædelse "
    "snarest muligt løn og ansættelsesvilkår i henhold til gældende overenskomst ansøgningsfrist senest "
    "samtaler forventes afholdt i uge kontakt gerne afdelingsleder for yderligere oplysninger om stillingen"
).split()
EN = (
    "we are looking for an experienced and motivated colleague to join our growing team you will work "
    "closely with product owners designers and engineers to deliver reliable services to our customers "
    "the position is full time and based in our office with flexible hours and the option of remote work "
    "we offer a competitive salary pension and an informal culture interviews will be held on a rolling basis"
).split()
TITLES = ["Softwareudvikler", "Data Engineer", "Projektleder", "Backend Developer", "IT-konsulent", "Sygeplejerske", "Controller", "UX Designer"]
EMPLOYERS = ["Region Hovedstaden", "Novo Nordisk A/S", "Københavns Kommune", "Danske Bank", "Netcompany", "Aarhus Universitet", "Vestas", "Maersk"]
CITIES = ["København Ø", "Aarhus C", "Odense", "Aalborg", "Roskilde", "Kolding", "Esbjerg", "Herlev"]
NAMES = ["Mette Hansen", "Lars Jensen", "Sofie Nielsen", "Peter Andersen", "Anna Pedersen", "Jonas Christensen"]


def make_text(rng: random.Random) -> str:
    words = DA if rng.random() < 0.6 else EN
    target = rng.randint(3000, 4000)
    parts: list[str] = []
    size = 0
    while size < target:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + ". "
        if rng.random() < 0.15:
            sentence += "\n\n"
        parts.append(sentence)
        size += len(sentence.encode())
    return "".join(parts)


def make_bundle(rng: random.Random, i: int) -> Bundle:
    created = datetime(2026, 1, 1, 9, 0) + timedelta(hours=i)
    deadline = date(2026, 2, 1) + timedelta(days=rng.randint(0, 120))
    text = make_text(rng)
    posting = Posting(
        title=f"{rng.choice(TITLES)} ({i})",
        employer=rng.choice(EMPLOYERS),
        department="Center for IT, Medico og Telefoni",
        location=rng.choice(CITIES),
        url=f"https://job.example.dk/stilling/{100000 + i}",
        language="da",
        deadline=deadline,
        deadline_time=dtime(12, 0) if rng.random() < 0.5 else None,
        posted=deadline - timedelta(days=30),
        start_date=deadline + timedelta(days=45),
        salary="Efter overenskomst",
        hours="37 timer",
        positions=1,
        tags=rng.sample(["python", "offentlig", "fuldtid", "hybrid", "senior", "data"], 2),
        priority=rng.randint(0, 3),
        notes="",
        status=Status.APPLIED,
        history=[StatusChange(Status.SAVED, created), StatusChange(Status.APPLIED, created + timedelta(days=2), "sendt")],
        evidence={
            "deadline": Evidence(f"Ansøgningsfrist: {deadline:%d.%m.%Y} kl. 12.00", 0.95, 120, 160),
            "employer": Evidence("Region Hovedstaden søger", 0.8, 0, 24),
        },
        created=created,
    )
    contacts = [
        Contact(
            name=rng.choice(NAMES),
            role="Afdelingsleder",
            phone=f"+45 {rng.randint(20000000, 99999999)}",
            email="leder@example.dk",
            reachable="træffes fra 31/7",
            evidence={"phone": Evidence("kontakt på tlf. 12 34 56 78", 0.9, 2000, 2030)},
        )
        for _ in range(rng.randint(1, 2))
    ]
    events = [
        Event(0, EventKind.INTERVIEW, day=deadline + timedelta(days=7), time=dtime(10, 0), end=dtime(11, 0), label="1. samtale", place="Hovedkontoret"),
        Event(0, EventKind.TEST, day=deadline + timedelta(days=14), label="personlighedstest", evidence={"day": Evidence("test i uge 20", 0.6)}),
    ]
    return Bundle(posting, contacts, events, text)


def make_bundles(n: int, seed: int = 1) -> list[Bundle]:
    rng = random.Random(seed)
    return [make_bundle(rng, i) for i in range(n)]


def maxrss_mb() -> float:
    # Linux reports KiB, macOS bytes.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# -- phases (each runs in a fresh subprocess) ---------------------------------


def phase_import(folder: Path, n: int) -> dict:
    bundles = make_bundles(n)
    rss_before = maxrss_mb()
    store = Store(folder / "jobs.json")
    t = time.perf_counter()
    store.add_many(bundles)
    elapsed = time.perf_counter() - t
    return {"seconds": elapsed, "rss_before": rss_before}


def timed_edits(store: Store, count: int, seed: int) -> list[float]:
    ids = [p.id for p in store.postings()]
    rng = random.Random(seed)
    times = []
    for k in range(count):
        ident = rng.choice(ids)
        t = time.perf_counter()
        store.edit_posting(ident, {"notes": f"edit {k}"})
        times.append(time.perf_counter() - t)
    return times


def phase_edit(folder: Path, n: int) -> dict:
    store = Store(folder / "jobs.json")
    rss_before = maxrss_mb()
    times = sorted(timed_edits(store, EDITS, 3))
    journal = journal_path(folder / "jobs.json").stat().st_size
    return {
        "median": statistics.median(times),
        "p90": times[int(len(times) * 0.9)],
        "max": times[-1],
        "journal": journal,
        "rss_before": rss_before,
    }


def phase_compact(folder: Path, n: int) -> dict:
    """Folding the journal into the main file: one edit, then `close()`, five times."""
    path = folder / "jobs.json"
    rss_before = maxrss_mb()
    times = []
    for k in range(5):
        store = Store(path)
        timed_edits(store, 1, k)
        t = time.perf_counter()
        store.close()
        times.append(time.perf_counter() - t)
        assert not journal_path(path).exists()
        del store  # one store in memory at a time, as in use
    return {"median": statistics.median(times), "rss_before": rss_before}


def phase_open_list(folder: Path, n: int) -> dict:
    path = folder / "jobs.json"
    rss_before = maxrss_mb()
    times = []
    count = 0
    for _ in range(5):
        t = time.perf_counter()
        count = len(Store(path).postings())
        times.append(time.perf_counter() - t)
    assert count == n, count
    return {"median": statistics.median(times), "rss_before": rss_before}


def phase_json_loads(folder: Path, n: int) -> dict:
    raw = (folder / "jobs.json").read_bytes()
    rss_before = maxrss_mb()
    times = []
    for _ in range(5):
        t = time.perf_counter()
        json.loads(raw)
        times.append(time.perf_counter() - t)
    return {"median": statistics.median(times), "rss_before": rss_before}


def phase_tinydb(folder: Path, n: int) -> dict:
    """The naive way: TinyDB's JSONStorage, one insert per record, text inline."""
    from tinydb import TinyDB

    bundles = make_bundles(n)
    rss_before = maxrss_mb()
    db = TinyDB(folder / "plain.json")
    postings, contacts, events = db.table("postings"), db.table("contacts"), db.table("events")
    t = time.perf_counter()
    for b in bundles:
        row = to_dict(b.posting)
        row["text"] = b.text
        pid = postings.insert(row)
        for c in b.contacts:
            contacts.insert({**to_dict(c), "posting_ids": [pid]})
        for e in b.events:
            events.insert({**to_dict(e), "posting_id": pid})
    elapsed = time.perf_counter() - t
    db.close()
    return {"seconds": elapsed, "rss_before": rss_before}


PHASES = {
    "import": phase_import,
    "edit": phase_edit,
    "open_list": phase_open_list,
    "json_loads": phase_json_loads,
    "compact": phase_compact,
    "tinydb": phase_tinydb,
}


def run_phase(name: str, folder: Path, n: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--dir", str(folder), "--postings", str(n)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode:
        raise SystemExit(f"phase {name} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--postings", type=int, default=5000)
    ap.add_argument("--baseline", type=int, default=1000, help="postings for the plain TinyDB baseline")
    ap.add_argument("--phase")
    ap.add_argument("--dir")
    args = ap.parse_args()

    if args.phase:
        result = PHASES[args.phase](Path(args.dir), args.postings)
        result["peak_rss"] = maxrss_mb()
        print(json.dumps(result))
        return

    n, nb = args.postings, args.baseline
    with tempfile.TemporaryDirectory(prefix="jobtrack-bench-") as tmp:
        folder = Path(tmp)
        imp = run_phase("import", folder, n)
        edit = run_phase("edit", folder, n)
        pairs = [(run_phase("open_list", folder, n), run_phase("json_loads", folder, n)) for _ in range(PAIRS)]
        opened = max((o for o, _ in pairs), key=lambda r: r["peak_rss"])
        loads = max((j for _, j in pairs), key=lambda r: r["peak_rss"])
        open_ms = statistics.median(o["median"] for o, _ in pairs) * 1000
        loads_ms = statistics.median(j["median"] for _, j in pairs) * 1000
        ratio_open = statistics.median(o["median"] / j["median"] for o, j in pairs)
        compact = run_phase("compact", folder, n)
        base_dir = folder / "baseline"
        base_dir.mkdir()
        base = run_phase("tinydb", base_dir, nb)
        main_size = (folder / "jobs.json").stat().st_size
        text_size = dir_size(texts_dir(folder / "jobs.json"))
        plain_size = (base_dir / "plain.json").stat().st_size

    def mem(r: dict) -> str:
        return f"peak RSS {r['peak_rss']:.0f} MB (+{r['peak_rss'] - r['rss_before']:.0f} MB in phase)"

    per_ours = imp["seconds"] / n
    per_base = base["seconds"] / nb
    speedup = per_base / per_ours
    edit_ms = edit["median"] * 1000

    print(f"jobtrack store benchmark: {n} postings (~3-4 KB text, 1-2 contacts, 2 events each)")
    print(f"python {sys.version.split()[0]} on {sys.platform}")
    print()
    print(f"bulk import (add_many)       {imp['seconds']:8.2f} s   {per_ours * 1000:8.3f} ms/posting   {mem(imp)}")
    print(f"  baseline plain TinyDB      {base['seconds']:8.2f} s   {per_base * 1000:8.3f} ms/posting   ({nb} postings, insert loop)   {mem(base)}")
    print(
        f"edit_posting x{EDITS}            median {edit_ms:7.2f} ms   p90 {edit['p90'] * 1000:7.2f} ms   "
        f"max {edit['max'] * 1000:7.2f} ms (a compaction every {COMPACT_AFTER})   {mem(edit)}"
    )
    print(f"compaction (close after an edit) median {compact['median'] * 1000:7.2f} ms   {mem(compact)}")
    print(
        f"open + list (Store().postings)  median {open_ms:7.1f} ms   (x{PAIRS} runs)   "
        f"(replaying a journal of {COMPACT_AFTER - 1} records, {edit['journal'] / 1e3:.0f} KB)   {mem(opened)}"
    )
    print(f"  baseline json.loads(main)     median {loads_ms:7.1f} ms   (x{PAIRS} runs)   {mem(loads)}")
    print(f"main file {main_size / 1e6:.2f} MB   texts {text_size / 1e6:.2f} MB   (plain TinyDB file for {nb}: {plain_size / 1e6:.2f} MB)")
    print()
    print(f"import speed-up per posting  {speedup:8.1f}x   target >= 20x   {'OK' if speedup >= 20 else 'MISSED'}")
    print(f"open+list / json.loads       {ratio_open:8.2f}x   target <= 2x    {'OK' if ratio_open <= 2 else 'MISSED'}")
    print(f"edit median                  {edit_ms:8.2f} ms  target ~10 ms   {'OK' if edit_ms <= 15 else 'MISSED'}")


if __name__ == "__main__":
    main()
