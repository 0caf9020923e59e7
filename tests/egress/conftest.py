"""A Chromium whose runs reach the network only through FakeNetwork (see network.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence

import pytest

from tests.egress.network import METADATA_IP, FakeNetwork, Site, metadata_server
from tests.pipeline.plans import pipeline_settings
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.egress.addresses import IPAddress
from vigil.egress.policy import Egress, Streams


class Switchboard:
    """The module's browser keeps one Egress; each test plugs in its own FakeNetwork."""

    def __init__(self) -> None:
        self.net = FakeNetwork()

    async def resolve(self, host: str, port: int) -> Sequence[IPAddress]:
        return await self.net.resolve(host, port)

    async def connect(self, address: str, port: int) -> Streams:
        return await self.net.connect(address, port)


@pytest.fixture(scope="session")
def switchboard() -> Switchboard:
    return Switchboard()


@pytest.fixture(scope="session")
async def egress_pool(switchboard: Switchboard) -> AsyncIterator[BrowserPool]:
    egress = Egress(resolver=switchboard.resolve, connector=switchboard.connect)
    pool = BrowserPool(pipeline_settings(), egress=egress)
    yield pool
    await pool.aclose()


@pytest.fixture
def egress_executor(egress_pool: BrowserPool) -> PlaywrightExecutor:
    return PlaywrightExecutor(pipeline_settings(), pool=egress_pool)


@pytest.fixture
def meta() -> Iterator[Site]:
    with metadata_server().running() as server:
        yield server


@pytest.fixture
def net(switchboard: Switchboard, meta: Site) -> FakeNetwork:
    """metadata.test -> 169.254.169.254, whose every port is the local stand-in `meta`."""
    net = FakeNetwork(names={"metadata.test": [METADATA_IP]})
    for port in (80, 443):
        net.stand_ins[(METADATA_IP, port)] = meta.port
    switchboard.net = net
    return net
