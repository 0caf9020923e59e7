"""Blind goals on MLflow's tracking UI (see Goal.blind): experiments, runs, the model registry.

Seeded by bench/realapps/sites/ml_tracking.py: experiments churn-model (1), demand-forecast (2)
and image-tagger (3) beside MLflow's Default (0); a deleted experiment and a deleted run;
registered models churn-classifier (three versions, aliases champion → 3, challenger → 2) and
demand-forecaster (production → 1). MLflow has no sign-in by default. The UI is a single-page
app on hash routes; the runs pages carry `workflowType=machine_learning`, the "Model training"
switch a user of classic ML runs leaves on (and bookmarks with the address).
"""

from __future__ import annotations

import asyncio
import re
import time

from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import shows
from bench.realapps.sites.ml_tracking import run_id

GOALS = GoalSet("mlflow", blind=True)
ML = "?workflowType=machine_learning"
EXPERIMENTS = "/#/experiments"
CHURN = f"/#/experiments/1{ML}"
DEMAND = f"/#/experiments/2{ML}"
MODELS = "/#/models"
SETTLE_S = 10.0


def run_page(name: str, experiment: int = 1) -> str:
    return f"/#/experiments/{experiment}/runs/{run_id(name)}{ML}"


_RUN_NAMES = """
() => [...document.querySelectorAll('.ag-row')]
  .map((row) => [Number(row.getAttribute('row-index')),
                 row.querySelector('[col-id="attributes.`Run Name`"] a')])
  .filter(([, a]) => a)
  .sort((x, y) => x[0] - y[0])
  .map(([, a]) => a.innerText.trim())
"""


async def _names(page: Page) -> list[str]:
    """The run names in the runs table, top to bottom, once the table has loaded."""
    await page.get_by_text(re.compile(r"\d+ matching runs?")).wait_for()
    return list(await page.evaluate(_RUN_NAMES))


async def _names_after(page: Page, before: list[str]) -> list[str]:
    """The run names once the table stops showing `before` (a search or a sort re-renders it)."""
    deadline = time.monotonic() + SETTLE_S
    names = await _names(page)
    while names == before and time.monotonic() < deadline:
        await asyncio.sleep(0.25)
        names = await _names(page)
    await asyncio.sleep(0.5)
    return await _names(page)


async def _matching(page: Page) -> int:
    text = await page.get_by_text(re.compile(r"\d+ matching runs?")).inner_text()
    return int(text.split()[0])


async def _search(page: Page, query: str) -> list[str]:
    before = await _names(page)
    box = page.get_by_placeholder("metrics.rmse < 1", exact=False)
    await box.fill(query)
    await box.press("Enter")
    return await _names_after(page, before)


async def _sort(page: Page, column: str, *, ascending: bool = False) -> list[str]:
    before = await _names(page)
    await page.get_by_role("button", name=re.compile(r"^Sort:")).click()
    await page.get_by_role("menuitemcheckbox", name=column, exact=True).click()
    if ascending:
        order = page.get_by_role("button", name="Sort ascending")
        if not await order.is_visible():
            await page.get_by_role("button", name=re.compile(r"^Sort:")).click()
        await order.click()
        await page.keyboard.press("Escape")
    return await _names_after(page, before)


async def _select(page: Page, *names: str) -> None:
    await _names(page)
    for name in names:
        row = page.locator(".ag-row", has=page.get_by_role("link", name=name, exact=True))
        await row.locator("input.ag-checkbox-input").check(force=True)


async def _delete(page: Page, name: str) -> list[str]:
    before = await _names(page)
    await _select(page, name)
    await page.get_by_role("button", name="Delete", exact=True).click()
    await page.get_by_role("dialog").get_by_role("button", name="Delete selected").click()
    return await _names_after(page, before)


async def _run_loaded(page: Page) -> None:
    await page.get_by_text("About this run").wait_for()


async def _kv(page: Page, section: str) -> dict[str, str]:
    """A run page's Metrics or Parameters table as {name: value}."""
    await _run_loaded(page)
    header = page.get_by_text(re.compile(rf"^{section} \(\d+\)$"))
    await header.wait_for()
    table = (
        page.locator("table, [role=table]")
        .filter(has=page.get_by_role("cell"))
        .filter(has_text=section[:-1])
    )
    out: dict[str, str] = {}
    for row in await table.first.get_by_role("row").all():
        cells = [c.strip() for c in await row.get_by_role("cell").all_inner_texts()]
        if len(cells) >= 2:
            out[cells[0]] = cells[1]
    return out


