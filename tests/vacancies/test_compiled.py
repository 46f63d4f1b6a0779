"""The public rule's SQL written once (`vacancies.compiled.CompiledOnce`): the same
rows as the rule compiled afresh, shared by every clone of the day's queryset, and
compiled anew wherever the query is relabelled (used inside another)."""

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories.vacancies import VacancyFactory, agency_vacancy
from vacancies.compiled import CompiledOnce
from vacancies.models import Vacancy, public_condition

pytestmark = pytest.mark.django_db


def compiled_in(queryset):
    """The CompiledOnce conditions of a queryset's WHERE clause."""
    found = {}

    def walk(node):
        if isinstance(node, CompiledOnce):
            found[id(node)] = node
        for expression in node.get_source_expressions():
            walk(expression)

    walk(queryset.query.where)
    return list(found.values())


@pytest.fixture
def vacancies():
    public = VacancyFactory()
    closed = VacancyFactory(status="closed")
    licensed, _licence = agency_vacancy()
    unlicensed, _licence = agency_vacancy(destinations=("TR",), country_id="KR")
    return {"public": {public.pk, licensed.pk}, "hidden": {closed.pk, unlicensed.pk}}


def test_same_rows_as_the_rule_compiled_afresh(vacancies):
    today = timezone.localdate()
    plain = set(Vacancy.objects.filter(public_condition(today)).values_list("pk", flat=True))
    assert plain == vacancies["public"]
    assert set(Vacancy.objects.public().values_list("pk", flat=True)) == plain
    assert (
        set(Vacancy.objects.public().filter(channel="agency").values_list("pk", flat=True)) < plain
    )


def test_clones_share_one_compiled_rule(vacancies):
    first = Vacancy.objects.public().filter(country_id="KR")
    second = Vacancy.objects.public().order_by("-pk")
    [rule] = compiled_in(first)
    assert compiled_in(second) == [rule]
    str(first.query)
    sql, params = rule._compiled[connection.alias]
    assert "EXISTS" in sql
    list(second)  # compiled from what the first wrote
    assert rule._compiled[connection.alias] == (sql, params)


def test_a_relabelled_rule_is_compiled_for_its_aliases(vacancies):
    inner = Vacancy.objects.public().values("pk")
    outer = Vacancy.objects.filter(pk__in=inner)
    assert set(outer.values_list("pk", flat=True)) == vacancies["public"]
    # the rule inside names the inner query's alias, not the outer table
    where = str(outer.query).split(" WHERE ", 1)[1]
    assert '"vacancies_vacancy"."expires_on"' not in where
    assert 'V0."expires_on"' in where
    str(inner.query)
    [rule] = compiled_in(inner)
    assert '"vacancies_vacancy"."expires_on"' in rule._compiled[connection.alias][0]
