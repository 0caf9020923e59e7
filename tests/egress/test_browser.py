"""Every request of a run goes through the egress proxy: real Chromium, pages on 127.0.0.1.

The page is allowed; what it reaches for (its document, a redirect, a script redirect, a
fetch, a WebSocket, an image) is a metadata address. Each test asserts the run failed with
the policy's "blocked: …" reason, that the stand-in metadata server got nothing, that no
connection to the address was even attempted, and that its content is nowhere in the result.
"""

from __future__ import annotations

import pytest

from tests.egress.network import METADATA_IP, SECRET, FakeNetwork, Site
from tests.pipeline.plans import pipeline_settings, plan, step
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.egress.policy import Egress
from vigil.models import BrowserResult
from vigil.pipeline.ports import discard_events

BLOCKED = "blocked: 169.254.169.254 is a cloud metadata address"
PAGES: dict[str, tuple[int, dict[str, str], str]] = {
    "/redirect": (302, {"location": f"http://{METADATA_IP}/latest/meta-data/"}, ""),
    "/redirect-by-name": (302, {"location": "http://metadata.test/latest/"}, ""),
    "/js-redirect": (
        200,
        {},
        f"<title>moving</title><script>location = 'http://{METADATA_IP}/latest/';</script>",
    ),
    "/fetch": (
        200,
        {},
        "<title>Fetcher</title><p id=out>waiting</p><script>"
        f"fetch('http://{METADATA_IP}/latest/meta-data/iam')"
        ".then(r => r.text()).then(t => out.textContent = 'got ' + t)"
        ".catch(e => out.textContent = 'fetch failed');</script>",
    ),
    "/fetch-hex": (
        200,
        {},
        "<title>Hex</title><p id=out>waiting</p><script>"
        "fetch('http://0xA9FEA9FE/latest').then(r => r.text())"
        ".then(t => out.textContent = 'got ' + t).catch(e => out.textContent = 'no');</script>",
    ),
    "/https-fetch": (
        200,
        {},
        "<title>TLS</title><p id=out>waiting</p><script>"
        "fetch('https://metadata.test/latest').then(r => r.text())"
        ".then(t => out.textContent = 'got ' + t).catch(e => out.textContent = 'no');</script>",
    ),
    "/websocket": (
        200,
        {},
        "<title>WS</title><p id=out>waiting</p><script>"
        "const ws = new WebSocket('ws://metadata.test/socket');"
        "ws.onopen = () => out.textContent = 'open';"
        "ws.onerror = () => out.textContent = 'ws failed';</script>",
    ),
    "/image": (200, {}, f"<title>Img</title><img src='http://{METADATA_IP}/pixel.gif'>"),
    "/fine": (200, {}, "<title>Fine</title><p>All good</p>"),
}


@pytest.fixture
def site() -> Site:  # started per test by `served`
    return Site(PAGES)


def assert_blocked(result: BrowserResult, net: FakeNetwork, meta: Site, reason: str) -> None:
    assert not result.success
    failed = [s for s in result.steps if not s.passed]
    assert failed, [s.details for s in result.steps]
    assert reason in failed[0].details, failed[0].details
    assert meta.hits == [], "the refused address was contacted"
    assert not net.contacted(METADATA_IP), net.connects
    assert SECRET not in result.model_dump_json()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/redirect", BLOCKED),
        ("/redirect-by-name", "blocked: metadata.test resolves to 169.254.169.254"),
        ("/js-redirect", BLOCKED),
    ],
)
async def test_a_page_that_sends_the_browser_to_a_metadata_address_fails_the_run(
    egress_executor: PlaywrightExecutor,
    net: FakeNetwork,
    meta: Site,
    site: Site,
    path: str,
    reason: str,
) -> None:
    with site.running():
        p = plan(site.url, step("navigate", value=f"{site.url}{path}"), step("wait", value="1"))
        result = await egress_executor.execute(p, discard_events)
    assert_blocked(result, net, meta, reason)
    assert site.hits[0] == f"GET {path}"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/fetch", BLOCKED),
        ("/fetch-hex", BLOCKED),
        ("/https-fetch", "blocked: metadata.test resolves to 169.254.169.254"),
        ("/websocket", "blocked: metadata.test resolves to 169.254.169.254"),
        ("/image", BLOCKED),
    ],
)
async def test_a_subresource_fetch_or_websocket_to_a_metadata_address_fails_the_run(
    egress_executor: PlaywrightExecutor,
    net: FakeNetwork,
    meta: Site,
    site: Site,
    path: str,
    reason: str,
) -> None:
    with site.running():
        p = plan(
            site.url,
            step("navigate", value=f"{site.url}{path}"),
            step("wait", value="1"),
        )
        result = await egress_executor.execute(p, discard_events)
    assert_blocked(result, net, meta, reason)
    assert "nothing was sent" in " ".join(s.details for s in result.steps)


async def test_a_literal_metadata_document_fails_at_once(
    egress_executor: PlaywrightExecutor, net: FakeNetwork, meta: Site
) -> None:
    url = f"http://{METADATA_IP}/latest/meta-data/"
    result = await egress_executor.execute(plan(url, step("navigate", value=url)), discard_events)
    assert_blocked(result, net, meta, BLOCKED)


async def test_an_allowed_page_still_passes_through_the_proxy(
    egress_executor: PlaywrightExecutor, net: FakeNetwork, site: Site
) -> None:
    with site.running():
        p = plan(
            site.url,
            step("navigate", value=f"{site.url}/fine"),
            step("assert_text", value="All good"),
        )
        result = await egress_executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    assert site.hits[0] == "GET /fine"
    assert ("127.0.0.1", site.port) in net.connects  # loopback went through the proxy too


async def test_with_private_networks_blocked_a_loopback_site_gets_no_hit() -> None:
    """The real resolver: `localhost` resolves on this machine, and is refused."""
    counted = Site()
    pool = BrowserPool(pipeline_settings(), egress=Egress(block_private=True), prewarm=False)
    executor = PlaywrightExecutor(pipeline_settings(), pool=pool)
    try:
        with counted.running():
            results = [
                await executor.execute(plan(url, step("navigate", value=url)), discard_events)
                for url in (f"http://localhost:{counted.port}/", f"{counted.url}/")
            ]
    finally:
        await pool.aclose()
    for result in results:
        assert not result.success
        assert "private or loopback address" in result.steps[0].details
        assert result.steps[0].details.startswith("could not load")
    assert "blocked: localhost resolves to" in results[0].steps[0].details
    assert "blocked: 127.0.0.1 is a private or loopback address" in results[1].steps[0].details
    assert counted.hits == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "chrome://version", "data:text/html,hi"])
async def test_a_goal_cannot_open_a_page_that_bypasses_the_proxy(
    egress_executor: PlaywrightExecutor, net: FakeNetwork, url: str
) -> None:
    result = await egress_executor.execute(
        plan("http://127.0.0.1:9/", step("navigate", value=url)), discard_events
    )
    assert not result.success
    assert result.steps[0].details == f"could not load {url}: only http(s) pages can be opened"
    assert "root:" not in result.model_dump_json()
