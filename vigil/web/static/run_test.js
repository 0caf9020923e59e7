// Run Test: an ad-hoc run through POST /api/run-test. The plan appears first (POST /api/plan),
// then each step's outcome and the verdict when the browser is done. Nothing is stored.
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
      const { ok, status: code, data } = await api("POST", "/api/run-test", { url, goal });
      button.disabled = false;
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