async def _run_tags(page: Page) -> list[str]:
    """The run page's tags as "key: value" chips (a chip's key and value are separate lines)."""
    await _run_loaded(page)
    section = page.locator("div", has=page.get_by_text("Tags", exact=True)).filter(
        has=page.get_by_role("button", name="Edit tags")
    )
    text = " ".join((await section.last.inner_text()).split()).replace(" : ", ": ")
    return re.findall(r"[\w.-]+: [\w.-]+", text)


async def _models_table(page: Page) -> list[str]:
    await page.get_by_text("Registered Models").first.wait_for()
    await page.get_by_role("row").nth(1).wait_for()
    return [" ".join(t.split()) for t in await page.get_by_role("row").all_inner_texts()]


async def _versions(page: Page) -> list[str]:
    await page.get_by_text("Versions", exact=True).wait_for()
    await page.get_by_role("row", name=re.compile("Version 1")).wait_for()
    return [
        " ".join(t.split())
        for t in await page.get_by_role("row").all_inner_texts()
        if t.strip().startswith("Version ")
    ]


# --- the experiments list -------------------------------------------------------------------


@GOALS.add(
    EXPERIMENTS,
    "The experiments list shows churn-model, demand-forecast and image-tagger",
    passes=True,
    family="collections",
)
async def e1(page: Page) -> bool:
    await page.get_by_role("link", name="churn-model").wait_for()
    links = [t.strip() for t in await page.get_by_role("link").all_inner_texts()]
    return all(n in links for n in ("churn-model", "demand-forecast", "image-tagger"))


@GOALS.add(
    EXPERIMENTS,
    "check that demand-forecast's description reads 'Daily units forecast per warehouse'",
    passes=True,
    family="scoped",
)
async def e2(page: Page) -> bool:
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="demand-forecast"))
    await row.wait_for()
    return "Daily units forecast per warehouse" in await row.inner_text()


@GOALS.add(
    EXPERIMENTS,
    "Make sure our scratch-notebook experiment is still in the Experiments list",
    passes=False,
    family="collections",
    trap="absent",
)
async def e3(page: Page) -> bool:
    await page.get_by_role("link", name="churn-model").wait_for()
    return await page.get_by_role("link", name="scratch-notebook").count() > 0


@GOALS.add(
    "/#/experiments/42",
    "Experiment 42 was removed; the page should say No Experiment with id=42 exists",
    passes=True,
    family="navigation",
)
async def e5(page: Page) -> bool:
    await page.get_by_text("Experiment load error").wait_for()
    return await shows(page, "No Experiment with id=42 exists")


# --- the runs table ---------------------------------------------------------------------


@GOALS.add(
    CHURN,
    "churn-model should have 7 runs",
    passes=False,
    family="collections",
    trap="off by one",
)
async def r1(page: Page) -> bool:
    await _names(page)
    return await _matching(page) == 7


@GOALS.add(
    CHURN,
    "Search runs for metrics.accuracy > 0.87 — expect exactly 2 matching runs, xgb-depth6 and "
    "xgb-tuned-final",
    passes=True,
    family="search-filter-sort",
)
async def r2(page: Page) -> bool:
    names = await _search(page, "metrics.accuracy > 0.87")
    return sorted(names) == ["xgb-depth6", "xgb-tuned-final"] and await _matching(page) == 2


