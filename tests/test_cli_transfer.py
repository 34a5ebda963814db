"""`export` and `import` with CSV and ICS, driven as a user would: real subprocesses on a temp store."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

HEADER = "id,title,employer,location,url,status,deadline,posted,start,salary,hours,tags,priority,notes,language,source,uid,applied"


@pytest.fixture
def jt(tmp_path: Path):
    db = tmp_path / "store" / "jobtrack.json"
    env = {**os.environ, "JOBTRACK_DB": str(db), "TZ": "Europe/Copenhagen"}

    def run(*args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        proc = subprocess.run([sys.executable, "-m", "jobtrack", *args], input=stdin, capture_output=True, env=env, timeout=60)
        if check and proc.returncode != 0:
            raise AssertionError(f"jobtrack {args} failed: {proc.stderr.decode()}")
        return proc

    run.db = db  # type: ignore[attr-defined]
    return run


def titles(jt) -> list[str]:
    return [p["title"] for p in json.loads(jt("list", "--json").stdout)]


def one_line_error(proc: subprocess.CompletedProcess[bytes]) -> str:
    assert proc.returncode != 0
    err = proc.stderr.decode()
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("jobtrack: ")
    return lines[0]


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def fill(jt) -> None:
    jt("add", "--title", "Data analyst", "--employer", "Acme, Inc.", "--location", "Aarhus C",
       "--deadline", "2030-03-16 12:00", "--tags", "python,hybrid", "--salary", "45.000 kr.", "--hours", "37 timer")
    jt("edit", "1", "--notes", 'first line\nsecond "quoted" line\n-3 dB', "--priority", "2", "--posted", "2030-02-01")
    jt("status", "1", "applied")
    jt("add", "--title", "Pædagog", "--employer", "Børnehuset Ærø", "--deadline", "2030-03-20", "--language", "da")
    jt("add", "--title", "=HYPERLINK(\"http://evil\",\"x\")", "--employer", "@team", "--url", "https://x.example/1",
       "--start-date", "2030-05-01")
    jt("edit", "3", "--notes", "+45 12 34 56 78\x1b[31m red\x07")


def test_csv_round_trip_is_identical(jt, tmp_path: Path) -> None:
    fill(jt)
    first = tmp_path / "one.csv"
    jt("export", "--csv", str(first))
    data = first.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")  # BOM for Excel, RFC 4180 line ends
    rows = cells(data)
    assert rows[1][1:7] == ["Data analyst", "Acme, Inc.", "Aarhus C", "", "applied", "2030-03-16 12:00"]
    assert rows[1][11:14] == ["python;hybrid", "2", 'first line\nsecond "quoted" line\n-3 dB']
    assert rows[2][6] == "2030-03-20"

    shutil.rmtree(jt.db.parent)  # a new store (a missing file beside backups is an error)
    assert b"imported 3 postings" in jt("import", "--csv", str(first)).stdout
    second = tmp_path / "two.csv"
    jt("export", "--csv", str(second))
    assert second.read_bytes() == data
    stdout = jt("export", "--csv", "-").stdout
    assert stdout == data


def test_formulas_are_neutralised_and_restored(jt, tmp_path: Path) -> None:
    fill(jt)
    rows = cells(jt("export", "--csv", "-").stdout)
    evil = rows[3]
    assert evil[1] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert evil[2] == "'@team"
    assert evil[13] == "'+45 12 34 56 78 red"  # control characters stripped too
    assert evil[8] == "2030-05-01"
    path = tmp_path / "in.csv"
    path.write_bytes(jt("export", "--csv", "-").stdout)
    shutil.rmtree(jt.db.parent)  # a new store (a missing file beside backups is an error)
    jt("import", "--csv", str(path))
    shown = json.loads(jt("show", "3", "--json").stdout)
    assert shown["title"] == "=HYPERLINK(\"http://evil\",\"x\")" and shown["employer"] == "@team"
    assert shown["notes"] == "+45 12 34 56 78 red"


def test_quote_before_a_formula_char_survives(jt, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("title,notes\n'=not a formula,'-kept\n''=two,plain 'quote\n", encoding="utf-8")
    jt("import", "--csv", str(path))
    notes = [(p["title"], p["notes"]) for p in json.loads(jt("list", "--json").stdout)]
    assert notes == [("=not a formula", "-kept"), ("'=two", "plain 'quote")]
    rows = cells(jt("export", "--csv", "-").stdout)
    assert [r[1] for r in rows[1:]] == ["'=not a formula", "''=two"]


def test_import_without_bom_semicolons_and_typed_dates(jt, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text(
        "Title;Employer;Deadline;Posted;Status;Tags\r\n"
        "Chef;Viborg Kommune;16. marts 2030 kl. 12.00;01-02-2030;Applied;a; b\r\n"
        "Sygeplejerske;Region;16/3/2030;;;\r\n",
        encoding="utf-8",
    )
    # "a; b" spans two cells with ';' as the separator: one cell too many
    line = one_line_error(jt("import", "--csv", str(path), check=False))
    assert f"{path}:2:" in line and "nothing was imported" in line
    path.write_text(path.read_text(encoding="utf-8").replace("a; b", '"a; b"'), encoding="utf-8")
    jt("import", "--csv", str(path))
    postings = sorted(json.loads(jt("list", "--json").stdout), key=lambda p: p["id"])
    assert [(p["title"], p["deadline"], p["deadline_time"], p["status"]) for p in postings] == [
        ("Chef", "2030-03-16", "12:00", "applied"),
        ("Sygeplejerske", "2030-03-16", None, "saved"),
    ]
    assert postings[0]["posted"] == "2030-02-01" and postings[0]["tags"] == ["a", "b"]


def test_bom_is_accepted_and_other_encodings_refused(jt, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufefftitle,employer\r\nKok,Café Ø\r\n".encode())
    jt("import", "--csv", str(path))
    assert titles(jt) == ["Kok"]
    latin = tmp_path / "latin.csv"
    latin.write_bytes("title\r\nCafé Ø\r\n".encode("latin-1"))
    line = one_line_error(jt("import", "--csv", str(latin), check=False))
    assert "UTF-8" in line and "nothing was imported" in line


def test_bad_row_names_the_real_line_and_saves_nothing(jt, tmp_path: Path) -> None:
    jt("add", "--title", "Keep me")
    path = tmp_path / "in.csv"
    path.write_text(
        "title,deadline,notes\n"  # line 1
        'Fine,2030-03-16,"a note\nover three\nlines"\n'  # lines 2-4
        "\n"  # line 5: blank, skipped
        "Broken,31. februar 2030,\n"  # line 6
        "Never reached,not a date,\n",
        encoding="utf-8",
    )
    line = one_line_error(jt("import", "--csv", str(path), check=False))
    assert line.startswith(f"jobtrack: {path}:6: deadline:"), line
    assert "nothing was imported" in line
    assert titles(jt) == ["Keep me"]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("title,colour\nA,red\n", ":1:", "unknown column 'colour'"),
        ("employer\nAcme\n", ":1:", "no 'title' column"),
        ("title,employer\nA,x\n,Acme\n", ":3:", "title is empty"),
        ("title,status\nA,hired\n", ":2:", "unknown status 'hired'"),
        ("title,priority\nA,high\n", ":2:", "priority: expected a whole number"),
        ('title,notes\nA,"never closed\n', ":2:", "unexpected end of data"),
        ("", ":1:", "empty"),
    ],
)
def test_bad_csv_gets_one_line(jt, tmp_path: Path, text: str, where: str, words: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    line = one_line_error(jt("import", "--csv", str(path), check=False))
    assert f"{path}{where}" in line and words in line, line
    assert titles(jt) == []


def test_import_reads_stdin(jt) -> None:
    jt("import", "--csv", "-", stdin=b"title\nFrom a pipe\n")
    assert titles(jt) == ["From a pipe"]


def test_export_ics_to_file_and_stdout(jt, tmp_path: Path) -> None:
    jt("add", "--title", "Chef", "--deadline", "2030-03-16 12:00")
    out = Calendar.from_ical(jt("export", "--ics", "-").stdout)
    [uid] = [str(e["UID"]) for e in out.walk("VEVENT")]
    assert uid.startswith("posting-") and uid.endswith("-deadline@jobtrack")
    target = tmp_path / "jobs.ics"
    proc = jt("export", "--ics", str(target))
    assert proc.stdout == b"" and b"jobs.ics" in proc.stderr
    (ev,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert ev.decoded("DTSTART") == datetime(2030, 3, 16, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("export",), "one of the arguments --json --csv --ics is required"),
        (("export", "--json", "a", "--csv", "b"), "not allowed with"),
        (("export", "--csv", "-", "--ics", "-"), "not allowed with"),
        (("import",), "one of the arguments --json --csv is required"),
        (("import", "--json", "a", "--csv", "b"), "not allowed with"),
        (("import", "--ics", "a"), "one of the arguments --json --csv is required"),
        (("calendar", "--ics", "-"), "invalid choice: 'calendar'"),
    ],
)
def test_exactly_one_format(jt, args: tuple[str, ...], words: str) -> None:
    proc = jt(*args, check=False)
    assert proc.returncode == 2 and words in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()


def test_export_to_an_unwritable_place_is_one_line(jt, tmp_path: Path) -> None:
    jt("add", "--title", "Chef")
    blocker = tmp_path / "file"
    blocker.write_text("")
    line = one_line_error(jt("export", "--csv", str(blocker / "x.csv"), check=False))
    assert "cannot write" in line
