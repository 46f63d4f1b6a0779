"""Feed vacancies stored before they knew their feed learn it where it can be told:
their partner has one vacancies feed."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_existing_feed_vacancies_learn_their_feed_where_it_can_be_told(migrator):
    old = migrator.apply_initial_migration(
        [("feeds", "0002_tables_named_after_the_app"), ("vacancies", "0012_vacancy_source_feed_id")]
    )
    model = old.apps.get_model
    country = model("vacancies", "Country").objects.get_or_create(
        code="KR", defaults={"name": "Republic of Korea"}
    )[0]

    def vacancies(partner, source, *external_ids):
        for external_id in external_ids:
            model("vacancies", "Vacancy").objects.create(
                title="Welder",
                country=country,
                employer_name="Demo Shipyard (fictional)",
                wage_min=2000,
                wage_currency="USD",
                contract_months=24,
                visa_type="E-9",
                channel="employer",
                partner=partner,
                source=source,
                external_id=external_id,
            )

    def feed(partner, kind="vacancies"):
        return model("feeds", "Feed").objects.create(
            partner=partner, name=kind, kind=kind, format="json"
        )

    one, two = (model("partners", "Partner").objects.create(name=name) for name in ("1", "2"))
    only = feed(one)
    feed(one, kind="rates")
    feed(two), feed(two)
    vacancies(one, "feed", "1a", "1b")
    vacancies(one, "api", "1c")
    vacancies(two, "feed", "2a")

    new = migrator.apply_tested_migration(
        ("feeds", "0003_one_full_feed_per_list_and_vacancy_feeds")
    )
    stored = new.apps.get_model("vacancies", "Vacancy").objects.values_list(
        "external_id", "source_feed_id"
    )
    assert dict(stored) == {"1a": only.pk, "1b": only.pk, "1c": None, "2a": None}
