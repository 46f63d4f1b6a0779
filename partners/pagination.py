"""Cursor pages for every list of the API, with the cursor's position checked.

DRF's `CursorPagination` decodes a cursor and puts its position, as it finds it, in
a filter on the first field of the order. A cursor written by hand
(``?cursor=cD1hYmM=``, "p=abc") reached the database's field conversion and ended
in a 500; it is now refused as DRF refuses any other invalid cursor: 404, "Invalid
cursor", in the reader's language.
"""

from django.core.exceptions import ValidationError
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination


class CheckedCursorPagination(CursorPagination):
    """`CursorPagination` whose cursor position must be a value of the field that the
    (fixed) ``ordering`` starts with, on the model of what it pages."""

    def paginate_queryset(self, queryset, request, view=None):
        self.position_field = queryset.model._meta.get_field(self.ordering[0].lstrip("-"))
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            try:
                self.position_field.to_python(cursor.position)
            except ValidationError:
                raise NotFound(self.invalid_cursor_message) from None
        return cursor
