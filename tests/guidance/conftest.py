import pytest

from guidance.content import load_content
from vacancies.reference import load_country_guides


@pytest.fixture
def content(db):
    """The shipped stages, topics and guides. Migrations load them, but a
    transactional test run before this one empties the tables: load what is missing."""
    load_country_guides()
    load_content()
