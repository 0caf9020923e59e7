"""The Tests pages: the table, New/Edit form, detail, and the form actions (pause, resume,
run now, delete). Every state-changing form carries the CSRF value; the same actions are
also in the API, which the pages' JavaScript calls when it can."""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse

from vigil.api.deps import ServicesDep
from vigil.errors import Conflict, InvalidInput, NotFound, VigilError
from vigil.runs import execute_run
from vigil.scheduling import lifecycle
from vigil.web import data
from vigil.web.chart import build_chart
from vigil.web.forms import EXAMPLE_GOAL, TestForm
from vigil.web.render import PageRoute, render
from vigil.web.session import csrf_ok, read_form, require_session

router = APIRouter(
    route_class=PageRoute, include_in_schema=False, dependencies=[Depends(require_session)]
)

HISTORY_PAGE = 20
CHART_RUNS = 200
CSRF_ERROR = {
    "title": "This form has expired",
    "detail": "The form did not carry this session's security value (it may come from another "
    "site, or from before you logged in again). Go back, reload the page and try again.",
}
EXAMPLE = {"url": "https://example.com", "goal": EXAMPLE_GOAL}


def _not_found(request: Request, test_id: str) -> Response:
    return render(
        request,
        "error.html",
        {
            "title": "No such test",
            "detail": f"There is no test with id '{test_id}'. It may have been deleted.",
        },
        404,
    )


@router.get("/tests")
async def tests_page(request: Request, services: ServicesDep) -> Response:
    rows = await data.test_rows(services)
    return render(request, "tests.html", {"nav": "tests", "rows": rows, "example": EXAMPLE})


@router.get("/tests/new")
async def new_test_page(request: Request) -> Response:
    return render(
        request, "test_form.html", {"nav": "tests", "form": TestForm.blank(), "test": None}
    )


@router.post("/tests/new")
async def create_test(request: Request, services: ServicesDep) -> Response:
    posted = await read_form(request)
    form = TestForm.posted(posted)
    if not csrf_ok(request, posted.get("csrf")):
        return render(request, "error.html", CSRF_ERROR, 403)
    spec = form.to_create()
    if spec is not None:
        try:
            test = await lifecycle.create_test(services, spec)
        except VigilError as exc:
            form.fail(exc)
        else:
            return RedirectResponse(f"/tests/{test.id}?created=1", status_code=303)
    context = {"nav": "tests", "form": form, "test": None}
    return render(request, "test_form.html", context, 422)


@router.get("/tests/{test_id}/edit")
async def edit_test_page(request: Request, test_id: str, services: ServicesDep) -> Response:
    try:
        test = await data.get_check(services.redis, test_id)
    except NotFound:
        return _not_found(request, test_id)
    return render(
        request, "test_form.html", {"nav": "tests", "form": TestForm.of(test), "test": test}
    )


@router.post("/tests/{test_id}/edit")
async def edit_test(request: Request, test_id: str, services: ServicesDep) -> Response:
    posted = await read_form(request)
    form = TestForm.posted(posted)
    if not csrf_ok(request, posted.get("csrf")):
        return render(request, "error.html", CSRF_ERROR, 403)
    try:
        test = await data.get_check(services.redis, test_id)
    except NotFound:
        return _not_found(request, test_id)
    changes = form.to_update()
    if changes is not None:
        try:
            await lifecycle.update_test(services, test_id, changes)
        except VigilError as exc:
            form.fail(exc)
        else:
            return RedirectResponse(f"/tests/{test_id}?saved=1", status_code=303)
    return render(request, "test_form.html", {"nav": "tests", "form": form, "test": test}, 422)


@router.get("/tests/{test_id}/delete")
async def delete_confirm_page(request: Request, test_id: str, services: ServicesDep) -> Response:
    try:
        test = await data.get_check(services.redis, test_id)
    except NotFound:
        return _not_found(request, test_id)
    return render(request, "delete.html", {"nav": "tests", "test": test})


@router.post("/tests/{test_id}/delete")
async def delete_test(request: Request, test_id: str, services: ServicesDep) -> Response:
    posted = await read_form(request)
    if not csrf_ok(request, posted.get("csrf")):
        return render(request, "error.html", CSRF_ERROR, 403)
    # Deleted twice (two tabs) is the outcome the user asked for.
    with contextlib.suppress(NotFound):
        await lifecycle.delete_test(services, test_id)
    return RedirectResponse("/tests?deleted=1", status_code=303)


@router.post("/tests/{test_id}/{action}")
async def test_action(
    request: Request, test_id: str, action: str, services: ServicesDep
) -> Response:
    """Pause, resume, or run now (the last waits for the run: the page's JavaScript uses the
    API and the live view instead; this is the path without JavaScript)."""
    posted = await read_form(request)
    if not csrf_ok(request, posted.get("csrf")):
        return render(request, "error.html", CSRF_ERROR, 403)
    back = str(posted.get("back", "")) or f"/tests/{test_id}"
    if not back.startswith("/tests"):
        back = f"/tests/{test_id}"
    try:
        if action == "pause":
            await lifecycle.set_status(services, test_id, "paused")
        elif action == "resume":
            await lifecycle.set_status(services, test_id, "active")
        elif action == "run":
            outcome = await execute_run(services, test_id, "manual", alert_in_background=True)
            return RedirectResponse(f"/tests/{test_id}?run={outcome.run_id}", status_code=303)
        else:
            return _not_found(request, test_id)
    except NotFound:
        return _not_found(request, test_id)
    except Conflict as exc:
        return render(request, "error.html", {"title": "Already running", "detail": str(exc)}, 409)
    return RedirectResponse(back, status_code=303)


async def _detail_context(
    services: ServicesDep, test_id: str, before: str | None, run: str | None
) -> dict[str, Any]:
    test = await data.get_check(services.redis, test_id)
    history, next_cursor = await data.history(services, test_id, limit=HISTORY_PAGE, before=before)
    chart_runs, _ = await data.history(services, test_id, limit=CHART_RUNS, before=None)
    selected = None
    if run:
        selected = next((r for r in history if r.run_id == run), None)
        selected = selected or await data.run_of(services, test_id, run)
    elif history and before is None:
        selected = history[0]
    return {
        "nav": "tests",
        "test": test,
        "uptimes": [await data.uptime(services, test_id, w) for w in data.WINDOWS],
        "chart": build_chart(chart_runs[::-1]),
        "history": history,
        "next_cursor": next_cursor,
        "paged": before is not None,
        "selected": selected,
        "wanted_run": run,
        "incidents": await data.incidents(services, test_id),
    }


@router.get("/tests/{test_id}")
async def test_detail_page(
    request: Request,
    test_id: str,
    services: ServicesDep,
    before: str | None = None,
    run: str | None = None,
    created: bool = False,
    saved: bool = False,
) -> Response:
    try:
        context = await _detail_context(services, test_id, before, run)
    except NotFound:
        return _not_found(request, test_id)
    except InvalidInput as exc:  # a hand-edited `before`
        return render(request, "error.html", {"title": "Bad page link", "detail": str(exc)}, 422)
    context.update(created=created, saved=saved)
    return render(request, "test_detail.html", context)
