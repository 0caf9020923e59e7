"""The dashboard in a real browser (issue #11): a user's whole path through the pages, and
an XSS test. Each page is saved as a screenshot under the session's shots folder."""

from __future__ import annotations

import asyncio
import re

import httpx
from playwright.async_api import expect

from tests.conftest import TOKEN
from tests.web.conftest import UI
from vigil.auth import SESSION_COOKIE


def _api(base: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
    )


async def test_login_create_run_live_pause_edit_delete(ui: UI, demo_site: str) -> None:
    page = ui.page
    # Logged out: every page sends you to the login form; a wrong token is explained.
    await page.goto(f"{ui.base}/tests")
    await expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    await page.get_by_label("API token", exact=True).fill("not-the-token")
    await page.get_by_role("button", name="Log in").click()
    await expect(page.get_by_text("That token is not this server's.")).to_be_visible()
    await ui.shot("01-login-error")

    # The URL `vigil serve` prints logs in; the cookie is HttpOnly, Strict, not the token.
    await ui.login()
    await expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    assert "token=" not in page.url
    cookie = next(c for c in await page.context.cookies() if c["name"] == SESSION_COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["value"] != TOKEN
    await expect(page.get_by_text("No tests yet.")).to_be_visible()
    await ui.shot("02-dashboard-empty")

    await page.get_by_role("link", name="Tests", exact=True).click()
    await expect(page.get_by_text("A test is a URL and a goal in plain words")).to_be_visible()
    await ui.shot("03-tests-empty")

    # New Test: a bad URL first, its message beside the field; the goal preview reads along.
    await page.get_by_role("link", name="+ New Test").first.click()
    await page.get_by_label("Name", exact=True).fill("Demo login")
    await page.get_by_label("URL", exact=True).fill("demo-site-without-scheme")
    goal = "log in as demo / demo and verify the page shows 'Welcome'"
    await page.get_by_label("Goal", exact=True).fill(goal + "; frobnicate the widget")
    preview = page.locator("#plan-preview")
    await expect(preview.get_by_text("Not understood:")).to_be_visible()
    await expect(preview.locator(".plan-step")).to_have_count(5)
    await ui.shot("04-new-test-preview")
    await page.get_by_label("Goal", exact=True).fill(goal)
    await expect(preview.get_by_text("Not understood:")).to_have_count(0)
    await page.get_by_role("button", name="Create test").click()
    url_error = page.locator("#url-error")
    await expect(url_error).to_contain_text("must start with http:// or https://")
    await expect(page.get_by_label("URL", exact=True)).to_have_attribute("aria-invalid", "true")
    await ui.shot("05-new-test-validation-error")
    await page.get_by_label("URL", exact=True).fill(f"{demo_site}/login")
    await page.get_by_role("button", name="Create test").click()
    await expect(page.get_by_text("Test created.")).to_be_visible()
    await expect(page.get_by_text("No runs yet.")).to_be_visible()
    test_id = page.url.split("/tests/")[1].split("?")[0]

    # Run now: the steps arrive live over EventSource, then the stored run shows below.
    await page.get_by_role("button", name="Run now").click()
    live_steps = page.locator("#live-steps li")
    await expect(live_steps.first).to_be_visible(timeout=30_000)
    await expect(page.locator("#live-status")).to_contain_text("Passed", timeout=60_000)
    assert await page.locator("#live-steps li.pass").count() >= 4
    history = page.locator("section[aria-labelledby=history-title] tbody tr")
    await expect(history).to_have_count(1, timeout=15_000)
    await expect(history.first).to_contain_text("passed")
    await expect(page.locator("#uptime-title + ul")).to_contain_text("100 %")
    await expect(page.locator("figure.chart svg circle")).to_have_count(1)
    await expect(page.locator("#detail-head")).to_contain_text("passing")  # refreshed too
    await ui.shot("06-test-detail-after-run")

    # A step's screenshot opens larger.
    shot = page.locator("a[data-enlarge]").last
    await shot.scroll_into_view_if_needed()
    await shot.click()
    large = page.locator("#shot-large")
    await expect(page.locator("#shot-dialog")).to_be_visible()
    await page.wait_for_function(
        "document.getElementById('shot-large').naturalWidth > 0", timeout=10_000
    )
    await ui.shot("07-step-screenshot-enlarged", full_page=False)
    await page.get_by_role("button", name="Close").click()
    await expect(large).to_be_hidden()

    # The dashboard counts it, and changes without a reload when another run completes.
    await page.get_by_role("link", name="Dashboard").click()
    await expect(page.locator("[data-count=passing]")).to_have_text("1")
    await expect(page.locator("table.runs")).to_contain_text("Demo login")
    async with _api(ui.base) as api:
        created = await api.post(
            "/api/tests",
            json={"name": "Missing text", "url": demo_site, "goal": "verify 'Nowhere to be seen'"},
        )
        assert created.status_code == 201
        ran = await api.post(f"/api/tests/{created.json()['id']}/run")
        assert ran.status_code == 200
    await expect(page.locator("[data-count=failing]")).to_have_text("1", timeout=15_000)
    await expect(page.locator("table.runs")).to_contain_text("Missing text")
    await ui.shot("08-dashboard-after-runs")

    # Tests table: schedule in words, status, uptime, the strip of runs.
    await page.get_by_role("link", name="Tests", exact=True).click()
    row = page.locator(f"tr[data-test-id='{test_id}']")
    await expect(row).to_contain_text("every 5 minutes")
    await expect(row).to_contain_text("active")
    await expect(row).to_contain_text("passed")
    await expect(row).to_contain_text("100 %")
    await expect(row.locator(".strip .bar.pass")).to_have_count(1)
    await ui.shot("09-tests-table")

    # Pause and resume from the table.
    await row.get_by_role("button", name="Pause").click()
    await expect(row).to_contain_text("paused")
    await row.get_by_role("button", name="Resume").click()
    await expect(row).to_contain_text("active")

    # Edit: a bad schedule is refused beside the field, then a good change saves.
    await row.get_by_role("link", name="Edit").click()
    await page.get_by_label("Schedule (cron)", exact=True).fill("61 * * * *")
    await page.get_by_role("button", name="Save changes").click()
    await expect(page.locator("#schedule-error")).to_contain_text("not a valid cron")
    await page.get_by_label("Name", exact=True).fill("Demo login (edited)")
    await page.get_by_label("Schedule (cron)", exact=True).fill("0 9 * * 1-5")
    await ui.shot("10-edit-form")
    await page.get_by_role("button", name="Save changes").click()
    await expect(page.get_by_text("Changes saved.")).to_be_visible()
    await expect(page.get_by_role("heading", name="Demo login (edited)")).to_be_visible()
    await expect(page.locator(".facts")).to_contain_text("at 09:00, Monday through Friday")

    # Delete, after a confirmation page.
    await page.get_by_role("link", name="Delete").click()
    await expect(page.get_by_text("It cannot be undone")).to_be_visible()
    await ui.shot("11-delete-confirm")
    await page.get_by_role("button", name="Delete this test").click()
    await expect(page.get_by_text("The test was deleted.")).to_be_visible()
    await expect(page.locator(f"tr[data-test-id='{test_id}']")).to_have_count(0)

    # Phone width: the pages still read.
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"{ui.base}/")
    await ui.shot("12-dashboard-phone")
    await page.goto(f"{ui.base}/tests")
    await ui.shot("13-tests-phone")

    # Log out: pages need logging in again.
    await page.set_viewport_size({"width": 1200, "height": 900})
    await page.get_by_role("button", name="Log out").click()
    await expect(page.get_by_text("You are logged out.")).to_be_visible()
    await page.goto(f"{ui.base}/tests")
    await expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    assert not ui.dialogs
    assert not [e for e in ui.console_errors if "Content Security Policy" in e]


