// Test detail: the live view. An EventSource on /api/tests/{id}/live shows a run's steps as
// they happen, whether the run was started here ("Run now") or by the schedule; when the run
// is stored, the uptime, chart and history below are fetched again.
"use strict";

(() => {
  const { api, h, refreshRegions } = Vigil;
  const EVENT_TYPES = ["plan_start", "plan_complete", "browser_start", "step_start", "step_complete",
    "browser_complete", "eval_start", "eval_complete", "error"];

  function start() {
    const panel = document.getElementById("live");
    if (!panel) return;
    const testId = panel.dataset.testId;
    const status = document.getElementById("live-status");
    const list = document.getElementById("live-steps");
    const opened = Date.now();
    const seen = new Set();
    let runId = null;
    let finished = false;

    const stepItem = (n) => {
      let item = list.querySelector(`li[data-step="${n}"]`);
      if (!item) {
        item = h("li", { class: "step running", "data-step": n },
          h("span", { class: "mark", "aria-hidden": "true" }, "…"), h("span", { class: "live-text" }));
        list.append(item);
      }
      return item;
    };

    // The page itself, fetched again: its head (status, last run) and everything below.
    // One refresh at a time, and none once the run is in the history: the run's last event,
    // its stored record and the "Run now" answer all ask for one, and replacing the regions
    // again would only pull the page from under the reader.
    let refreshing = null;
    const hasRun = (run) => document.querySelector(`#detail tr[data-run-id="${CSS.escape(run)}"]`);
    const reloadDetail = async (run) => {
      while (refreshing) await refreshing;
      if (run && hasRun(run)) return;
      const url = `/tests/${encodeURIComponent(testId)}${run ? `?run=${encodeURIComponent(run)}` : ""}`;
      refreshing = refreshRegions(url, ["detail-head", "detail"]);
      try { await refreshing; } finally { refreshing = null; }
    };

    function onEvent(event) {
      if (event.lastEventId && seen.has(event.lastEventId)) return;
      if (event.lastEventId) seen.add(event.lastEventId);
      let data;
      try { data = JSON.parse(event.data); } catch (err) { return; }
      const type = data.type || event.type;
      // An old run replayed from the stream is history, not live.
      if (data.timestamp && Date.parse(data.timestamp) < opened - 120000) return;
      if (data.run_id && data.run_id !== runId) {
        if (type !== "plan_start" && runId !== null && !finished) return;  // stray of an older run
        runId = data.run_id;
        finished = false;
        list.replaceChildren();
      }
      panel.hidden = false;
      panel.classList.remove("done-pass", "done-fail");
      if (type === "step_start" || type === "step_complete") {
        const item = stepItem(data.step_number);
        item.querySelector(".live-text").textContent = data.message;
        if (type === "step_complete") {
          item.className = `step ${data.passed ? "pass" : "fail"}`;
          item.querySelector(".mark").textContent = data.passed ? "✓" : "✗";
        }
        status.textContent = `Running step ${data.step_number}…`;
      } else if (type === "eval_complete" || type === "error") {
        finished = true;
        const passed = type === "eval_complete" && data.passed;
        panel.classList.add(passed ? "done-pass" : "done-fail");
        status.textContent = `${type === "error" ? "Error" : passed ? "Passed" : "Failed"}: ${data.message}`;
        const run = runId;
        // The run is stored just after its last event: fetch the page's data again then.
        setTimeout(() => reloadDetail(run), 800);
        setTimeout(() => reloadDetail(run), 3000);
      } else {
        status.textContent = data.message;
      }
    }

    let source = null;
    function connect() {
      source = new EventSource(`/api/tests/${encodeURIComponent(testId)}/live`);
      source.addEventListener("message", onEvent);
      for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
      // data-live says whether the page is following the test (tests and curious users).
      source.addEventListener("open", () => { panel.dataset.live = "connected"; });
      source.addEventListener("error", () => { panel.dataset.live = "reconnecting"; });
      return new Promise((resolve) => {
        source.addEventListener("open", () => resolve(true), { once: true });
        source.addEventListener("error", () => resolve(false), { once: true });
      });
    }
    const connected = connect();
    window.addEventListener("pagehide", () => source?.close());

    // Delegated: the head region (with the button) is replaced after each run.
    document.addEventListener("submit", async (event) => {
      if (event.target.id !== "run-now-form") return;
      event.preventDefault();
      const button = document.getElementById("run-now");
      button.disabled = true;
      button.textContent = "Running…";
      // Listen first, so the run's first events are not missed.
      await Promise.race([connected, new Promise((r) => setTimeout(r, 2000))]);
      panel.hidden = false;
      status.textContent = "Starting…";
      const { ok, status: code, data } = await api("POST", `/api/tests/${encodeURIComponent(testId)}/run`);
      button.disabled = false;
      button.textContent = "Run now";
      if (!ok) {
        panel.classList.add("done-fail");
        status.textContent = code === 409 ? "A run of this test is already in progress." : data?.detail || "The run could not start.";
        return;
      }
      finished = true;
      if (!list.children.length) {
        // No live events arrived (the live stream is unavailable): show the stored result.
        status.textContent = `${data.result.passed ? "Passed" : "Failed"}: ${data.result.details}`;
      }
      await reloadDetail(data.run_id);
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
