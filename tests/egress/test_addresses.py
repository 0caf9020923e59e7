"""The policy's judgement of addresses, and reading a literal host the way Chromium does."""

from __future__ import annotations

import ipaddress

import pytest

from vigil.checks_as_code.loader import load_text
from vigil.egress.addresses import METADATA, PRIVATE, host_address, refusal
from vigil.egress.policy import Egress, Refused
from vigil.validation import check_url

METADATA_SPELLINGS = [
    "169.254.169.254",
    "2852039166",  # one decimal number
    "0xA9FEA9FE",  # one hex number
    "0xa9.0xfe.0xa9.0xfe",
    "0251.0376.0251.0376",  # octal parts
    "169.254.43518",  # the last part fills the remaining bytes
    "169.16689662",
    "169.254.169.254.",  # trailing dot
    "%31%36%39.254.169.254",  # percent-escaped
    # full-width digits and dots (IDNA maps them)
    "\uff11\uff16\uff19\uff0e\uff12\uff15\uff14\uff0e\uff11\uff16\uff19\uff0e\uff12\uff15\uff14",
    "[fd00:ec2::254]",
    "fd00:ec2::254",
    "::ffff:169.254.169.254",  # IPv4-mapped
    "[::ffff:a9fe:a9fe]",
    "64:ff9b::a9fe:a9fe",  # NAT64
    "2002:a9fe:a9fe::",  # 6to4
    "169.254.1.1",  # the whole link-local /16
]


@pytest.mark.parametrize("host", METADATA_SPELLINGS)
def test_every_spelling_of_a_metadata_address_is_refused_even_with_private_networks_allowed(
    host: str,
) -> None:
    address = host_address(host)
    assert address is not None, host
    assert refusal(address, block_private=False) == METADATA


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2852039166", "169.254.169.254"),
        ("0xA9FEA9FE", "169.254.169.254"),
        ("0251.0376.0251.0376", "169.254.169.254"),
        ("127.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("10.0.0.1", "10.0.0.1"),
        ("[::1]", "::1"),
    ],
)
def test_a_literal_host_reads_as_the_address_the_browser_would_connect_to(
    host: str, expected: str
) -> None:
    assert host_address(host) == ipaddress.ip_address(expected)


@pytest.mark.parametrize(
    "host", ["example.com", "metadata.google.internal", "1.2.3.4.5", "256.1.1.1", "0x1g", "a.1"]
)
def test_names_and_malformed_numbers_are_not_addresses(host: str) -> None:
    assert host_address(host) is None


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "0.0.0.0", "::1",
     "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1"],
)  # fmt: skip
def test_private_loopback_and_other_internal_addresses_are_refused_only_when_blocking(
    address: str,
) -> None:
    ip = ipaddress.ip_address(address)
    assert refusal(ip, block_private=False) is None
    assert refusal(ip, block_private=True) == PRIVATE


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::1111", "8.8.8.8"])
def test_public_addresses_are_allowed_either_way(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert refusal(ip, block_private=False) is None
    assert refusal(ip, block_private=True) is None


async def test_a_name_is_refused_if_any_of_its_addresses_is_refused() -> None:
    async def resolver(host: str, port: int) -> list[ipaddress.IPv4Address]:
        return [ipaddress.IPv4Address("93.184.215.14"), ipaddress.IPv4Address("169.254.169.254")]

    with pytest.raises(Refused) as caught:
        await Egress(resolver=resolver).addresses("mixed.test", 80)
    assert str(caught.value) == (
        "blocked: mixed.test resolves to 169.254.169.254, a cloud metadata address"
    )


@pytest.mark.parametrize(
    "url",
    ["http://169.254.169.254/latest", "http://[fd00:ec2::254]/", "http://2852039166/",
     "http://0xA9FEA9FE/", "https://169.254.169.254.:443/x", "http://[::ffff:169.254.169.254]/"],
)  # fmt: skip
def test_check_url_refuses_a_literal_metadata_address(url: str) -> None:
    with pytest.raises(ValueError, match=r"blocked: .* is a cloud metadata address"):
        check_url(url)


def test_check_url_leaves_names_and_private_addresses_to_the_run() -> None:
    for url in ("http://127.0.0.1:8080/", "http://10.0.0.5/", "https://example.com/"):
        assert check_url(url) == url


def test_checks_as_code_locates_a_refused_url_and_alert_on_their_lines() -> None:
    text = (
        "name: Meta\n"
        "url: http://169.254.169.254/latest\n"
        "goal: verify the page shows 'x'\n"
        "alert: ntfy://0xA9FEA9FE/topic\n"
    )
    declared, problems = load_text(text, "checks.yaml", {})
    assert declared == []
    assert [str(p) for p in problems] == [
        "checks.yaml: document 1, line 2: url: blocked: 169.254.169.254 is a cloud metadata "
        "address; Vigil never sends requests there",
        "checks.yaml: document 1, line 4: alert: blocked: 169.254.169.254 is a cloud metadata "
        "address; Vigil never sends requests there",
    ]
