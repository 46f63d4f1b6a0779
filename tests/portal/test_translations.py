"""Every catalog complete, every string of the code in the catalogs, and model
content falling back the way readers expect."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from portal.models import Hotline

BASE_DIR = Path(settings.BASE_DIR)
CATALOG_LANGUAGES = ["uz", "kaa", "ky", "ru"]


def catalogs():
    found = sorted(
        path
        for pattern in (
            "locale/*/LC_MESSAGES/*.po",
            "locale_upstream/*/LC_MESSAGES/*.po",
            "*/locale/*/LC_MESSAGES/*.po",
        )
        for path in BASE_DIR.glob(pattern)
        if ".venv" not in path.parts and "node_modules" not in path.parts
    )
    return found


def test_every_language_has_a_project_catalog():
    for lang in CATALOG_LANGUAGES:
        assert (BASE_DIR / "locale" / lang / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("path", catalogs(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalog_is_complete(path):
    catalog = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy in {path}"
    assert not catalog.metadata_is_fuzzy


@pytest.mark.parametrize("path", catalogs(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_uzbek_and_karakalpak_use_proper_letters(path):
    lang = path.parts[-3]
    if lang not in ("uz", "kaa"):
        return
    catalog = polib.pofile(str(path))
    bad = [
        entry.msgstr
        for entry in catalog
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if any(pair in text for pair in ("o'", "g'", "O'", "G'", "o`", "g`", "o’", "g’"))
    ]
    assert bad == [], "write oʻ and gʻ with U+02BB"


def test_code_has_no_string_missing_from_the_catalogs():
    """Run makemessages and restore the catalogs: no new msgid may appear."""
    before = {path: path.read_bytes() for path in catalogs()}
    known = {path: {e.msgid for e in polib.pofile(str(path))} for path in before}
    try:
        call_command(
            "makemessages",
            locale=CATALOG_LANGUAGES,
            no_location=True,
            ignore_patterns=["node_modules", "staticfiles", "tests", "locale_upstream"],
            verbosity=0,
        )
        after = {path: {e.msgid for e in polib.pofile(str(path))} for path in catalogs()}
    finally:
        for path in set(catalogs()) - set(before):
            path.unlink()  # a catalog makemessages created for a new language folder
        for path, content in before.items():
            path.write_bytes(content)
    new = {str(path): sorted(ids - known.get(path, set())) for path, ids in after.items()}
    assert {path: ids for path, ids in new.items() if ids} == {}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kaa", "Oʻzbekcha"),
        ("uz", "Oʻzbekcha"),
        ("ky", "Русча"),
        ("ru", "Русча"),
        ("en", "English"),
    ],
)
@pytest.mark.django_db
def test_model_fields_fall_back_as_readers_expect(lang, expected):
    hotline = Hotline.objects.create(
        name_en="English", name_ru="Русча", name_uz="Oʻzbekcha", phone="+1"
    )
    with translation.override(lang):
        assert Hotline.objects.get(pk=hotline.pk).name == expected


@pytest.mark.django_db
def test_karakalpak_admin_shows_django_strings_in_uzbek(admin_client):
    html = admin_client.get("/kaa/admin/").content.decode()
    assert '<html lang="kaa"' in html
    with translation.override("uz"):
        assert translation.gettext("Log out") != "Log out"
        uzbek = translation.gettext("Log out")
    assert uzbek in html
    assert ">Log out<" not in html


@pytest.mark.parametrize("lang", ["uz", "kaa"])
@pytest.mark.parametrize("app", ["admin", "auth"])
def test_every_django_admin_string_reads_in_uzbek(lang, app):
    """Upstream Uzbek leaves the admin half English; locale_upstream completes it,
    and Karakalpak readers fall back to it."""
    import django

    source = Path(django.__file__).parent / "contrib" / app / "locale" / "en" / "LC_MESSAGES"
    msgids = [
        entry.msgid
        for entry in polib.pofile(str(source / "django.po"))
        if not entry.msgid_plural
        and not entry.msgctxt
        and re.sub(r"%(\(\w+\))?[sd]|\W", "", entry.msgid)  # words, not just placeholders
    ]
    with translation.override(lang):
        english = [msgid for msgid in msgids if translation.gettext(msgid) == msgid]
    assert english == []
