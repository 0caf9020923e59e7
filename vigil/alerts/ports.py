"""How an alert leaves Vigil: one Notifier per kind of target, chosen by the URL's scheme."""

from __future__ import annotations

from typing import Protocol

from vigil.alerts.payload import Alert


class Notifier(Protocol):
    async def send(self, alert: Alert) -> None:
        """Deliver `alert`, retrying what is worth retrying; raises DeliveryError when it could
        not be delivered (`permanent` when retrying later would not help either)."""
        ...
