"""The registry's parts kept as HTML (`pagecache.fragments`): its search form, kept
with the rest of its search (`agencies.prepared`), like the vacancy list's; and
its entries, each kept by everything it shows: the agency's names and id, its
current licence (number, status, authority), the countries it may recruit for
today, and the reader's language.

The registry is read most on announcement days, by people checking an agency
before they pay, and writing its twenty-five entries was a tenth of the page. An
entry kept by what it shows is never stale: a licence suspended this minute, or a
country added, is another key, written at once."""

from pagecache.fragments import KeptHtml
from ui.jinja import render_fragment

# Entries kept by each process, under a kilobyte each: every agency in five languages.
_entries = KeptHtml(4096)


def entry_html(agency):
    """The entry of `agency`, read by `selectors.registry_page` with its
    ``current_licence`` (`selectors.current_licences`) and ``countries_today`` set."""
    shown = (
        agency.pk,
        agency.legal_name,
        agency.brand_names,
        agency.current_licence,
        tuple(agency.countries_today),
    )
    return _entries.get(
        shown, lambda: render_fragment("agencies/registry_entry.jinja", {"agency": agency})
    )


def registry_form(filterset):
    """The form of `filterset` (`agencies.filters.AgencyFilter`). Written without the
    request, as every kept part: nothing in it may depend on who reads."""
    return render_fragment("agencies/registry_form.jinja", {"filter": filterset})
