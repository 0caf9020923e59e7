// Run Test: an ad-hoc run through POST /api/run-test/stream. The plan appears first (POST
// /api/plan), then each step is marked live as the browser does it, then the verdict with the
// details of every step. Nothing is stored.
"use strict";

(() => {
  const { api, h } = Vigil;

  function fieldProblems(form, lines) {
    const general = [];
    for (const name of ["url", "goal"]) {
      const el = document.getElementById(`${name}-error`);
      el.hidden = true;
      el.textContent = "";
      form.querySelector(`#${name}`).removeAttribute("aria-invalid");
    }
    for (const line of lines) {
      const [name, ...rest] = line.split(": ");
      const el = document.getElementById(`${name}-error`);
      if (el && rest.length) {
        el.textContent = rest.join(": ");
        el.hidden = false;
        form.querySelector(`#${name}`).setAttribute("aria-invalid", "true");
      } else {
        general.push(line);
      }
    }
    return general;
  }

  // Marks a planned step as running, passed or failed as the server's events arrive.
  function showProgress(list, status, event) {
    if (event.step_number == null) {
      if (event.type === "browser_start" || event.type === "eval_start") status.textContent = event.message;
      return;
    }
    const item = list.querySelector(`[data-step="${event.step_number}"]`);
    if (!item) return;
    const mark = item.querySelector(".mark");
    if (event.type === "step_start") {
      item.className = "step running";
      mark.textContent = "▶";
    } else if (event.type === "step_complete") {
      item.className = `step ${event.passed ? "pass" : "fail"}`;
      mark.textContent = event.passed ? "✓" : "✗";
      item.querySelector(".live-text").append(h("span", { class: "muted" }, ` ${event.message}`));
    }
  }

  // POST /api/run-test/stream: Server-Sent Events read from a fetch body (EventSource can only
  // GET). Calls onEvent for each progress frame and resolves with the closing frame as
  // { ok, status, data }, the shape Vigil.api gives.
  async function runStreaming(url, goal, onEvent) {
    let response;
    try {
      response = await fetch("/api/run-test/stream", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream", "X-CSRF-Token": Vigil.csrf() },
        body: JSON.stringify({ url, goal }),
      });
    } catch (err) {
      return { ok: false, status: 0, data: { detail: "Vigil's server did not answer: is it still running?" } };
    }
    if (!response.ok) {
      let data = null;
      try { data = await response.json(); } catch (err) { data = { detail: response.statusText }; }
      return { ok: false, status: response.status, data };
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let name = "message";
        const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) name = line.slice(7);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        if (!data.length) continue;
        const payload = JSON.parse(data.join("\n"));
        if (name === "progress") onEvent(payload);
        else if (name === "result") return { ok: true, status: 200, data: payload };
        else if (name === "failure") return { ok: false, status: payload.status, data: payload };
      }
    }
    return { ok: false, status: 0, data: { detail: "The run's stream ended before its verdict." } };
  }

  function start() {
    const form = document.getElementById("run-test-form");
    if (!form) return;
    const section = document.getElementById("run-result");
    const status = document.getElementById("run-status");
    const list = document.getElementById("run-steps");
    const button = document.getElementById("run-test-button");

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const url = form.url.value.trim();
      const goal = form.goal.value.trim();
      section.hidden = false;
      section.classList.remove("done-pass", "done-fail");
      list.replaceChildren();
      status.textContent = "Reading the goal…";
      const planned = await api("POST", "/api/plan", { url, goal });
      if (!planned.ok) {
        const general = fieldProblems(form, planned.data?.errors || [planned.data?.detail || "The goal could not be read."]);
        status.textContent = general.join("; ") || "Fix the fields marked above.";
        section.classList.add("done-fail");
        return;
      }
      fieldProblems(form, []);
      for (const step of planned.data.steps) {
        list.append(h("li", { class: "step running", "data-step": step.step_number },
          h("span", { class: "mark", "aria-hidden": "true" }, "…"),
          h("span", { class: "live-text" }, `Step ${step.step_number}: ${step.description}`)));
      }
      status.textContent = `Running ${planned.data.steps.length} step(s) in Chromium…`;
      button.disabled = true;
      const outcome = await runStreaming(url, goal, (event) => showProgress(list, status, event));
      button.disabled = false;
      const { ok, status: code, data } = outcome;
      if (!ok && data?.errors) {
        section.classList.add("done-fail");
        status.textContent = fieldProblems(form, data.errors).join("; ") || "Fix the fields marked above.";
        return;
      }
      if (!ok) {
        section.classList.add("done-fail");
        const why = code === 503
          ? "Chromium could not start on the server (install it, or set VIGIL_CHROMIUM_PATH): "
          : code === 504 ? "The run timed out: " : "";
        status.textContent = why + (data?.detail || "The run failed to start.");
        return;
      }
      list.replaceChildren();
      const byNumber = new Map(data.plan.steps.map((s) => [s.step_number, s]));
      for (const r of data.browser_result.steps) {
        const planStep = byNumber.get(r.step_number);
        list.append(h("li", { class: `step ${r.passed ? "pass" : "fail"}` },
          h("span", { class: "mark", "aria-hidden": "true" }, r.passed ? "✓" : "✗"),
          h("span", { class: "live-text" },
            h("strong", {}, `Step ${r.step_number}: ${planStep ? planStep.description : r.details}`),
            h("span", { class: "muted" }, ` ${r.details} · ${r.duration_ms} ms`),
            r.error ? h("p", { class: "step-error" }, r.error) : null)));
      }
      section.classList.add(data.result.passed ? "done-pass" : "done-fail");
      status.textContent = `${data.result.passed ? "Passed" : "Failed"}: ${data.result.details} (${data.result.duration_ms} ms)`;
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
