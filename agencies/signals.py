"""What the registry tells the apps above it, which it must not import.

``licence_changed`` is sent inside the transaction that records a change of a
licence's standing: receivers that write (the alerts outbox) commit or roll back
with the change itself. Arguments:

- ``licence``: the `Licence`, already saved;
- ``change``: the new licence status (``suspended``, ``revoked``, ``expired``,
  ``surrendered``, ``active``) or ``destination_lost`` when one destination stopped
  being covered (suspended, withdrawn or deleted) under a licence;
- ``countries``: the destination codes the change concerns (``destination_lost``),
  else an empty list;
- ``key``: a text unique to this change (its event or destination row and date),
  so that a receiver can act on it exactly once;
- ``reason``: the officer's reason, as recorded.
"""

from django.dispatch import Signal

licence_changed = Signal()

DESTINATION_LOST = "destination_lost"
