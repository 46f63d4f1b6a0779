"""schemathesis over the whole published OpenAPI schema, as an outside client would
use it: anonymously and with a key holding every scope. Whatever it sends, the API
answers no 5xx, and every answer (status, content type, body) is one the schema
declares, so partners can trust the schema for their error handling too.

The requests go through the WSGI application in this test's thread, so they see
the test's data (some of each kind of object, for the lookups to find) in its
transaction. The budget is fixed and the generation derandomized: the same
requests every run, a few seconds per operation.
"""

import datetime
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from partners.scopes import SCOPES
from tests.factories.agencies import LicenceFactory
from tests.factories.feeds import FeedFactory
from tests.factories.partners import PartnerAPIKeyFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, rates

# Every date-time a client may send, not only those a database stores: any year
# from 1 to 9999 and any offset Python reads (up to ±23:59; PostgreSQL stores at
# most ±15:59), or none.
OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
)
schemathesis.openapi.format(
    "date-time",
    st.builds(
        lambda moment, zone: moment.replace(tzinfo=zone).isoformat(),
        st.datetimes(),
        st.none() | OFFSETS,
    ),
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"max-examples": 15, "deterministic": True, "no-shrink": True},
        # Positive and negative data: a malformed value must be a declared 4xx.
        "phases": {"coverage": {"enabled": True}, "stateful": {"enabled": False}},
    }
)
# The WSGI client does not decompress: ask for the body as it is.
HEADERS = {"Accept-Encoding": "identity"}
HYPOTHESIS = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def data(db, monkeypatch):
    """A little of everything the API reads, and no throttling: a 429 is declared,
    but an answer that is only ever 429 tests nothing."""
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "partner": None})
    rates(KRW=1400)
    CountryFactory(code="KR", name_en="South Korea")
    VacancyFactory()
    LicenceFactory(destinations=("KR",))
    key = PartnerAPIKeyFactory(partner__name="Fuzzing partner", scopes=list(SCOPES))
    FeedFactory(partner=key.partner)
    # As Django's test client does: the requests run inside the test's transaction,
    # which closing "old" connections at each request's end would break.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield key
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def published_schema():
    """The schema ``/api/schema/`` serves, generated here: it needs no request
    (and no database), so the tests are collected one per operation."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(
        json.loads(OpenApiJsonRenderer().render(document)), config=CONFIG
    )
    loaded.app = get_wsgi_application()
    return loaded


schema = published_schema()


@schema.parametrize()
@HYPOTHESIS
def test_anonymous_requests_get_declared_answers(case):
    case.call_and_validate(headers={**HEADERS, "Authorization": ""}, checks=CHECKS)


@schema.parametrize()
@HYPOTHESIS
def test_requests_with_every_scope_get_declared_answers(case, data):
    case.call_and_validate(
        headers={**HEADERS, "Authorization": f"Api-Key {data.raw_key}"}, checks=CHECKS
    )
