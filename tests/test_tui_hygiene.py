"""Domain modules never pull in Textual; only jobtrack.tui may."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_domain_imports_no_textual() -> None:
    """Every module outside jobtrack.tui, found by walking the package, so new ones are covered."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import jobtrack\n"
        "names = [m.name for m in pkgutil.walk_packages(jobtrack.__path__, 'jobtrack.')\n"
        "         if not m.name.startswith('jobtrack.tui') and m.name != 'jobtrack.__main__']\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "assert len(names) > 40, names\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_theme_files_are_valid() -> None:
    sys.path.insert(0, str(REPO))
    from jobtrack.store.locations import bundled_themes_dir
    from jobtrack.tui.themes import theme_from_file

    names = set()
    for path in bundled_themes_dir().glob("*.toml"):
        theme = theme_from_file(path)
        assert {"urgent", "soon", "later"} <= set(theme.variables)
        names.add(theme.name)
    assert {"fjord", "birch", "ember"} <= names
