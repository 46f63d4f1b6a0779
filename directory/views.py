"""The public directory: organisations by country and need."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from directory import selectors
from directory.forms import SearchForm


@require_safe
def organisation_list(request):
    form = SearchForm(request.GET or None)
    country = need = ""
    status = 200
    if form.is_bound:
        if form.is_valid():
            country, need = form.cleaned_data["country"], form.cleaned_data["need"]
        else:
            status = 400
    organisations = selectors.search(country, need) if status == 200 else []
    return render(
        request,
        "directory/list.html",
        {"form": form, "organisations": organisations},
        status=status,
    )
