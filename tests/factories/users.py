"""Staff accounts, in the groups each app declares (`<app>/staff.py`)."""

import factory
from django.contrib.auth.models import Group, User
from factory.django import DjangoModelFactory, Password


def join(user, group_names):
    user.groups.add(*(Group.objects.get(name=name) for name in group_names))


class StaffUserFactory(DjangoModelFactory):
    """A staff account; ``groups=["Content editor"]`` puts it in those groups."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    password = Password(None)  # give one to log in through the login form
    is_staff = True

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        join(user, names or ())


class OfficerFactory(StaffUserFactory):
    """The licensing officer whom licence events name."""

    username = "officer"

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        join(user, ["Licensing officer"] if names is None else names)
