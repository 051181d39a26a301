"""The generated client against the generated mock, in-process: no network, no credentials."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from consumer_tencent_as.client import AsyncClient
from consumer_tencent_as.mock import create_app
from starlette.applications import Starlette

GROUP = "asg-8fbozqja"
SECRET_ID, SECRET_KEY = "AKIDconsumerexample", "consumer-example-secret"
QUOTA = 3  # hooks per scaling group in this mock (the page gives no number)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def app() -> Starlette:
    return create_app(
        credentials={SECRET_ID: SECRET_KEY},
        groups=[GROUP],
        quotas={"CreateLifecycleHook": QUOTA},
        seed=7,
    )


ClientFactory = Callable[..., AsyncClient]


@pytest.fixture
async def make_client(app: Starlette) -> AsyncIterator[ClientFactory]:
    """Clients signed with the mock's credentials, whose requests go to the mock app."""
    clients: list[AsyncClient] = []

    def make(**options: object) -> AsyncClient:
        client = AsyncClient(
            secret_id=SECRET_ID,
            secret_key=SECRET_KEY,
            region="ap-guangzhou",
            transport=httpx.ASGITransport(app=app),
            max_attempts=1,
            **options,  # type: ignore[arg-type]
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()
