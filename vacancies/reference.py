"""Reference data shipped with the code: the ISCO-08 classification
(`data/isco08.csv`) and the destination guides (`data/country_guides.json`), in
five languages. Loading is idempotent: rows are matched by code and updated in
place, so a corrected file can be loaded again. Called by the data migrations 0004
and 0006 (every deployment gets them) and by `seed_demo` (picks up changed files)."""

import csv
import datetime
import json
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


GUIDES_FILE = DATA_DIR / "country_guides.json"
# Sections the file names differently from the model's fields.
GUIDE_FIELDS = {
    "complaints_and_legal_help": "complaints_and_help",
    "children_and_schools": "schools",
}


def load_country_guides(country_model=None):
    """Create or update the destination guides of `data/country_guides.json` (see
    its README): names and sections in five languages, the review date, and the
    facts still to check (shown to editors only) and the sections hidden from the
    public until an editor has checked them. Returns (created, updated)."""
    if country_model is None:
        from vacancies.models import Country as country_model
    data = json.loads(GUIDES_FILE.read_text(encoding="utf-8"))
    reviewed_on = datetime.date.fromisoformat(data["reviewed_on"])
    existing = {c.code: c for c in country_model.objects.filter(code__in=data["countries"])}
    has_checks = any(f.name == "sections_to_check" for f in country_model._meta.get_fields())
    created = updated = 0
    for code, entry in data["countries"].items():
        values = {f"name_{lang}": entry["name"][lang] for lang in LANGUAGES}
        for section, texts in entry["guide"].items():
            field = GUIDE_FIELDS.get(section, section)
            values.update({f"{field}_{lang}": texts[lang] for lang in LANGUAGES})
        values["reviewed_on"] = (
            datetime.date.fromisoformat(entry["reviewed_on"])
            if "reviewed_on" in entry
            else reviewed_on
        )
        values["needs_review"] = "\n".join(entry.get("needs_review", []))
        if has_checks:  # the model of migration 0006 predates the field
            values["sections_to_check"] = [
                GUIDE_FIELDS.get(section, section) for section in entry.get("sections_to_check", [])
            ]
        country = existing.get(code)
        if country is None:
            country_model.objects.create(code=code, name=entry["name"]["en"], **values)
            created += 1
        elif any(getattr(country, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(country, name, value)
            country.save()
            updated += 1
    return created, updated
