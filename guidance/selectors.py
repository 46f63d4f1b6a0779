"""What the stage pages read. What the public may see of a topic is
`Topic.objects.public`, the one rule; every public read here starts from it."""

from guidance.models import Stage, Topic
from vacancies.selectors import has_published_guide


def stages():
    """The three stages, in order, for the navigation and the home page."""
    return list(Stage.objects.all())


def stage_topics(stage):
    """The public topics of a stage, in page order, each with `group`."""
    return list(Topic.objects.public().filter(stage=stage))


def benefit_topics():
    """The public "benefits and rights" topics (one per home country), which
    every stage page links to."""
    return list(Topic.objects.public().filter(group=Topic.Group.BENEFITS))


def public_topic(slug):
    """A public topic with the country guides it links to, or None."""
    return (
        Topic.objects.public()
        .select_related("stage")
        .prefetch_related("countries")
        .filter(slug=slug)
        .first()
    )


def linked_guides(topic):
    """The countries of a topic whose guide is published: a link to a guide that is
    still being written would lead nowhere."""
    return [country for country in topic.countries.all() if has_published_guide(country)]
