"""What the portal's filter sets (django-filter) share."""


class FormClassBuiltOnce:
    """A `FilterSet` mixin: the form class of its filters built once in each process.

    django-filter builds it for every filter set, that is every list page and API
    list (`FilterSet.get_form_class`, the documented place to change it): a new
    class, and a new field for each filter, which took a twelfth of a list page.
    The fields follow from the filter set's class alone: their labels are lazy and
    their menus are callables, read in the reader's language when shown or checked.
    Each form still copies the class's fields, so no form changes another's."""

    def get_form_class(self):
        cls = type(self)
        form_class = cls.__dict__.get("_built_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            cls._built_form_class = form_class
        return form_class
