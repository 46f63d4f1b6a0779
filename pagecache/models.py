"""The generation of what the public pages show: one number, raised by the database
itself at the commit of any change to the data those pages are made of
(migration 0002), so that no cached page outlives a change."""

from django.db import models


class PageGeneration(models.Model):
    """Exactly one row (id 1). Written only by the database's triggers."""

    value = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="page_generation_one_row")
        ]

    def __str__(self):
        return str(self.value)