async def test_run_test_page_runs_ad_hoc_and_stores_nothing(ui: UI, demo_site: str) -> None:
    page = ui.page
    await ui.login()
    await page.get_by_role("link", name="Run Test").click()
    await page.get_by_label("URL", exact=True).fill(demo_site)
    await page.get_by_label("Goal", exact=True).fill(
        "click 'Products', wait 3 seconds and verify the page shows 'Products'"
    )
    await expect(page.locator("#plan-preview .plan-step")).to_have_count(4)
    await page.get_by_role("button", name="Run it").click()
    # Live: the first steps are marked passed while the wait still runs, before the verdict.
    await expect(page.locator("#run-steps li.pass")).to_have_count(2, timeout=60_000)
    assert "Passed" not in await page.locator("#run-status").inner_text()
    await expect(page.locator("#run-status")).to_contain_text("Passed", timeout=60_000)
    await expect(page.locator("#run-steps li.pass")).to_have_count(4)
    await ui.shot("14-run-test-passed")
    # An unreadable goal: the preview suggests phrasings, the run explains the error.
    await page.get_by_label("Goal", exact=True).fill("click 'Products' and frobnicate the widget")
    await expect(page.locator("#plan-preview .unread")).to_contain_text("Closest phrasings")
    await page.get_by_label("URL", exact=True).fill("ftp://nope")
    await page.get_by_role("button", name="Run it").click()
    await expect(page.locator("#url-error")).to_contain_text("must start with http")
    await ui.shot("15-run-test-errors")
    async with _api(ui.base) as api:
        assert (await api.get("/api/tests")).json() == []
        assert (await api.get("/api/dashboard")).json()["recent"] == []
    assert not ui.dialogs


XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_TEXT = "<script>alert(2)</script>"


async def test_names_and_page_text_render_as_text(ui: UI, demo_site: str) -> None:
    """A test named like markup, and a goal (hence live events, step details, run details
    and incident text) holding a script tag, are shown as the characters they are; nothing
    executes. The run is started through the API, not the page: the open detail page follows
    it live all the same, as it would a scheduled run."""
    page = ui.page
    await ui.login()
    async with _api(ui.base) as api:
        created = await api.post(
            "/api/tests",
            json={
                "name": XSS_NAME,
                "url": demo_site,
                "goal": f'verify the page shows "{XSS_TEXT}"',
                "retries": 0,
            },
        )
        assert created.status_code == 201, created.text
        test_id = created.json()["id"]
        await page.goto(f"{ui.base}/tests/{test_id}")
        await expect(page.locator("#live")).to_have_attribute("data-live", "connected")
        ran = asyncio.create_task(api.post(f"/api/tests/{test_id}/run"))
        await expect(page.locator("#live-steps li").first).to_be_visible(timeout=30_000)
        await expect(page.locator("#live-status")).to_contain_text("Failed", timeout=60_000)
        await expect(page.locator("#live-steps")).to_contain_text(XSS_TEXT)
        assert (await ran).status_code == 200
        assert not (await ran).json()["result"]["passed"]
    await ui.shot("16-xss-detail-live")
    for path, name in [
        ("/", "17-xss-dashboard"),
        ("/tests", "18-xss-tests"),
        (f"/tests/{test_id}", "19-xss-detail"),
        (f"/tests/{test_id}/edit", "20-xss-edit"),
        (f"/tests/{test_id}/delete", None),
    ]:
        await page.goto(f"{ui.base}{path}")
        await expect(page.get_by_text(XSS_NAME).first).to_be_visible()
        assert await page.locator("img[src=x]").count() == 0, path
        if path in (f"/tests/{test_id}", f"/tests/{test_id}/edit"):
            await expect(page.locator("main")).to_contain_text(XSS_TEXT)
        if name:
            await ui.shot(name)
    # The goal preview renders the plan from the API with textContent, not markup.
    await page.goto(f"{ui.base}/tests/{test_id}/edit")
    await expect(page.locator("#plan-preview")).to_contain_text(XSS_TEXT)
    assert await page.locator("#plan-preview script").count() == 0
    await page.wait_for_timeout(300)
    assert ui.dialogs == []
    assert re.search(r"<script>", await page.locator("main").inner_text())
