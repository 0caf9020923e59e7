"""POST /api/callback/{id}: QStash signatures exactly as QStash signs them, then the run."""

from __future__ import annotations

import base64
import hashlib
import time
from typing import Any

import jwt
import pytest
from pydantic import SecretStr

from tests.alert_receiver import Receiver
from tests.api.run_helpers import api
from tests.test_runs import new_test
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.services import Services
from vigil.store import keys
from vigil.store.checks import set_status
from vigil.store.incidents import list_incidents

CURRENT = "sig_current_0123456789abcdefghijklmnop"
NEXT = "sig_next_0123456789abcdefghijklmnopqrst"
PUBLIC = "https://vigil.example"
BODY = b'{"source":"schedule"}'


def qstash_token(
    key: str, url: str, raw_body: bytes = BODY, *, exp_in: int = 300, **claims: Any
) -> str:
    """A signature the way QStash makes one: HS256 JWT, body = base64url(SHA-256(body))."""
    now = int(time.time())
    payload = {
        "iss": "Upstash",
        "sub": url,
        "exp": now + exp_in,
        "nbf": now,
        "iat": now,
        "jti": "jwt_1",
        "body": base64.urlsafe_b64encode(hashlib.sha256(raw_body).digest()).decode(),
        **claims,
    }
    return jwt.encode(payload, key, algorithm="HS256")


def with_keys(services: Services) -> Services:
    services.settings = services.settings.model_copy(
        update={
            "qstash_current_signing_key": SecretStr(CURRENT),
            "qstash_next_signing_key": SecretStr(NEXT),
            "public_url": PUBLIC,
        }
    )
    return services


async def call(
    services: Services, test_id: str, signature: str | None, *, body: bytes = BODY,
    message_id: str = "msg_1", pipeline: ScriptedPipeline | None = None,
) -> tuple[int, dict[str, Any]]:  # fmt: skip
    headers = {"Upstash-Message-Id": message_id, "Content-Type": "application/json"}
    if signature is not None:
        headers["Upstash-Signature"] = signature
    async with api(services, pipeline or ScriptedPipeline("pass"), token=None) as client:
        response = await client.post(f"/api/callback/{test_id}", content=body, headers=headers)
    return response.status_code, response.json()


@pytest.mark.parametrize("key", [CURRENT, NEXT], ids=["current key", "next key"])
async def test_a_valid_signature_runs_the_test(services: Services, key: str) -> None:
    svc = with_keys(services)
    test_id = await new_test(svc.redis)
    url = f"{PUBLIC}/api/callback/{test_id}"

    status, body = await call(svc, test_id, qstash_token(key, url))

    assert status == 200
    assert body == {
        "status": "completed",
        "test_id": test_id,
        "passed": True,
        "run_id": body["run_id"],
    }
    assert await svc.redis.zcard(keys.results(test_id)) == 1


def bad_signatures(url: str) -> dict[str, str | None]:
    return {
        "missing": None,
        "empty": "",
        "tampered body": qstash_token(CURRENT, url, b'{"source":"evil"}'),
        "wrong url": qstash_token(CURRENT, f"{PUBLIC}/api/callback/other123"),
        "expired": qstash_token(CURRENT, url, exp_in=-60),
        "not yet valid": qstash_token(CURRENT, url, nbf=int(time.time()) + 600),
        "wrong key": qstash_token("sig_someone_else_0123456789abcdefghij", url),
        "wrong issuer": qstash_token(CURRENT, url, iss="Mallory"),
        "garbage": "not.a.jwt",
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "empty", "tampered body", "wrong url", "expired", "not yet valid", "wrong key",
     "wrong issuer", "garbage"],
)  # fmt: skip
async def test_a_bad_signature_is_401_and_runs_nothing(services: Services, case: str) -> None:
    svc = with_keys(services)
    test_id = await new_test(svc.redis)
    signature = bad_signatures(f"{PUBLIC}/api/callback/{test_id}")[case]
    pipeline = ScriptedPipeline("pass")

    status, body = await call(svc, test_id, signature, pipeline=pipeline)

    assert status == 401
    assert "signature" in body["detail"].lower()
    assert pipeline.calls == 0
    assert await svc.redis.zcard(keys.results(test_id)) == 0


