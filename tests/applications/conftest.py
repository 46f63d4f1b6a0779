import pytest

from tests.factories import applications as make
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.vacancies import OccupationFactory, VacancyFactory


@pytest.fixture(autouse=True)
def _sms_outbox(settings):
    from accounts.sms import outbox

    settings.SMS_BACKEND = "accounts.sms.locmem.SmsBackend"
    outbox.clear()
    yield outbox
    outbox.clear()


@pytest.fixture
def outbox(_sms_outbox):
    return _sms_outbox


@pytest.fixture
def occupation(db):
    OccupationFactory(code="7", title_en="Craft and related trades workers")
    OccupationFactory(
        code="72", title_en="Metal, machinery and related trades workers", parent_id="7"
    )
    OccupationFactory(code="721", title_en="Sheet and structural metal workers", parent_id="72")
    return OccupationFactory(code="7212", title_en="Welders and flame cutters", parent_id="721")


@pytest.fixture
def agency(db):
    return LicenceFactory(
        agency=AgencyFactory(legal_name="Ipak Yoli Servis"), destinations=["KR"]
    ).agency


@pytest.fixture
def other_agency(db):
    return LicenceFactory(
        agency=AgencyFactory(legal_name="Boshqa Agentlik"), destinations=["KR"]
    ).agency


@pytest.fixture
def vacancy(agency, occupation):
    return VacancyFactory(
        channel="agency",
        agency=agency,
        authority=None,
        title_en="Welder in Ulsan",
        occupation=occupation,
    )


@pytest.fixture
def other_vacancy(other_agency):
    return VacancyFactory(
        channel="agency", agency=other_agency, authority=None, title_en="Fish processing"
    )


@pytest.fixture
def applicant(db):
    return make.applicant()


@pytest.fixture
def recruiter(agency):
    return make.recruiter(agency=agency)


@pytest.fixture
def other_recruiter(other_agency):
    return make.recruiter(agency=other_agency)


@pytest.fixture
def submitted(applicant, vacancy):
    return make.application(applicant, vacancy)
