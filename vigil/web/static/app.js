// Vigil dashboard: the little JavaScript every page shares. Hand-written, no build step, no
// library. Everything shown is built with textContent or is HTML the server rendered with
// autoescaping, so no text from a test, a goal or a website is ever parsed as markup here.
"use strict";

const Vigil = (() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || "";

  // A call to the JSON API with the session cookie; unsafe methods carry the CSRF header.
  async function api(method, url, body) {
    const headers = { Accept: "application/json" };
    if (method !== "GET") headers["X-CSRF-Token"] = csrf();
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(url, {
        method,
        headers,
        credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      return { ok: false, status: 0, data: { detail: "Vigil's server did not answer: is it still running?" } };
    }
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = { detail: `${response.status} ${response.statusText}` };
    }
    if (response.status === 401) data = { detail: "Your session has ended: reload the page to log in again." };
    return { ok: response.ok, status: response.status, data };
  }

  // h("li", {class: "step"}, "text", child): an element whose text is never parsed as HTML.
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function ago(iso) {
    const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
    if (seconds < 10) return "just now";
    if (seconds < 60) return `${seconds} s ago`;
    if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
    if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
    return `${Math.floor(seconds / 86400)} d ago`;
  }

  function updateTimes(root) {
    for (const el of (root || document).querySelectorAll("time.ago[datetime]")) {
      el.textContent = ago(el.getAttribute("datetime"));
    }
  }

  // Replace a server-rendered fragment (data-refresh="/partials/…") with a fresh copy.
  async function refresh(el, url) {
    const target = url || el.dataset.refresh;
    try {
      const response = await fetch(target, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (response.redirected || response.status === 401) return false;  // logged out
      if (!response.ok) return false;
      el.innerHTML = await response.text();  // autoescaped by the server's templates
      updateTimes(el);
      return true;
    } catch (err) {
      return false;
    }
  }

  // Fetch a whole page again and swap in the regions with these ids (the page's own
  // templates render them, so a refreshed region looks exactly like a loaded one).
  async function refreshRegions(url, ids) {
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (response.redirected || !response.ok) return false;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      for (const id of ids) {
        const current = document.getElementById(id);
        const replacement = fresh.getElementById(id);
        if (current && replacement) current.replaceWith(document.adoptNode(replacement));
      }
      updateTimes();
      return true;
    } catch (err) {
      return false;
    }
  }

  function pollFragments() {
    for (const el of document.querySelectorAll("[data-refresh][data-every]")) {
      const every = Number(el.dataset.every) || 5000;
      setInterval(() => {
        if (document.visibilityState === "visible") refresh(el);
      }, every);
    }
  }

  // "How Vigil reads your goal": the plan from POST /api/plan, shortly after typing stops.
  function goalPreview(textarea) {
    const box = document.getElementById(textarea.dataset.preview);
    if (!box) return;
    const urlField = document.getElementById(box.dataset.urlField || "url");
    let timer = null;
    let latest = 0;
    const show = (...nodes) => box.replaceChildren(...nodes);
    async function update() {
      const goal = textarea.value.trim();
      if (!goal) {
        show(h("p", { class: "muted" }, "Type a goal: the steps Vigil would take appear here, each beside the words it came from."));
        return;
      }
      let url = urlField ? urlField.value.trim() : "";
      const exampleUrl = !/^https?:\/\/[^/\s]+/i.test(url);
      if (exampleUrl) url = "https://example.com/";
      const ticket = ++latest;
      box.setAttribute("aria-busy", "true");
      const { ok, data } = await api("POST", "/api/plan", { url, goal });
      if (ticket !== latest) return;  // a newer keystroke's answer wins
      box.removeAttribute("aria-busy");
      if (!ok) {
        show(h("p", { class: "problem" }, data?.detail || "The goal could not be read."));
        return;
      }
      const steps = h("ol", { class: "plan" }, data.steps.map((step) =>
        h("li", { class: "plan-step" },
          h("span", { class: "plan-desc" }, step.description),
          step.source ? h("span", { class: "plan-source" }, " from ", h("q", {}, step.source)) : null)));
      const unread = data.unread.map((u) =>
        h("div", { class: "unread", role: "note" },
          h("p", {}, h("strong", {}, "Not understood: "), h("q", {}, u.clause)),
          u.suggestions.length
            ? h("p", { class: "muted" }, "Closest phrasings Vigil knows: ",
                u.suggestions.map((s, i) => [i ? ", " : "", h("code", {}, s)]))
            : null));
      const summary = data.unread.length
        ? h("p", { class: "problem" }, data.unread.length === 1
            ? "One part of the goal is not understood yet: a run would stop with an error."
            : `${data.unread.length} parts of the goal are not understood yet: a run would stop with an error.`)
        : h("p", { class: "ok-text" }, `Vigil reads this as ${data.steps.length} ${data.steps.length === 1 ? "step" : "steps"}.`);
      const note = exampleUrl
        ? h("p", { class: "hint" }, "The URL field is not a full http(s) address yet, so the first step opens an example address.")
        : null;
      show(...[summary, steps, note, ...unread].filter(Boolean));
    }
    const schedule = () => { clearTimeout(timer); timer = setTimeout(update, 400); };
    textarea.addEventListener("input", schedule);
    urlField?.addEventListener("change", schedule);
    if (textarea.value.trim()) update();
  }

  // "Run now" in the Tests table: run through the API, then show the new state.
  function runNowButtons() {
    for (const form of document.querySelectorAll("form[data-run-now]")) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const button = form.querySelector("button");
        const id = form.dataset.runNow;
        button.disabled = true;
        button.textContent = "Running…";
        const { ok, status, data } = await api("POST", `/api/tests/${encodeURIComponent(id)}/run`);
        if (ok) {
          window.location.reload();
          return;
        }
        button.disabled = false;
        button.textContent = "Run now";
        form.querySelector(".form-error")?.remove();
        form.append(h("p", { class: "field-error form-error", role: "alert" },
          status === 409 ? "A run is already in progress." : data?.detail || "The run could not start."));
      });
    }
  }

  // Step screenshots open larger in a dialog; without JavaScript the link opens the image.
  function screenshots() {
    const dialog = document.getElementById("shot-dialog");
    const large = document.getElementById("shot-large");
    if (!dialog || !large) return;
    document.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-enlarge]");
      if (!link) return;
      event.preventDefault();
      large.src = link.getAttribute("href");
      large.alt = link.querySelector("img")?.alt || "Screenshot";
      dialog.showModal();
    });
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
    });
  }

  function start() {
    updateTimes();
    setInterval(() => updateTimes(), 30000);
    pollFragments();
    for (const textarea of document.querySelectorAll("textarea[data-preview]")) goalPreview(textarea);
    runNowButtons();
    screenshots();
  }

  document.addEventListener("DOMContentLoaded", start);
  return { api, csrf, h, refresh, refreshRegions, updateTimes };
})();
