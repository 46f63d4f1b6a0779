"""A condition whose SQL is written once, not on every query that uses it.

The rule of what the public sees (`vacancies.models.public_condition`) holds two
subqueries. Django compiles a queryset's conditions again each time the queryset
runs, and compiling those subqueries took 0.7 ms of every list page, API list and
feed (measured at 200,000 vacancies: 1.1 ms for the list's query of ids, against
0.4 ms without the rule). `VacancyManager.public` builds the rule once a day per
process (`pagecache.daily.built_daily`); wrapped in `CompiledOnce`, its SQL is
also written once, and every clone of that queryset reuses it.
"""

from django.db.models import BooleanField, Expression


class CompiledOnce(Expression):
    """``condition`` (a Q object) resolved as usual against the query that uses it,
    and its SQL remembered per database connection.

    The remembered SQL stays right because it depends only on what resolving fixed:
    the conditions, their values (a date, for the public rule: the queryset is built
    per day) and the aliases of the tables they name. Whatever changes an alias
    (the queryset used as a subquery of another) relabels the expression, and the
    relabelled copy compiles its own. A filter and an annotation alike: it is a
    boolean expression."""

    conditional = True
    resolved = False

    def __init__(self, condition):
        super().__init__(output_field=BooleanField())
        self.condition = condition
        self._compiled = {}

    def __repr__(self):
        return f"{self.__class__.__name__}({self.condition!r})"

    def get_source_expressions(self):
        return [self.condition]

    def set_source_expressions(self, exprs):
        (self.condition,) = exprs
        self._compiled = {}

    def copy(self):
        clone = super().copy()
        clone._compiled = {}
        return clone

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        if self.resolved:
            # A lookup resolves its sides again when it is compiled: this copy is the
            # one whose SQL is remembered.
            return self
        clone = self.copy()
        clone.resolved = True
        clone.condition = self.condition.resolve_expression(
            query, allow_joins, reuse, summarize, for_save
        )
        return clone

    def as_sql(self, compiler, connection):
        compiled = self._compiled.get(connection.alias)
        if compiled is None:
            sql, params = compiler.compile(self.condition)
            compiled = self._compiled[connection.alias] = (sql, tuple(params))
        return compiled[0], list(compiled[1])
