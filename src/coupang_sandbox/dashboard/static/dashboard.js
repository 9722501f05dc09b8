// The Coupang sandbox dashboard's script: no build step, no dependencies.
// Every action is a same-origin JSON fetch of a control route (/_sandbox/...), so it passes
// the same checks as any other control client. Data from the server is written with
// textContent only, never as HTML.
"use strict";

(function () {
  const tokenMeta = document.querySelector('meta[name="sandbox-admin-token"]');
  const token = tokenMeta ? tokenMeta.getAttribute("content") : null;

  function flash(text, ok) {
    const box = document.getElementById("flash");
    if (!box) return;
    box.textContent = text;
    box.className = ok ? "ok" : "error";
  }

  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    const init = { method: method, headers: headers, credentials: "same-origin" };
    if (token) headers.Authorization = "Bearer " + token;
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    let payload = null;
    try {
      payload = await response.json();
    } catch (e) {
      payload = null;
    }
    return { status: response.status, ok: response.ok, payload: payload };
  }

  function describe(result) {
    const p = result.payload || {};
    let text = "HTTP " + result.status + ": " + (p.message || "");
    if (Array.isArray(p.errors)) {
      text += " " + p.errors.map((e) => e.field + " (" + e.rule + ")").join(", ");
    }
    return text;
  }

  function typed(element) {
    const value = element.value;
    switch (element.dataset.type) {
      case "number":
        return Number(value);
      case "json":
        return JSON.parse(value);
      default:
        return value;
    }
  }

  // "items.0.vendorItemId" -> {"items": [{"vendorItemId": ...}]}
  function assign(target, name, value) {
    const parts = name.split(".");
    let node = target;
    parts.forEach(function (part, index) {
      const last = index === parts.length - 1;
      const key = /^\d+$/.test(part) ? Number(part) : part;
      if (last) {
        node[key] = value;
        return;
      }
      if (node[key] === undefined) node[key] = /^\d+$/.test(parts[index + 1]) ? [] : {};
      node = node[key];
    });
  }

  function formBody(form) {
    if (form.dataset.raw) return JSON.parse(form.elements[form.dataset.raw].value);
    const body = {};
    let any = false;
    Array.from(form.elements).forEach(function (element) {
      if (!element.name || element.value === "" || element.disabled) return;
      if (element.type === "checkbox") {
        assign(body, element.name, element.checked);
      } else {
        assign(body, element.name, typed(element));
      }
      any = true;
    });
    return any ? body : undefined;
  }

  async function submitAction(form) {
    let body;
    try {
      body = formBody(form);
    } catch (e) {
      flash("Not valid JSON: " + e.message, false);
      return;
    }
    const result = await call(form.dataset.method || "POST", form.dataset.path, body);
    if (!result.ok) {
      flash(describe(result), false);
      return;
    }
    flash("Done: " + form.dataset.method + " " + form.dataset.path, true);
    if (form.dataset.refresh) refreshPanel(form.dataset.refresh);
    if (form.hasAttribute("data-reload")) window.location.reload();
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("action")) return;
    event.preventDefault();
    submitAction(form);
  });

  // -- panels fed by control routes (request log, faults, snapshots) -----------------------

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function button(label, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function panelState(section, text) {
    const state = section.querySelector(".panel-state");
    if (state) {
      state.textContent = text;
      state.hidden = !text;
    }
  }

  async function load(section, query) {
    const result = await call("GET", section.dataset.source + (query || ""));
    if (result.status === 404) {
      panelState(section, "Not available: this sandbox does not serve " + section.dataset.source + " yet.");
      section.classList.add("unavailable");
      return null;
    }
    if (!result.ok || !result.payload) {
      panelState(section, describe(result));
      return null;
    }
    section.classList.remove("unavailable");
    panelState(section, "");
    return result.payload.data || {};
  }

  const renderers = {
    faults: async function (section) {
      const data = await load(section);
      if (!data) return;
      const tbody = section.querySelector("tbody");
      tbody.replaceChildren();
      (data.faults || []).forEach(function (fault) {
        const row = document.createElement("tr");
        cell(row, fault.id);
        cell(row, fault.kind);
        cell(row, fault.hits);
        const rest = Object.assign({}, fault);
        delete rest.id;
        delete rest.kind;
        delete rest.hits;
        cell(row, JSON.stringify(rest));
        cell(row, "").appendChild(
          button("Remove", async function () {
            const r = await call("DELETE", "/_sandbox/faults/" + encodeURIComponent(fault.id));
            flash(r.ok ? "Fault removed" : describe(r), r.ok);
            refreshPanel("faults");
          })
        );
        tbody.appendChild(row);
      });
      if (!(data.faults || []).length) panelState(section, "No fault rules.");
    },
    snapshots: async function (section) {
      const data = await load(section);
      if (!data) return;
      const tbody = section.querySelector("tbody");
      tbody.replaceChildren();
      (data.snapshots || []).forEach(function (snap) {
        const row = document.createElement("tr");
        cell(row, snap.name);
        cell(row, snap.createdAt);
        cell(row, typeof snap.clock === "object" ? JSON.stringify(snap.clock) : snap.clock);
        cell(row, "").appendChild(
          button("Restore", async function () {
            const path = "/_sandbox/snapshots/" + encodeURIComponent(snap.name) + "/restore";
            const r = await call("POST", path);
            flash(r.ok ? "Restored " + snap.name : describe(r), r.ok);
          })
        );
        tbody.appendChild(row);
      });
      if (!(data.snapshots || []).length) panelState(section, "No snapshots.");
    },
    requests: null,
  };

  // The request log: polls with ?since=<last seq>, keeps the newest MAX_ROWS rows on top.
  const MAX_ROWS = 500;
  const log = { last: null, timer: null, busy: false };

  function logQuery(section) {
    const form = section.querySelector("#request-filters");
    const params = new URLSearchParams();
    ["status", "vendor"].forEach(function (name) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    if (log.last !== null) params.set("since", String(log.last));
    params.set("limit", "200");
    return "?" + params.toString();
  }

  renderers.requests = async function (section) {
    if (log.busy) return;
    log.busy = true;
    try {
      const data = await load(section, logQuery(section));
      if (!data) return;
      const tbody = section.querySelector("tbody");
      (data.requests || []).forEach(function (r) {
        const row = document.createElement("tr");
        if (r.status >= 400) row.className = "failed";
        cell(row, r.seq);
        cell(row, r.time);
        cell(row, r.method);
        cell(row, r.path + (r.query ? "?" + r.query : ""));
        cell(row, r.vendorId);
        cell(row, r.status);
        cell(row, r.latencyMs);
        cell(row, (r.bytesIn || 0) + "/" + (r.bytesOut || 0));
        cell(row, r.field ? r.field + " (" + (r.rule || "") + ")" : "");
        cell(row, r.fault || "");
        tbody.insertBefore(row, tbody.firstChild);
      });
      while (tbody.children.length > MAX_ROWS) tbody.removeChild(tbody.lastChild);
      if (data.last !== undefined && data.last !== null) log.last = data.last;
    } finally {
      log.busy = false;
    }
  };

  function refreshPanel(name) {
    const section = document.querySelector('[data-panel="' + name + '"]');
    if (section && renderers[name]) renderers[name](section);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-panel]").forEach(function (section) {
      refreshPanel(section.dataset.panel);
    });
    const logSection = document.querySelector('[data-panel="requests"]');
    if (logSection) {
      const form = logSection.querySelector("#request-filters");
      form.addEventListener("change", function (event) {
        if (event.target.name === "live") return;
        log.last = null;
        logSection.querySelector("tbody").replaceChildren();
        refreshPanel("requests");
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
      });
      log.timer = window.setInterval(function () {
        if (form.elements.live.checked && !logSection.classList.contains("unavailable")) {
          refreshPanel("requests");
        }
      }, 1000);
    }
    const kind = document.getElementById("fault-kind");
    if (kind) {
      kind.addEventListener("change", function () {
        document.querySelector('#add-fault textarea[name="rule"]').value = JSON.stringify({ kind: kind.value });
      });
    }
  });
})();
