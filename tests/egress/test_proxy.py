"""The egress proxy on its own, driven by a real HTTP client over real sockets.

Names resolve through FakeNetwork, so "metadata.test" can point at 169.254.169.254 without
any lookup or connection leaving the machine; a local server stands in for the metadata
address, and the assertions are that it got nothing and the connector was never asked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from tests.egress.network import METADATA_IP, SECRET, FakeNetwork, Site, metadata_server
from vigil.egress.policy import Egress
from vigil.egress.proxy import EgressProxy


@pytest.fixture
def meta() -> Iterator[Site]:
    with metadata_server().running() as server:
        yield server


@pytest.fixture
def site() -> Iterator[Site]:
    pages: dict[str, tuple[int, dict[str, str], str]] = {"/big": (200, {}, "x" * 300_000)}
    with Site(pages).running() as server:
        yield server


@pytest.fixture
def net(meta: Site, site: Site) -> FakeNetwork:
    return FakeNetwork(
        names={"metadata.test": [METADATA_IP], "site.test": ["127.0.0.1"]},
        stand_ins={(METADATA_IP, 80): meta.port, (METADATA_IP, 443): meta.port},
    )


async def started(net: FakeNetwork, *, block_private: bool = False) -> EgressProxy:
    proxy = EgressProxy(net.egress(block_private=block_private))
    await proxy.start()
    return proxy


async def test_an_allowed_request_is_relayed_to_the_judged_address(
    net: FakeNetwork, site: Site
) -> None:
    proxy = await started(net)
    try:
        async with httpx.AsyncClient(proxy=proxy.url, trust_env=False) as client:
            first = await client.get(f"http://site.test:{site.port}/hello?x=1")
            big = await client.get(f"http://site.test:{site.port}/big")
            posted = await client.post(f"http://site.test:{site.port}/form", content=b"a=1")
    finally:
        await proxy.aclose()
    assert first.status_code == 200 and "ok" in first.text
    assert len(big.content) == 300_000
    assert posted.status_code == 200
    assert site.hits == ["GET /hello?x=1", "GET /big", "POST /form"]
    assert net.connects == [("127.0.0.1", site.port)] * 3
    assert proxy.refusals == []


@pytest.mark.parametrize(
    "url",
    [
        "http://metadata.test/latest/meta-data/",
        f"http://{METADATA_IP}/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://[::ffff:169.254.169.254]/",
    ],
)
async def test_a_refused_plain_http_request_is_answered_by_the_proxy_and_reaches_nothing(
    net: FakeNetwork, meta: Site, url: str
) -> None:
    proxy = await started(net)
    try:
        async with httpx.AsyncClient(proxy=proxy.url, trust_env=False) as client:
            response = await client.get(url)
    finally:
        await proxy.aclose()
    assert response.status_code == 403
    assert response.headers["x-vigil-egress"] == "refused"
    assert "cloud metadata address" in response.text and SECRET not in response.text
    assert net.connects == [] and meta.hits == []
    [refused] = proxy.refusals
    assert "cloud metadata address" in str(refused)


async def test_a_refused_tunnel_for_https_or_websockets_reaches_nothing(
    net: FakeNetwork, meta: Site
) -> None:
    proxy = await started(net)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", int(proxy.url.rsplit(":")[-1]))
        writer.write(b"CONNECT metadata.test:443 HTTP/1.1\r\nHost: metadata.test:443\r\n\r\n")
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(4096), 5)
        writer.close()
    finally:
        await proxy.aclose()
    assert answer.startswith(b"HTTP/1.1 403")
    assert b"blocked: metadata.test resolves to 169.254.169.254" in answer
    assert net.connects == [] and meta.hits == []


async def test_an_allowed_tunnel_carries_bytes_both_ways(net: FakeNetwork, site: Site) -> None:
    proxy = await started(net)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", int(proxy.url.rsplit(":")[-1]))
        writer.write(f"CONNECT site.test:{site.port} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        writer.write(b"GET /through HTTP/1.1\r\nHost: site.test\r\nConnection: close\r\n\r\n")
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 5)
        writer.close()
    finally:
        await proxy.aclose()
    assert answer.startswith(b"HTTP/1.1 200 Connection Established\r\n\r\nHTTP/1.")
    assert site.hits == ["GET /through"]


async def test_the_connection_goes_to_the_address_that_was_judged_not_a_second_lookup(
    meta: Site, site: Site
) -> None:
    """DNS rebinding: the first answer is harmless, every later one is the metadata address.
    The proxy looks the name up once per request and connects to exactly what it judged."""
    answers = iter([["127.0.0.1"]] + [[METADATA_IP]] * 10)
    net = FakeNetwork(stand_ins={(METADATA_IP, site.port): meta.port})

    async def rebinding(host: str, port: int):  # type: ignore[no-untyped-def]
        net.names[host] = next(answers)
        return await net.resolve(host, port)

    egress = net.egress()
    proxy = EgressProxy(type(egress)(resolver=rebinding, connector=net.connect))
    await proxy.start()
    try:
        async with httpx.AsyncClient(proxy=proxy.url, trust_env=False) as client:
            first = await client.get(f"http://rebind.test:{site.port}/a")
            second = await client.get(f"http://rebind.test:{site.port}/b")
    finally:
        await proxy.aclose()
    assert first.status_code == 200 and second.status_code == 403
    assert net.connects == [("127.0.0.1", site.port)]
    assert meta.hits == [] and site.hits == ["GET /a"]


async def test_with_private_networks_blocked_a_loopback_server_gets_no_hit(
    net: FakeNetwork, site: Site
) -> None:
    proxy = await started(net, block_private=True)
    try:
        async with httpx.AsyncClient(proxy=proxy.url, trust_env=False) as client:
            by_name = await client.get(f"http://site.test:{site.port}/")
            by_address = await client.get(f"http://127.0.0.1:{site.port}/")
    finally:
        await proxy.aclose()
    assert (by_name.status_code, by_address.status_code) == (403, 403)
    assert "private or loopback" in by_name.text
    assert site.hits == [] and net.connects == []


async def test_a_host_that_does_not_resolve_is_reported_as_chromium_would(
    net: FakeNetwork,
) -> None:
    proxy = await started(net)
    try:
        async with httpx.AsyncClient(proxy=proxy.url, trust_env=False) as client:
            with pytest.raises(httpx.TransportError):
                await client.get("http://nowhere.test/")
    finally:
        await proxy.aclose()
    failure = proxy.failure_for("nowhere.test", 80)
    assert failure is not None and failure.code == "ERR_NAME_NOT_RESOLVED"
    assert proxy.refusals == [] and net.connects == []


async def test_a_name_with_several_addresses_is_reached_on_the_first_that_answers(
    site: Site,
) -> None:
    """`localhost` resolves to ::1 and 127.0.0.1 with the real resolver; the site listens on
    127.0.0.1 only, so the proxy goes on to the next judged address."""
    proxy = EgressProxy(Egress())
    await proxy.start()
    try:
        async with httpx.AsyncClient(proxy=proxy.url, trust_env=False) as client:
            response = await client.get(f"http://localhost:{site.port}/local")
    finally:
        await proxy.aclose()
    assert response.status_code == 200 and site.hits == ["GET /local"]
