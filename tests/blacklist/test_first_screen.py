"""Issue 16 on the entry-ban check: the date of birth in three boxes, errors as a
linked summary, and a possible match that shows how the list writes the name."""

import pytest

from tests.blacklist.test_views import QUERY, URL

pytestmark = pytest.mark.django_db


def boxes(day, month, year):
    return {"date_of_birth_0": day, "date_of_birth_1": month, "date_of_birth_2": year}


def ask(client, born, lang="ru", **changes):
    data = {key: value for key, value in QUERY.items() if key != "date_of_birth"}
    return client.post(
        URL.replace("/ru/", f"/{lang}/"), {**data, **born, **changes}, REMOTE_ADDR="10.0.0.9"
    )


def test_the_date_of_birth_is_three_labelled_boxes(client, source):
    html = client.get("/kaa/blacklist/check/").content.decode()
    assert "<legend>Tuwılǵan sánesi</legend>" in html or "<legend>" in html
    for part, label in (("0", "Kún"), ("1", "Ay"), ("2", "Jıl")):
        assert f'<label for="id_date_of_birth_{part}">{label}</label>' in html
        assert f'name="date_of_birth_{part}"' in html
    assert html.count('inputmode="numeric"') == 3
    assert 'type="date"' not in html


def test_the_three_boxes_find_the_record(client, make_record):
    make_record()
    html = ask(client, boxes("14", "3", "1991")).content.decode()
    assert "Запись найдена" in html


@pytest.mark.parametrize(
    ("born", "message"),
    [
        (boxes("", "", ""), "Введите дату рождения."),
        (boxes("31", "02", "1991"), "Введите день, месяц и год рождения цифрами."),
        (boxes("14", "", "1991"), "Введите день, месяц и год рождения цифрами."),
        (boxes("14", "03", "2999"), None),
    ],
)
def test_a_wrong_date_is_explained_at_the_top_and_kept(client, source, born, message):
    response = ask(client, born)
    html = response.content.decode()
    assert response.status_code == 200
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_date_of_birth_0"' in summary
    if message:
        assert message in summary
    # What was typed is kept in its boxes, to be corrected.
    if born["date_of_birth_2"]:
        assert f'value="{born["date_of_birth_2"]}"' in html


def test_a_possible_match_shows_the_name_as_the_list_writes_it(client, make_record):
    make_record("Турсунова", "Фируза", "")
    html = ask(
        client, boxes("14", "03", "1991"), surname="Tursunova", given_name="Feruza", patronymic=""
    ).content.decode()
    assert "Возможное совпадение" in html
    assert "<dt>Имя, как оно записано в списке</dt><dd>Турсунова Фируза</dd>" in html


def test_a_record_found_does_not_repeat_the_name(client, make_record):
    make_record()
    html = ask(client, boxes("14", "03", "1991")).content.decode()
    assert "Запись найдена" in html
    assert "Абдуллаев" not in html


def test_one_iso_value_is_still_read(client, make_record):
    """Kiosks and the old page send one date_of_birth value."""
    make_record()
    assert "Запись найдена" in ask(client, {"date_of_birth": "1991-03-14"}).content.decode()
