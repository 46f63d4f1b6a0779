"""One term per concept: a catalog entry whose English is a glossary term is
translated with the glossary's term (`locale/glossary.md`)."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.portal.test_translations import CATALOG_LANGUAGES, catalogs

BASE_DIR = Path(settings.BASE_DIR)


def glossary_terms():
    """English term (lower case) -> {language: term}, for rows naming one plain term."""
    terms = {}
    for line in (BASE_DIR / "locale" / "glossary.md").read_text().splitlines():
        if not line.startswith("| ") or line.startswith(("| English", "|---")):
            continue
        english, *translations = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if "/" in english or "(" in english or any(" / " in cell for cell in translations):
            continue  # a pair, a qualified term or a choice: no single msgid to compare
        terms[english.lower()] = dict(zip(CATALOG_LANGUAGES, translations, strict=True))
    return terms


def test_the_glossary_has_every_language_for_every_term():
    terms = glossary_terms()
    assert len(terms) > 30
    assert all(all(row.values()) for row in terms.values())


@pytest.mark.parametrize("path", catalogs(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalog_uses_the_glossary_terms(path):
    lang = path.parts[-3]
    if lang not in CATALOG_LANGUAGES:
        return
    terms = glossary_terms()
    departures = [
        (entry.msgid, entry.msgstr, terms[entry.msgid.lower().strip()][lang])
        for entry in polib.pofile(str(path))
        if entry.msgid.lower().strip() in terms
        and entry.msgstr.lower() != terms[entry.msgid.lower().strip()][lang].lower()
    ]
    assert departures == [], "translate glossary terms as locale/glossary.md does"
