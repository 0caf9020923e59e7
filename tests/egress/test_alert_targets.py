"""Alert targets of every scheme family are judged by the hosts they really contact.

Refusal tests replace Apprise's sender with a recorder: a refused target must never get as
far as Apprise (which would open its own connections), and no test sends anything off the
machine.
"""

from __future__ import annotations

import pytest

from tests.alert_receiver import Receiver
from tests.alerts.test_delivery import failure_alert
from tests.egress.network import METADATA_IP, FakeNetwork
from vigil.alerts import apprise_notify
from vigil.alerts.apprise_notify import AppriseNotifier
from vigil.config import Settings
from vigil.egress.targets import Target, alert_hosts
from vigil.errors import DeliveryError


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # self-hosted: the URL's host is contacted (default port by scheme)
        ("json://hooks.example:8080/path", [Target("hooks.example", 8080)]),
        ("jsons://hooks.example/path", [Target("hooks.example", 443)]),
        ("xml://10.0.0.1/x", [Target("10.0.0.1", 80)]),
        ("form://10.0.0.1/x", [Target("10.0.0.1", 80)]),
        ("ntfy://ntfy.internal/alerts", [Target("ntfy.internal", 80)]),
        ("ntfys://ntfy.internal/alerts", [Target("ntfy.internal", 443)]),
        ("gotify://gotify.internal/token", [Target("gotify.internal", 80)]),
        ("mmost://chat.internal/token", [Target("chat.internal", 80)]),
        ("matrix://ana:pw@matrix.internal/#room", [Target("matrix.internal", 80)]),
        ("apprise://apprise.internal/key", [Target("apprise.internal", 80)]),
        ("rsyslog://logs.internal", [Target("logs.internal", 80)]),
        # e-mail: the SMTP server, given or derived from the address
        ("mailto://ana:pw@example.com?smtp=smtp.internal", [Target("smtp.internal", 25)]),
        # ntfy without a host posts to the public ntfy.sh
        ("ntfy://my-topic", [Target("ntfy.sh", 443)]),
        # hosted services: the token is no host; the service's public endpoints are
        ("discord://1234/abcd", [Target("discord.com", 443)]),
        ("tgram://123456789:abcdefg_hijklmnop/12315544/", [Target("api.telegram.org", 443)]),
        ("pover://user@token", [Target("api.pushover.net", 443)]),
        ("https://hooks.example/x", [Target("hooks.example", 443)]),
    ],
)
def test_the_hosts_an_alert_target_contacts(url: str, expected: list[Target]) -> None:
    assert alert_hosts(url) == expected


def test_slack_is_judged_by_its_public_hosts_not_by_the_token_where_a_host_would_be() -> None:
    hosts = {t.host for t in alert_hosts("slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ")}
    assert "hooks.slack.com" in hosts and "T1JJ3T3L2" not in hosts
    assert all(h.endswith(("slack.com", "slack-gov.com")) for h in hosts)


@pytest.fixture
def apprise_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def recorder(url: str, alert: object, timeout_s: float) -> str | None:
        calls.append(url)
        return None

    monkeypatch.setattr(apprise_notify, "_notify", recorder)
    return calls


@pytest.mark.parametrize(
    "url",
    [
        "ntfy://alerts.test/topic",
        "gotify://alerts.test/token",
        "json://alerts.test/x",
        "mmost://alerts.test/token",
        "matrix://ana:pw@alerts.test/#room",
        "mailto://ana:pw@example.com?smtp=alerts.test",
        f"ntfy://{METADATA_IP}/topic",
        "ntfy://[fd00:ec2::254]/topic",
        "ntfy://my-topic",  # ntfy.sh, here "poisoned" to the metadata address
        "discord://1234/abcd",
        "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ",
        "tgram://123456789:abcdefg_hijklmnop/12315544/",
    ],
)
async def test_an_apprise_target_resolving_to_a_metadata_address_is_refused_before_apprise(
    settings: Settings, apprise_calls: list[str], url: str
) -> None:
    names = ["alerts.test", "ntfy.sh", "discord.com", "api.telegram.org", "slack.com",
             "hooks.slack.com", "hooks.slack-gov.com"]  # fmt: skip
    net = FakeNetwork(names={n: [METADATA_IP] for n in names})
    notifier = AppriseNotifier(url, attempts=1, egress=net.egress())
    with pytest.raises(DeliveryError, match="cloud metadata address") as caught:
        await notifier.send(failure_alert(settings))
    assert caught.value.permanent
    assert apprise_calls == [] and net.connects == []


async def test_an_allowed_apprise_target_is_handed_to_apprise(
    settings: Settings, apprise_calls: list[str]
) -> None:
    net = FakeNetwork(names={"alerts.test": ["93.184.215.14"]})
    await AppriseNotifier("ntfy://alerts.test/topic", egress=net.egress()).send(
        failure_alert(settings)
    )
    assert apprise_calls == ["ntfy://alerts.test/topic"]


async def test_with_private_networks_blocked_a_loopback_ntfy_server_gets_nothing(
    settings: Settings,
) -> None:
    """Real Apprise, real ntfy plugin, a real receiver on 127.0.0.1: refused when blocking,
    delivered when not (so it is the policy that stopped it)."""
    async with Receiver() as receiver:
        url = f"ntfy://127.0.0.1:{receiver.port}/vigil-alerts"
        with pytest.raises(DeliveryError, match="private or loopback"):
            await AppriseNotifier(url, attempts=1, block_private_networks=True).send(
                failure_alert(settings)
            )
        assert receiver.requests == []
        await AppriseNotifier(url, attempts=1).send(failure_alert(settings))
        assert len(receiver.requests) == 1 and b"vigil-alerts" in receiver.requests[0].body
