"""The spelling package stands below every app: it imports neither Django nor the
project, so anything may use it and it can be read on its own."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("agencies", "blacklist", "portal", "vacancies", "django", "tests")


def test_importing_spelling_loads_no_django_and_no_app():
    code = (
        "import sys, spelling; "
        "print(sorted({name.split('.')[0] for name in sys.modules} & set(sys.argv[1:])))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code, *PROJECT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert loaded.strip() == "[]"
