"""Every file and folder beside the store is named in `jobtrack.store.locations`, and nowhere else."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from jobtrack.store import locations

REPO = Path(__file__).resolve().parent.parent
PATH_BUILDERS = {"with_name", "with_suffix", "with_stem"}


def test_a_used_store_leaves_only_the_files_locations_names(tmp_path: Path) -> None:
    """The CLI writes a store, its texts, documents, backups, journal and indexes; each is one locations gives."""
    db = tmp_path / "jobs.json"
    page = tmp_path / "posting.txt"
    page.write_text("Chef at Viborg Kommune\nApply by 16 March 2030 12:00.\nContact Jette Hansen, 86 12 34 56.\n", "utf-8")

    def jt(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "jobtrack", "--db", str(db), *args], capture_output=True, text=True,
                              timeout=60, env={"PATH": "", "HOME": str(tmp_path), "JOBTRACK_CONFIG": str(tmp_path / "none.toml")})
        assert done.returncode == 0, done.stderr

    jt("add", "--anyway", str(page))
    jt("add", "--title", "Pedagog", "--employer", "Børnehuset", "--deadline", "2030-04-01")
    jt("status", "1", "applied")
    jt("due")
    jt("list")

    named = {db, locations.journal_path(db), locations.lock_path(db), locations.ids_path(db),
             locations.beside(db, "list"), locations.beside(db, "due"), locations.beside(db, "rows"),
             locations.texts_dir(db), locations.documents_dir(db), locations.backup_dir(db)}
    found = set(tmp_path.iterdir()) - {page}
    assert found - named == set()
    assert {db, locations.texts_dir(db), locations.backup_dir(db)} <= found


def test_no_module_outside_locations_builds_a_path_from_another() -> None:
    """`with_name`/`with_suffix` on anything but the module's own file (package data) happen in locations.py only."""
    offenders = []
    for path in sorted((REPO / "jobtrack").rglob("*.py")):
        if path.name == "locations.py" and path.parent.name == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in PATH_BUILDERS:
                if "__file__" not in ast.unparse(node.func.value):
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)}")
            if isinstance(node, ast.Constant) and node.value in (".lock", ".journal", ".ids", "-texts", "-backups"):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value!r}")
    assert offenders == []