async def test_the_bearer_token_does_not_replace_a_signature_when_keys_are_set(
    services: Services,
) -> None:
    svc = with_keys(services)
    test_id = await new_test(svc.redis)
    async with api(svc, ScriptedPipeline("pass")) as client:  # sends the API token
        response = await client.post(f"/api/callback/{test_id}", content=BODY)
    assert response.status_code == 401


@pytest.mark.parametrize("padded", [True, False])
async def test_the_body_hash_is_compared_with_or_without_padding(
    services: Services, padded: bool
) -> None:
    svc = with_keys(services)
    test_id = await new_test(svc.redis)
    url = f"{PUBLIC}/api/callback/{test_id}"
    digest = base64.urlsafe_b64encode(hashlib.sha256(BODY).digest()).decode()
    claim = digest if padded else digest.rstrip("=")
    assert digest.endswith("=")  # the case is real: SHA-256 in base64 carries one `=`
    status, _ = await call(svc, test_id, qstash_token(CURRENT, url, body=claim))
    assert status == 200


async def test_without_a_public_url_the_request_url_is_the_subject(services: Services) -> None:
    svc = with_keys(services)
    svc.settings = svc.settings.model_copy(update={"public_url": None})
    test_id = await new_test(svc.redis)
    url = f"http://vigil.test/api/callback/{test_id}"
    status, _ = await call(svc, test_id, qstash_token(CURRENT, url))
    assert status == 200


async def test_an_unknown_test_is_404_after_the_signature(services: Services) -> None:
    svc = with_keys(services)
    url = f"{PUBLIC}/api/callback/nope1234"
    assert (await call(svc, "nope1234", qstash_token(CURRENT, url)))[0] == 404
    assert (await call(svc, "nope1234", None))[0] == 401


async def test_a_paused_test_is_skipped(services: Services) -> None:
    svc = with_keys(services)
    test_id = await new_test(svc.redis)
    await set_status(svc.redis, test_id, "paused")
    pipeline = ScriptedPipeline("pass")
    url = f"{PUBLIC}/api/callback/{test_id}"

    status, body = await call(svc, test_id, qstash_token(CURRENT, url), pipeline=pipeline)

    assert (status, body) == (
        200,
        {"status": "skipped", "test_id": test_id, "reason": "test is paused"},
    )
    assert pipeline.calls == 0


async def test_without_signing_keys_the_bearer_token_is_required(services: Services) -> None:
    test_id = await new_test(services.redis)
    assert (await call(services, test_id, None))[0] == 401
    async with api(services, ScriptedPipeline("fail")) as client:
        response = await client.post(f"/api/callback/{test_id}", content=BODY)
    assert response.status_code == 200
    assert response.json()["passed"] is False


async def test_a_redelivered_message_runs_and_alerts_once(services: Services) -> None:
    svc = with_keys(services)
    pipeline = ScriptedPipeline("fail")
    async with Receiver() as receiver:
        test_id = await new_test(svc.redis, receiver.url, retries=0)
        url = f"{PUBLIC}/api/callback/{test_id}"
        answers = [
            await call(
                svc, test_id, qstash_token(CURRENT, url), message_id="msg_A", pipeline=pipeline
            )
            for _ in range(3)
        ]
        other = await call(svc, test_id, qstash_token(CURRENT, url), message_id="msg_B",
                           pipeline=pipeline)  # fmt: skip
        assert len(receiver.requests) == 1  # msg_B is the same failing streak: no new alert

    assert [a[0] for a in answers] == [200, 200, 200]
    assert len({a[1]["run_id"] for a in answers}) == 1
    assert other[1]["run_id"] != answers[0][1]["run_id"]
    assert pipeline.calls == 2
    assert await svc.redis.zcard(keys.results(test_id)) == 2
    assert len(await list_incidents(svc.redis, test_id)) == 2
