"""Demo data of the api app: an example Open311 client whose key `open311 demo-key` prints."""

from __future__ import annotations

from openhandhaving.api.choices import Scope
from openhandhaving.api.services import DEMO_CLIENT_NAME, api_client_create, demo_key
from openhandhaving.core.demo_context import DemoContext


def generate(ctx: DemoContext) -> None:
    api_client_create(
        name=DEMO_CLIENT_NAME,
        description="Een voorbeeldapp van bewoners die meldingen instuurt via Open311.",
        scopes=[Scope.OPEN311],
        key=demo_key(),
    )
