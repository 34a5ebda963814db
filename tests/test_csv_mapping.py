"""Issue 15: moving in. `import --csv FILE --map "Company=employer,…"` for any spreadsheet,
a preview of the first rows before anything is saved, and ready mappings (`--from`) for
the CSV exports of JobSync and JobFunnel, in the formats their sources write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jobtrack.app.csv_mapping import PRESETS, parse_map, postings, read_mapped

from cli_kit import NOW, Run, ok

MINE = ("Company,Job Title,Applied on,Status,Notes,Recruiter\r\n"
        "Vestas,Data Engineer,24/11,applied,\"met at the fair\",Mette\r\n"
        "Novo,Chemist,,,,\r\n"
        "Lego,Designer,,interviewing,,\r\n"
        "Maersk,Analyst,,,,\r\n"
        "Ørsted,Engineer,,,,\r\n"
        "Arla,Buyer,,,,\r\n")
# As src/app/api/jobs/export/route.ts of JobSync 0.2 writes it (papaparse, "N/A" for no date).
JOBSYNC = ("index,createdAt,applied,appliedDate,Company,JobTitle,jobType,Location,JobSource,Status\r\n"
           "1,2026-11-01,Yes,2026-11-03,Acme,Backend Dev,Full Time,Aarhus,Linkedin,Interview\r\n"
           "2,2026-11-02,No,N/A,Globex,Frontend Dev,Unknown,N/A,Other,Archived\r\n"
           "3,2026-11-04,No,N/A,Initech,Tester,Contract,Odense,Indeed,Draft\r\n")
# JobFunnel's master CSV (CSV_HEADER of jobfunnel/resources/resources.py, 4.x with wage and remoteness).
JOBFUNNEL = ("status,title,company,location,date,blurb,tags,link,id,provider,query,locale,wage,remoteness\n"
             "APPLIED,Python Developer,Shopify,Ottawa,2026-11-20,Build things,\"python, remote\","
             "https://ca.indeed.com/viewjob?jk=1,1,INDEED,python,CANADA_ENGLISH,$90k,REMOTE\n"
             "NEW,Data Scientist,RBC,Toronto,2026-11-25,Models,,https://ca.indeed.com/viewjob?jk=2,2,INDEED,python,"
             "CANADA_ENGLISH,,\n"
             "DELETE,Sales Rep,Spam Inc,Toronto,2026-11-26,,,https://ca.indeed.com/viewjob?jk=3,3,INDEED,python,"
             "CANADA_ENGLISH,,\n")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def listed(jt_run: Run) -> dict[str, dict]:
    return {p["title"]: p for p in json.loads(ok(jt_run, "list", "--json", "--all"))}


def test_preview_saves_nothing(jt_run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "mine.csv", MINE)
    out = ok(jt_run, "import", "--csv", path, "--map", "Company=employer,Job Title=title", "--preview").splitlines()
    assert out[:6] == [
        f"{path}: 6 row(s) would become postings:",
        "columns: Company → employer, Job Title → title, Applied on → applied, Status → status, Notes → notes",
        "left out: Recruiter",
        "  line 2: Data Engineer · at Vestas · applied · applied 2026-11-24",
        "  line 3: Chemist · at Novo · saved",
        "  line 4: Designer · at Lego · interviewing",
    ]
    assert out[-2:] == ["  … and 1 more", "nothing was imported (--preview)"]
    assert listed(jt_run) == {}


def test_map_imports_after_the_preview(jt_run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "mine.csv", MINE)
    refused = jt_run("import", "--csv", path, "--map", "Company=employer,Job Title=title", env=NOW)
    assert refused.returncode == 1 and "line 2: Data Engineer" in refused.stdout
    assert refused.stderr.strip() == "jobtrack: not importing without confirmation: add --yes (or --preview to only look)"
    assert listed(jt_run) == {}
    out = ok(jt_run, "import", "--csv", path, "--map", "Company=employer,Job Title=title,Notes=-", "--yes")
    assert out.splitlines()[-1] == "imported 6 postings: 6 added, 0 updated, 0 unchanged"
    rows = listed(jt_run)
    assert (rows["Data Engineer"]["employer"], rows["Data Engineer"]["status"], rows["Data Engineer"]["notes"]) == (
        "Vestas", "applied", "")
    assert rows["Data Engineer"]["history"][0]["at"] == "2026-11-24T00:00:00"


def test_without_a_map_the_unknown_column_says_how(jt_run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "mine.csv", MINE)
    proc = jt_run("import", "--csv", path, env=NOW)
    assert proc.returncode == 1
    assert "unknown column 'company'" in proc.stderr and '--map "Column=field"' in proc.stderr


@pytest.mark.parametrize(("spec", "message"), [
    ("Firm=employer", "the map names 'firm', not in the file's header"),
    ("Company=boss", "--map: unknown field 'boss' for 'company'"),
    ("Company", "--map: 'Company' is not COLUMN=FIELD"),
    ("Company=title,Job Title=title", "two columns fill 'title'"),
    ("Job Title=-", "no column fills 'title'"),
])
def test_bad_maps_are_one_line(jt_run: Run, tmp_path: Path, spec: str, message: str) -> None:
    path = write(tmp_path, "mine.csv", MINE)
    proc = jt_run("import", "--csv", path, "--map", spec, "--yes", env=NOW)
    assert proc.returncode == 1 and message in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_jobsync_export(jt_run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "jobs.csv", JOBSYNC)
    ok(jt_run, "import", "--csv", path, "--from", "jobsync", "--yes")
    rows = listed(jt_run)
    backend = rows["Backend Dev"]
    assert (backend["employer"], backend["status"], backend["location"], backend["hours"], backend["tags"]) == (
        "Acme", "interviewing", "Aarhus", "Full Time", ["Linkedin"])
    assert backend["history"][0]["at"] == "2026-11-03T00:00:00"
    assert (rows["Frontend Dev"]["archived"], rows["Frontend Dev"]["location"], rows["Frontend Dev"]["hours"]) == (
        True, "", "")
    assert rows["Tester"]["status"] == "saved"
    assert "Frontend Dev" not in ok(jt_run, "list")


def test_jobfunnel_master_csv(jt_run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "master_list.csv", JOBFUNNEL)
    ok(jt_run, "import", "--csv", path, "--from", "jobfunnel", "--yes")
    rows = listed(jt_run)
    dev = rows["Python Developer"]
    assert (dev["employer"], dev["status"], dev["posted"], dev["url"], dev["salary"], dev["tags"], dev["notes"]) == (
        "Shopify", "applied", "2026-11-20", "https://ca.indeed.com/viewjob?jk=1", "$90k", ["python", "remote"],
        "Build things")
    assert (rows["Data Scientist"]["status"], rows["Sales Rep"]["archived"]) == ("saved", True)


def test_a_map_over_a_preset_and_a_file_with_fewer_columns(tmp_path: Path) -> None:
    text = "Company,JobTitle,Status,My rating\nAcme,Dev,Offer,5\n"
    found = read_mapped(text, parse_map("My rating=priority", PRESETS["jobsync"]))
    (posting, _), = postings(found)
    assert (posting.title, posting.employer, posting.status.value, posting.priority) == ("Dev", "Acme", "offer", 5)


def test_an_unknown_status_word_names_its_line(jt_run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "jobs.csv", JOBSYNC.replace("Draft", "Ghosted"))
    proc = jt_run("import", "--csv", path, "--from", "jobsync", "--yes", env=NOW)
    assert proc.returncode == 1 and f"{path}:4: status: unknown status 'Ghosted'" in proc.stderr
