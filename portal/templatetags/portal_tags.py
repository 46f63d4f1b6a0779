from django import template
from django.template import engines
from django.template.loader_tags import BlockNode

register = template.Library()

LAYOUT = "portal/layout.jinja"


class LayoutNode(template.Node):
    """Renders its blocks, as the page that extends `base.html` filled them, and the
    site's layout around them in Jinja2 (`portal/layout.jinja`): the header, the
    navigation and the footer are on every page, and in Django's template language
    they cost about two milliseconds of each."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        blocks = {
            node.name: node.render(context) for node in self.nodelist if isinstance(node, BlockNode)
        }
        return (
            engines["jinja2"]
            .get_template(LAYOUT)
            # The layout's hotlines and demo notice come from the Jinja2 engine's
            # context processors, as on a Jinja2 page (`ui.jinja.render_page`).
            .render({"blocks": blocks}, getattr(context, "request", None))
        )


@register.tag
def layout(parser, token):
    """``{% layout %}{% block title %}…{% endblock %}…{% endlayout %}``: see
    `LayoutNode`; only `base.html` uses it."""
    nodelist = parser.parse(("endlayout",))
    parser.delete_first_token()
    return LayoutNode(nodelist)
