"""The stage pages' content shipped with the code (`data/topics.json`): the three
stages and their topics in five languages, written only from the project's sources
(each topic lists the files and headings it rests on) and saying where to ask where
the sources are silent. It is real content, not demo data: the data migration
0002 loads it on every deployment. Loading matches stages by key and topics by
slug and creates only what is missing, so what editors have changed in the admin
is never overwritten."""

import datetime
import json
from pathlib import Path

CONTENT_FILE = Path(__file__).resolve().parent / "data" / "topics.json"
LANGUAGES = ("en", "uz", "kaa", "ky", "ru")
TRANSLATED = {"stage": ("title", "summary"), "topic": ("title", "summary", "body")}


def read_content():
    return json.loads(CONTENT_FILE.read_text(encoding="utf-8"))


def _translated(entry, fields):
    values = {}
    for field in fields:
        values[field] = entry[field]["en"]
        values.update({f"{field}_{lang}": entry[field][lang] for lang in LANGUAGES})
    return values


def load_content(stage_model=None, topic_model=None, country_model=None):
    """Create the stages and topics not in the database yet; returns how many topics
    were created. A topic's country guides are linked when the country exists."""
    if stage_model is None:
        from guidance.models import Stage as stage_model
        from guidance.models import Topic as topic_model
        from vacancies.models import Country as country_model
    data = read_content()
    reviewed_on = datetime.date.fromisoformat(data["reviewed_on"])
    for key, entry in data["stages"].items():
        stage_model.objects.get_or_create(
            key=key,
            defaults={"order": entry["order"], **_translated(entry, TRANSLATED["stage"])},
        )
    existing = set(topic_model.objects.values_list("slug", flat=True))
    countries = {c.code: c for c in country_model.objects.all()}
    created = 0
    for entry in data["topics"]:
        if entry["slug"] in existing:
            continue
        topic = topic_model.objects.create(
            slug=entry["slug"],
            stage_id=entry["stage"],
            group=entry["group"],
            home_country=entry["home_country"],
            order=entry["order"],
            help_need=entry.get("help_need", ""),
            sources="\n".join(entry["sources"]),
            reviewed_on=reviewed_on,
            needs_checking=entry["needs_checking"],
            **_translated(entry, TRANSLATED["topic"]),
        )
        topic.countries.set([countries[code] for code in entry["countries"] if code in countries])
        created += 1
    return created
