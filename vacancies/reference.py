"""Reference data shipped with the code: the ISCO-08 classification in five
languages (`data/isco08.csv`). Loading is idempotent: rows are matched by code
and updated in place, so a corrected file can be loaded again. Called by the data
migration 0004 (every deployment gets the table) and by `seed_demo` (picks up a
changed file)."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
ISCO_FILE = DATA_DIR / "isco08.csv"
LEVELS = {"major": 1, "sub_major": 2, "minor": 3, "unit": 4}
LANGUAGES = ("en", "ru", "uz", "kaa", "ky")


def load_occupations(occupation_model=None):
    """Create or update every ISCO-08 group; returns (created, updated)."""
    if occupation_model is None:
        from vacancies.models import Occupation as occupation_model
    with ISCO_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    existing = {o.code: o for o in occupation_model.objects.all()}
    fields = ["level", "parent_id", *(f"title_{lang}" for lang in LANGUAGES)]
    created, updated = [], []
    # Parents first: a level's rows only refer to codes of the level above.
    for row in sorted(rows, key=lambda row: len(row["code"])):
        values = {
            "level": LEVELS[row["level"]],
            "parent_id": row["parent"] or None,
            **{f"title_{lang}": row[f"title_{lang}"] for lang in LANGUAGES},
        }
        occupation = existing.get(row["code"])
        if occupation is None:
            # `title` is the untranslated column the historical model also has.
            created.append(occupation_model(code=row["code"], title=row["title_en"], **values))
        elif any(getattr(occupation, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(occupation, name, value)
            updated.append(occupation)
    for level in range(1, 5):
        occupation_model.objects.bulk_create([o for o in created if o.level == level])
    occupation_model.objects.bulk_update(updated, fields, batch_size=500)
    return len(created), len(updated)
