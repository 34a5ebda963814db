"""A field declared in the registry alone (`workplace`, from tests/helpers/workplace.py)
appears everywhere a field does: the CLI's options and `show --json`, the TUI's
edit form (as a pick list) and detail screen, CSV and JSON export and import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from jobtrack.core.fields import Field, get
from jobtrack.core.model import POSTING_FIELDS
from jobtrack.store.store import Store
from textual.widgets import OptionList, Select

from helpers.workplace import WORKPLACE
from tui_kit import make_app, shown

HELPER = Path(__file__).parent / "helpers" / "workplace.py"
Run = Callable[..., subprocess.CompletedProcess[str]]


def cli(tmp_path: Path, name: str = "jobtrack.json") -> Run:
    """The CLI with the field declared, as a subprocess over the store `name`."""
    db = tmp_path / name

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(HELPER), *args], capture_output=True, text=True,
                              env={**os.environ, "JOBTRACK_DB": str(db)}, timeout=60)

    return run


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_cli_takes_checks_and_shows_the_field(tmp_path: Path) -> None:
    jt = cli(tmp_path)
    assert "--workplace" in ok(jt("add", "--help"))
    ok(jt("add", "--title", "Chef", "--workplace", "Hybrid"))
    assert json.loads(ok(jt("show", "1", "--json")))["workplace"] == "hybrid"
    assert "workplace      hybrid" in ok(jt("show", "1"))
    bad = jt("edit", "1", "--workplace", "moon")
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "--workplace: unknown workplace 'moon'" in bad.stderr and "on-site" in bad.stderr
    ok(jt("edit", "1", "--workplace", "on-site"))
    assert json.loads(ok(jt("list", "--json")))[0]["workplace"] == "on-site"


def test_json_export_and_import_carry_the_field(tmp_path: Path) -> None:
    jt, other = cli(tmp_path), cli(tmp_path, "other.json")
    ok(jt("add", "--title", "Chef", "--workplace", "remote"))
    export = tmp_path / "out.json"
    ok(jt("export", "--json", str(export)))
    assert json.loads(export.read_text("utf-8"))["postings"][0]["posting"]["workplace"] == "remote"
    ok(other("import", "--json", str(export)))
    assert json.loads(ok(other("show", "1", "--json")))["workplace"] == "remote"


def test_csv_export_and_import_carry_the_field(tmp_path: Path) -> None:
    jt, other = cli(tmp_path), cli(tmp_path, "other.json")
    ok(jt("add", "--title", "Chef", "--workplace", "remote"))
    sheet = tmp_path / "out.csv"
    ok(jt("export", "--csv", str(sheet)))
    header, row = sheet.read_text("utf-8-sig").splitlines()
    assert header.endswith(",language,source,workplace,uid,applied") and ",remote," in row
    ok(other("import", "--csv", str(sheet)))
    assert json.loads(ok(other("show", "1", "--json")))["workplace"] == "remote"
    sheet.write_text(f"{header}\n{row.replace(',remote,', ',hybrid,')}\n", "utf-8")
    assert "1 updated" in ok(jt("import", "--csv", str(sheet)))  # the same uid: the row updates the posting
    assert json.loads(ok(jt("show", "1", "--json")))["workplace"] == "hybrid"
    sheet.write_text("title,workplace\nCook,attic\n", "utf-8")
    bad = jt("import", "--csv", str(sheet))
    assert bad.returncode == 1 and ":2: workplace: unknown workplace 'attic'" in bad.stderr


async def test_the_form_offers_the_choices_and_the_detail_shows_the_choice(
    declare: Callable[[list[Field], Field], None], store: Store,
) -> None:
    declare(POSTING_FIELDS, WORKPLACE)  # in this process, as the helper declares it in the CLI's
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")  # "Backend developer" (id 1), second in the table
        await pilot.pause()
        choice = app.screen.query_one("#f-workplace", Select)
        choice.focus()
        await pilot.press("enter")  # opens the pick list
        await pilot.pause()
        options = choice.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
            "none", "remote", "hybrid", "on-site"]
        await pilot.press("end", "enter")
        await pilot.pause()
        assert choice.value == "on-site"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert get(store.posting(1), WORKPLACE) == "on-site"
        await pilot.press("enter")
        await pilot.pause()
        assert "Workplace  on-site" in shown(app, "#fields")