@GOALS.add(
    CHURN,
    'filter the runs with params.model = "xgboost" and check that 4 runs come back',
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def r3(page: Page) -> bool:
    names = await _search(page, 'params.model = "xgboost"')
    return len(names) == 4 and await _matching(page) == 4


@GOALS.add(
    CHURN,
    "Sort the runs by accuracy, highest first. The top run should be xgb-tuned-final.",
    passes=True,
    family="search-filter-sort",
)
async def r4(page: Page) -> bool:
    names = await _sort(page, "accuracy")
    return names[:1] == ["xgb-tuned-final"]


@GOALS.add(
    CHURN,
    "I want to see the weakest model first: sort by auc ascending and rf-500-trees should be "
    "at the top of the list",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def r5(page: Page) -> bool:
    names = await _sort(page, "auc", ascending=True)
    return names[:1] == ["rf-500-trees"]


@GOALS.add(
    DEMAND,
    "lstm-64units has the lowest mape. Sort by mape, lowest first, and it's first in the table",
    passes=True,
    family="search-filter-sort",
)
async def r6(page: Page) -> bool:
    names = await _sort(page, "mape", ascending=True)
    return names[:1] == ["lstm-64units"]


@GOALS.add(
    DEMAND,
    "demand-forecast runs should include xgboost-daily",
    passes=False,
    family="collections",
    trap="hidden",
)
async def r7(page: Page) -> bool:
    return "xgboost-daily" in await _names(page)


@GOALS.add(
    CHURN,
    "Click xgb-depth8 and check its max_depth parameter is 8",
    passes=True,
    family="navigation",
)
async def r8(page: Page) -> bool:
    await _names(page)
    await page.get_by_role("link", name="xgb-depth8", exact=True).click()
    params = await _kv(page, "Parameters")
    return params.get("max_depth") == "8"


@GOALS.add(
    CHURN,
    "1. Select the runs xgb-depth6 and xgb-tuned-final\n2. Click Compare\n"
    "3. Check max_depth is 6 for xgb-depth6 and 7 for xgb-tuned-final",
    passes=True,
    family="compound",
)
async def r9(page: Page) -> bool:
    return await _compared(page, "max_depth") == ("6", "7")


@GOALS.add(
    CHURN,
    "compare xgb-depth6 with xgb-tuned-final; in the comparison, xgb-depth6's learning_rate "
    "should be 0.08",
    passes=False,
    family="compound",
    trap="other row",
)
async def r10(page: Page) -> bool:
    return (await _compared(page, "learning_rate"))[0] == "0.08"


async def _compared(page: Page, param: str) -> tuple[str, str]:
    """Compare xgb-depth6 and xgb-tuned-final; `param` for each, in the page's column order."""
    await _select(page, "xgb-depth6", "xgb-tuned-final")
    await page.get_by_role("button", name="Compare", exact=True).click()
    await page.get_by_text("Comparing 2 Runs").wait_for()
    names = page.get_by_role("row").filter(has_text="Run Name:")
    order = [t.strip() for t in (await names.first.inner_text()).split("\n") if t.strip()]
    row = page.get_by_role("row").filter(has=page.get_by_text(param, exact=True)).last
    values = [c.strip() for c in await row.get_by_role("cell").all_inner_texts()][-2:]
    by_run = dict(zip(order[-2:], values, strict=True))
    return by_run.get("xgb-depth6", ""), by_run.get("xgb-tuned-final", "")


@GOALS.add(
    CHURN,
    "Delete run lgbm-oom. After that the runs list should not show it anymore and should say "
    "5 matching runs",
    passes=True,
    family="compound",
)
async def r11(page: Page) -> bool:
    names = await _delete(page, "lgbm-oom")
    return "lgbm-oom" not in names and await _matching(page) == 5


@GOALS.add(
    CHURN,
    "delete the xgb-tuned-final run, then go to Model registry > churn-classifier: Version 3 "
    "should be gone from the versions",
    passes=False,
    family="compound",
    trap="still there",
)
async def r12(page: Page) -> bool:
    names = await _delete(page, "xgb-tuned-final")
    if "xgb-tuned-final" in names:
        return False
    await page.get_by_role("link", name="Model registry").click()
    await page.get_by_text("Registered Models").first.wait_for()
    # MLflow announces its new registry UI in a dialog over the list a moment after it opens.
    promo = page.get_by_role("dialog").filter(has_text="new Model Registry UI")
    try:
        await promo.wait_for(timeout=5000)
        await promo.get_by_role("button", name="Close").click()
    except PlaywrightTimeout:
        pass
    await page.get_by_role("link", name="churn-classifier", exact=True).last.click()
    versions = await _versions(page)
    return not any(v.startswith("Version 3") for v in versions)


# --- a run's page ------------------------------------------------------------------------


@GOALS.add(
    run_page("xgb-tuned-final"),
    "accuracy metric should be 0.881",
    passes=True,
    family="claims",
)
async def p1(page: Page) -> bool:
    return (await _kv(page, "Metrics")).get("accuracy") == "0.881"


@GOALS.add(
    run_page("xgb-depth8"),
    "Verify that this run's accuracy is 0.874",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def p2(page: Page) -> bool:
    return (await _kv(page, "Metrics")).get("accuracy") == "0.874"


@GOALS.add(
    run_page("baseline-logreg"),
    "Status is Finished and the owner tag says priya",
    passes=True,
    family="claims",
)
async def p3(page: Page) -> bool:
    await _run_loaded(page)
    status = page.get_by_test_id("key-value-Status")
    finished = "Finished" in await status.inner_text()
    return finished and "owner: priya" in await _run_tags(page)


@GOALS.add(
    run_page("baseline-logreg"),
    "check the release tag on this run is q4",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def p4(page: Page) -> bool:
    return "release: q4" in await _run_tags(page)


@GOALS.add(
    run_page("vit-small", 3),
    "Parameters: backbone = vit_small, batch_size = 32",
    passes=True,
    family="scoped",
)
async def p5(page: Page) -> bool:
    params = await _kv(page, "Parameters")
    return params.get("backbone") == "vit_small" and params.get("batch_size") == "32"


@GOALS.add(
    run_page("resnet50-finetune", 3),
    "resnet50-finetune's val_accuracy should read 0.62",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def p6(page: Page) -> bool:
    return (await _kv(page, "Metrics")).get("val_accuracy") == "0.62"


@GOALS.add(
    run_page("rf-500-trees"),
    "Rename this run to rf-500-trees-v2 (the ⋮ menu next to the title, Rename) and check the "
    "page title now says rf-500-trees-v2",
    passes=True,
    family="compound",
)
async def p7(page: Page) -> bool:
    await _run_loaded(page)
    await page.get_by_role("button", name="Open header dropdown menu").click()
    await page.get_by_role("menuitem", name="Rename").click()
    dialog = page.get_by_role("dialog")
    await dialog.locator("input").fill("rf-500-trees-v2")
    await dialog.get_by_role("button", name="Save").click()
    heading = page.get_by_role("heading", name="rf-500-trees-v2", exact=True)
    await heading.wait_for()
    return await heading.is_visible()


@GOALS.add(
    run_page("xgb-depth6"),
    "Add a tag reviewed with value yes to the run. Once saved, Tags should list reviewed: yes",
    passes=True,
    family="compound",
)
async def p8(page: Page) -> bool:
    await _run_loaded(page)
    await page.get_by_role("button", name="Edit tags").click()
    dialog = page.get_by_role("dialog", name="Add/Edit tags")
    key = dialog.get_by_role("combobox").first
    await key.click()
    await page.keyboard.type("reviewed")
    await page.keyboard.press("Enter")
    await dialog.get_by_placeholder("Type a value").fill("yes")
    await dialog.get_by_role("button", name="Add tag").click()
    await dialog.get_by_role("button", name="Save tags").click()
    await dialog.wait_for(state="hidden")
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        if "reviewed: yes" in await _run_tags(page):
            return True
        await asyncio.sleep(0.25)
    return False


@GOALS.add(
    "/#/experiments/1/runs/5f3c1a2b9d8e4f60a1b2c3d4e5f60718" + ML,
    "The run page shows Status Finished",
    passes=False,
    family="claims",
    trap="absent",
)
async def p9(page: Page) -> bool:
    await page.get_by_text(re.compile("does not exist|About this run")).first.wait_for()
    return await shows(page, "About this run") and await shows(page, "Finished")


# --- the model registry ------------------------------------------------------------------


@GOALS.add(
    MODELS,
    "Model registry: churn-classifier's latest version is Version 3",
    passes=True,
    family="scoped",
)
async def m1(page: Page) -> bool:
    rows = await _models_table(page)
    return any(r.startswith("churn-classifier Version 3") for r in rows)


@GOALS.add(
    "/#/models/churn-classifier",
    "The champion alias is on Version 3",
    passes=True,
    family="scoped",
)
async def m2(page: Page) -> bool:
    return any(v.startswith("Version 3") and "@ champion" in v for v in await _versions(page))


@GOALS.add(
    "/#/models/churn-classifier",
    "champion should point at version 2",
    passes=False,
    family="scoped",
    trap="other row",
)
async def m3(page: Page) -> bool:
    return any(v.startswith("Version 2") and "@ champion" in v for v in await _versions(page))


@GOALS.add(
    "/#/models/churn-classifier/versions/2",
    "Version 2's source run is xgb-depth6 and it carries the @challenger alias",
    passes=True,
    family="claims",
)
async def m5(page: Page) -> bool:
    await page.get_by_text("Source Run").wait_for()
    source = page.get_by_role("link", name="xgb-depth6", exact=True)
    return await source.count() > 0 and await shows(page, "@ challenger")


@GOALS.add(
    "/#/models/demand-forecaster",
    "check that the champion alias is listed for this model",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def m6(page: Page) -> bool:
    await _versions(page)
    return await shows(page, "champion")


@GOALS.add(
    MODELS,
    "demand-forecaster has a production alias that points to Version 1",
    passes=True,
    family="scoped",
)
async def m7(page: Page) -> bool:
    rows = await _models_table(page)
    row = next((r for r in rows if r.startswith("demand-forecaster")), "")
    return "@ production : Version 1" in row or "@ production: Version 1" in row
