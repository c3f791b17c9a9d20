// The classroom page: controls generated from the server's description of a scenario (which
// comes from the scenario schema), a run driven through the JSON API, and fan charts (uPlot) that
// receive each month as a Server-Sent Event. Every setting is sent as the command line's
// --set KEY=VALUE overrides, so the server validates it exactly as `creditstress run` would.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const SETTINGS = ["A", "B"];
  const MAX_SPEED_STEP = 31; // the speed slider's last step: as fast as the machine goes

  const page = {
    desc: null,        // the scenario as /api/scenario describes it
    session: null,     // the run set up, as /api/setup returned it
    events: null,      // its EventSource
    dirty: true,       // a control changed since the last Setup
    values: { A: {}, B: {} },   // control key -> value as text, per setting
    policies: { A: {}, B: {} }, // policy kind -> {on, month, value, months}
    shared: {},        // the run group's values (borrowers, replications, seed), both settings
    series: { A: {}, B: {} },   // metric -> {p5: [], p50: [], p95: []}, index month - 1
    charts: {},        // chart id -> {plot, metric(lender) -> name}
    state: "none",
  };

  // ---- talking to the server ----

  async function api(path, body) {
    const init = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    };
    const response = await fetch(path, init);
    let json;
    try {
      json = await response.json();
    } catch (e) {
      json = { errors: ["error: the server answered " + response.status] };
    }
    if (!response.ok) {
      throw json;
    }
    return json;
  }

  function showErrors(failure) {
    const list = $("errors");
    list.replaceChildren();
    if (!failure) {
      return;
    }
    const lines = failure.errors || ["internal error: " + failure];
    for (const line of lines) {
      const li = document.createElement("li");
      li.textContent = (failure.setting ? "Setting " + failure.setting + ": " : "") + line;
      list.appendChild(li);
    }
  }

  // ---- controls, from the schema ----

  function asText(v) {
    return v === null || v === undefined ? "" : String(v);
  }

  function formatValue(control, text) {
    if (control.type === "boolean") {
      return text === "true" ? "on" : "off";
    }
    if ((control.type !== "number" && control.type !== "integer") || control.from === undefined) {
      return text;
    }
    const x = Number(text);
    if (control.unit === "share" || control.unit === "per year") {
      return (x * 100).toFixed(1).replace(/\.0$/, "") + " %" + (control.unit === "per year" ? " a year" : "");
    }
    return x.toLocaleString("en") + (control.unit ? " " + control.unit : "");
  }

  function meta(control) {
    const bits = [];
    if (control.unit) {
      bits.push(control.unit);
    }
    if (control.range) {
      bits.push("schema range " + control.range);
    }
    return bits.join(" · ");
  }

  function makeControl(control, setting, store, onChange) {
    const div = document.createElement("div");
    div.className = "control";
    div.dataset.key = control.key || "";
    div.title = control.doc || "";
    const top = document.createElement("div");
    top.className = "top";
    const label = document.createElement("label");
    label.textContent = control.label;
    const value = document.createElement("span");
    value.className = "value";
    top.append(label, value);
    div.appendChild(top);
    let input;
    const id = "c-" + setting + "-" + (control.key || control.label).replace(/[^A-Za-z0-9]/g, "_");
    const start = asText(control.value);
    if (control.type === "boolean") {
      input = document.createElement("input");
      input.type = "checkbox";
      input.checked = start === "true";
      label.prepend(input);
    } else if (control.type === "choice") {
      input = document.createElement("select");
      for (const c of control.choices) {
        const o = document.createElement("option");
        o.value = c;
        o.textContent = c;
        input.appendChild(o);
      }
      input.value = start;
      div.appendChild(input);
    } else if ((control.type === "number" || control.type === "integer") && control.from !== undefined) {
      input = document.createElement("input");
      input.type = "range";
      const v = Number(start);
      input.min = String(Math.min(control.from, v));
      input.max = String(Math.max(control.to, v));
      input.step = String(control.step);
      input.value = start;
      div.appendChild(input);
    } else {
      input = document.createElement("input");
      input.type = "text";
      input.inputMode = "numeric";
      input.value = start;
      div.appendChild(input);
    }
    input.id = id;
    input.setAttribute("aria-label", control.label + (SETTINGS.includes(setting) ? " (" + setting + ")" : ""));
    label.htmlFor = id;
    const m = document.createElement("div");
    m.className = "meta";
    m.textContent = meta(control);
    div.appendChild(m);
    // A slider snaps a value that is off its step grid (0.052 on steps of 0.005); until it is moved,
    // the control keeps the scenario's exact value, so an untouched control sends no override.
    let moved = false;
    const read = () => (input.type === "checkbox" ? String(input.checked) : moved || input.type !== "range" ? input.value : start);
    input.addEventListener("input", () => { moved = true; });
    const show = () => {
      const text = read();
      store[control.key] = text;
      value.textContent = formatValue(control, text);
      value.classList.toggle("changed", control.scenarioValue !== undefined && text !== asText(control.scenarioValue));
    };
    input.addEventListener("input", () => { show(); onChange(); });
    input.addEventListener("change", () => { show(); onChange(); });
    show();
    return div;
  }

  function makePolicy(policy, setting) {
    const store = page.policies[setting];
    const p = { on: false };
    store[policy.kind] = p;
    const div = document.createElement("div");
    div.className = "policy";
    div.title = policy.meaning;
    const head = document.createElement("label");
    const on = document.createElement("input");
    on.type = "checkbox";
    on.id = "p-" + setting + "-" + policy.kind;
    on.setAttribute("aria-label", policy.label + " (" + setting + ")");
    head.append(on, document.createTextNode(" " + policy.label));
    div.appendChild(head);
    const fields = document.createElement("div");
    fields.className = "fields hidden";
    const values = {};
    for (const name of ["month", "value", "months"]) {
      const f = policy[name];
      if (!f) {
        continue;
      }
      const c = Object.assign({}, f, { key: name });
      fields.appendChild(makeControl(c, setting + "-" + policy.kind, values, changed));
    }
    div.appendChild(fields);
    const sync = () => {
      p.on = on.checked;
      p.values = values;
      fields.classList.toggle("hidden", !on.checked);
    };
    on.addEventListener("change", () => { sync(); changed(); });
    sync();
    return div;
  }

  function buildControls() {
    const desc = page.desc;
    $("run-group").replaceChildren();
    const runHead = document.createElement("h3");
    runHead.textContent = "The run (both settings)";
    $("run-group").appendChild(runHead);
    page.shared = {};
    for (const c of desc.controls.filter((c) => c.group === "The run")) {
      $("run-group").appendChild(makeControl(c, "run", page.shared, changed));
    }
    for (const setting of SETTINGS) {
      const box = $("setting-" + setting);
      box.querySelectorAll(".group").forEach((g) => g.remove());
      page.values[setting] = {};
      page.policies[setting] = {};
      const groups = {};
      for (const c of desc.controls.filter((c) => c.group !== "The run")) {
        if (!groups[c.group]) {
          groups[c.group] = document.createElement("div");
          groups[c.group].className = "group";
          const h = document.createElement("h3");
          h.textContent = c.group;
          groups[c.group].appendChild(h);
          box.appendChild(groups[c.group]);
        }
        groups[c.group].appendChild(makeControl(c, setting, page.values[setting], changed));
      }
      const pol = document.createElement("div");
      pol.className = "group";
      const h = document.createElement("h3");
      h.textContent = "Policies";
      pol.appendChild(h);
      if (desc.policyEvents.length > 0) {
        const own = document.createElement("p");
        own.className = "muted";
        own.textContent = "The scenario's own: " + desc.policyEvents.map((e) => e.kind + " from month " + e.month).join(", ");
        pol.appendChild(own);
      }
      for (const p of desc.policies) {
        pol.appendChild(makePolicy(p, setting));
      }
      box.appendChild(pol);
    }
    const lender = $("lender");
    lender.replaceChildren();
    for (const l of desc.lenders) {
      const o = document.createElement("option");
      o.value = l;
      o.textContent = l;
      lender.appendChild(o);
    }
    const follow = $("follow");
    follow.replaceChildren();
    for (const p of desc.picks.concat(["a borrower number"])) {
      const o = document.createElement("option");
      o.value = p;
      o.textContent = p.replace(/-/g, " ");
      follow.appendChild(o);
    }
    follow.value = desc.follow;
    applyRequirements();
  }

  /** A control that only matters when another has a value (the downturn's keys need shape: downturn). */
  function applyRequirements() {
    for (const setting of SETTINGS) {
      for (const c of page.desc.controls) {
        if (!c.requires) {
          continue;
        }
        const div = $("setting-" + setting).querySelector('.control[data-key="' + c.key + '"]');
        if (div) {
          div.classList.toggle("disabled", page.values[setting][c.requires] !== c.requiredValue);
        }
      }
    }
  }

  function changed() {
    page.dirty = true;
    applyRequirements();
    if (page.session) {
      setStatus(page.state, "settings changed: Setup (or Run) starts again with them");
    }
  }

  /** A setting's --set overrides: the run group and every control that differs from the scenario, then policies. */
  function overrides(setting) {
    const out = [];
    const controls = page.desc.controls;
    for (const c of controls) {
      const value = c.group === "The run" ? page.shared[c.key] : page.values[setting][c.key];
      if (value !== undefined && value !== asText(c.scenarioValue)) {
        out.push(c.key + "=" + value);
      }
    }
    const added = [];
    for (const p of page.desc.policies) {
      const chosen = page.policies[setting][p.kind];
      if (!chosen || !chosen.on) {
        continue;
      }
      const event = { month: Number(chosen.values.month), kind: p.kind };
      if (p.value) {
        event.value = Number(chosen.values.value);
      }
      if (p.months) {
        event.months = Number(chosen.values.months);
      }
      added.push(event);
    }
    if (added.length > 0) {
      out.push("policy_events=" + JSON.stringify(page.desc.policyEvents.concat(added)));
    }
    return out;
  }

  function follow() {
    const f = $("follow").value;
    return f === "a borrower number" ? String($("follow-number").value) : f;
  }

  function speed() {
    const s = Number($("speed").value);
    return s >= MAX_SPEED_STEP ? 0 : s;
  }

  // ---- charts ----

  const CHARTS = [
    { id: "unemployment", title: "Unemployment rate", metric: () => "unemployment_rate", percent: true },
    { id: "m1plus", title: "Overdue: M1+ ratio", metric: () => "m1plus_ratio", percent: true },
    { id: "m3plus", title: "Overdue: M3+ ratio", metric: () => "m3plus_ratio", percent: true },
    { id: "loss", title: "Cumulative loss rate", metric: () => "loss_rate_cumulative", percent: true },
    { id: "capital", title: "Capital ratio of ", metric: (l) => "lender." + l + ".capital_ratio", percent: true, lender: true },
    { id: "cash", title: "Cash of ", metric: (l) => "lender." + l + ".cash", percent: false, lender: true },
  ];

  function axisValues(percent) {
    const yuan = (t) => Math.abs(t) >= 1e6 ? (t / 1e6).toFixed(Math.abs(t) < 1e7 ? 1 : 0) + " m"
      : Math.abs(t) >= 1e3 ? (t / 1e3).toFixed(0) + " k" : t.toFixed(0);
    return (u, ticks) => ticks.map((t) => percent ? (t * 100).toFixed(Math.abs(t) < 0.1 ? 1 : 0) + " %" : yuan(t));
  }

  function buildCharts() {
    const grid = $("chart-grid");
    for (const c of Object.values(page.charts)) {
      c.plot.destroy();
    }
    grid.replaceChildren();
    page.charts = {};
    const months = page.session ? page.session.months : page.desc.months;
    const width = Math.max(300, Math.floor(grid.clientWidth / Math.max(1, Math.floor(grid.clientWidth / 340))) - 12);
    const a = getComputedStyle(document.documentElement);
    const colour = (v) => a.getPropertyValue(v).trim();
    for (const c of CHARTS) {
      const box = document.createElement("div");
      box.className = "chart";
      box.id = "chart-" + c.id;
      const h = document.createElement("h4");
      h.textContent = c.title + (c.lender ? $("lender").value : "");
      const unit = document.createElement("span");
      unit.className = "unit";
      unit.textContent = c.percent ? "  %" : "  yuan";
      h.appendChild(unit);
      box.appendChild(h);
      grid.appendChild(box);
      const band = (label, stroke) => ({ label: label, stroke: stroke, width: 1, dash: [3, 3], points: { show: false } });
      const opts = {
        width: width,
        height: 200,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false, range: [1, months] } },
        axes: [
          { label: "month", size: 36 },
          { values: axisValues(c.percent), size: 56 },
        ],
        series: [
          {},
          band("A 5 %", colour("--a")), { label: "A median", stroke: colour("--a"), width: 2, points: { show: false } },
          band("A 95 %", colour("--a")),
          band("B 5 %", colour("--b")), { label: "B median", stroke: colour("--b"), width: 2, points: { show: false } },
          band("B 95 %", colour("--b")),
        ],
        bands: [
          { series: [3, 1], fill: colour("--a-band") },
          { series: [6, 4], fill: colour("--b-band") },
        ],
      };
      page.charts[c.id] = { def: c, plot: new uPlot(opts, [[], [], [], [], [], [], []], box), title: h };
    }
  }

  /** Sets each chart's data from the series received so far (months as x; a month not yet received is a gap). */
  function redraw() {
    const lender = $("lender").value;
    let months = 0;
    for (const setting of SETTINGS) {
      for (const s of Object.values(page.series[setting])) {
        months = Math.max(months, s.p50.length);
      }
    }
    const xs = Array.from({ length: months }, (_, i) => i + 1);
    for (const chart of Object.values(page.charts)) {
      const metric = chart.def.metric(lender);
      const data = [xs];
      for (const setting of SETTINGS) {
        const s = page.series[setting][metric];
        for (const q of ["p5", "p50", "p95"]) {
          data.push(xs.map((x) => (s && s[q][x - 1] !== undefined ? s[q][x - 1] : null)));
        }
      }
      chart.plot.setData(data);
    }
  }

  function onMonth(event) {
    const m = JSON.parse(event.data);
    const store = page.series[m.setting];
    for (const [metric, q] of Object.entries(m.series)) {
      const s = store[metric] || (store[metric] = { p5: [], p50: [], p95: [] });
      s.p5[m.month - 1] = q[0];
      s.p50[m.month - 1] = q[1];
      s.p95[m.month - 1] = q[2];
    }
    scheduleRedraw();
  }

  let redrawPending = false;
  function scheduleRedraw() {
    if (!redrawPending) {
      redrawPending = true;
      requestAnimationFrame(() => { redrawPending = false; redraw(); });
    }
  }

  // ---- the story ----

  function onStory(event) {
    const s = JSON.parse(event.data);
    const box = $("story-" + s.setting);
    if (s.month === null) {
      box.querySelector(".intro").textContent = s.line;
      return;
    }
    const li = document.createElement("li");
    li.dataset.month = s.month;
    li.textContent = s.line;
    if (/a quiet month/.test(s.line)) {
      li.classList.add("quiet");
    }
    const facts = document.createElement("span");
    facts.className = "facts";
    facts.textContent = (s.employed ? "employed" : "unemployed") + " · income " + s.income.toLocaleString("en")
      + " · savings " + s.savings.toLocaleString("en") + " · owes " + s.owed.toLocaleString("en")
      + (s.monthsPastDue > 0 ? " · " + s.monthsPastDue + " month(s) past due" : "") + " · score " + s.score;
    li.appendChild(facts);
    const list = box.querySelector("ol");
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  }

  // ---- the run ----

  function setStatus(state, note) {
    page.state = state;
    const st = $("status");
    st.dataset.state = state;
    const month = page.lastMonth || 0;
    const months = page.session ? page.session.months : 0;
    const words = { none: "No run yet.", ready: "Ready", running: "Running", paused: "Paused", done: "Done",
      failed: "Stopped", closed: "Closed" };
    st.textContent = (words[state] || state) + (page.session ? " · month " + month + " of " + months : "")
      + (note ? " · " + note : "");
    $("run").disabled = state === "running";
    $("pause").disabled = state !== "running";
    $("step").disabled = state === "running" || state === "done";
  }

  function onState(event) {
    const s = JSON.parse(event.data);
    page.lastMonth = s.month;
    if (s.message) {
      showErrors({ errors: [s.message] });
    }
    setStatus(s.state, page.dirty ? "settings changed: Setup (or Run) starts again with them" : null);
  }

  function clearRun() {
    if (page.events) {
      page.events.close();
      page.events = null;
    }
    page.session = null;
    page.lastMonth = 0;
    page.series = { A: {}, B: {} };
    for (const setting of SETTINGS) {
      $("story-" + setting).querySelector("ol").replaceChildren();
      $("story-" + setting).querySelector(".intro").textContent = "";
    }
    const d = $("downloads");
    d.querySelectorAll("a, code").forEach((n) => n.remove());
  }

  async function setup() {
    showErrors(null);
    if (page.session) {
      await reset(true);
    }
    clearRun();
    const compare = $("compare").checked;
    const body = {
      scenario: $("scenario").value,
      settings: compare ? [overrides("A"), overrides("B")] : [overrides("A")],
      follow: follow(),
      monthsPerSecond: speed(),
    };
    setStatus("none", "setting up...");
    try {
      page.session = await api("/api/setup", body);
    } catch (failure) {
      showErrors(failure);
      setStatus("none", "not set up");
      return false;
    }
    page.dirty = false;
    $("story-B").classList.toggle("hidden", !compare);
    document.querySelector(".stories").classList.toggle("two", compare);
    document.querySelector(".legend.b-only").classList.toggle("hidden", !compare);
    buildCharts();
    downloads();
    page.events = new EventSource("/api/events?session=" + encodeURIComponent(page.session.session));
    page.events.addEventListener("month", onMonth);
    page.events.addEventListener("story", onStory);
    page.events.addEventListener("state", onState);
    return true;
  }

  function shellQuote(s) {
    return /^[A-Za-z0-9_.\/=:-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
  }

  function downloads() {
    const d = $("downloads");
    for (const s of page.session.settings) {
      const a = document.createElement("a");
      a.id = "download-" + s.name;
      a.href = "/api/yaml?session=" + encodeURIComponent(page.session.session) + "&setting=" + s.name;
      a.download = s.file;
      a.textContent = "Download setting " + s.name + " as YAML (" + s.file + ")";
      const code = document.createElement("code");
      code.textContent = "./creditstress run " + s.file + "\n# or: ./creditstress run " + shellQuote("scenarios/" + page.session.scenario)
        + s.overrides.map((o) => " --set " + shellQuote(o)).join("");
      d.append(a, code);
    }
  }

  async function control(path, extra) {
    showErrors(null);
    try {
      const s = await api(path, Object.assign({ session: page.session.session }, extra || {}));
      page.lastMonth = s.month;
    } catch (failure) {
      showErrors(failure);
    }
  }

  /** Whether Run or Step must set up a new run first: none yet, settings changed, or the last one is over. */
  function needsSetup() {
    return !page.session || page.dirty || ["done", "failed", "closed"].includes(page.state);
  }

  async function run() {
    if (needsSetup() && !(await setup())) {
      return;
    }
    await control("/api/run", { monthsPerSecond: speed() });
  }

  async function step() {
    if (needsSetup() && !(await setup())) {
      return;
    }
    await control("/api/step");
  }

  async function reset(quiet) {
    if (page.session) {
      try {
        await api("/api/reset", { session: page.session.session });
      } catch (failure) {
        if (!quiet) {
          showErrors(failure);
        }
      }
    }
    clearRun();
    buildCharts();
    page.dirty = true;
    setStatus("none");
  }

  async function loadScenario() {
    showErrors(null);
    try {
      page.desc = await api("/api/scenario?name=" + encodeURIComponent($("scenario").value));
    } catch (failure) {
      showErrors(failure);
      return;
    }
    await reset(true);
    $("description").textContent = page.desc.description;
    buildControls();
    buildCharts();
  }

  async function start() {
    const list = await api("/api/scenarios");
    const select = $("scenario");
    for (const name of list.scenarios) {
      const o = document.createElement("option");
      o.value = name;
      o.textContent = name.replace(/\.yaml$/, "");
      select.appendChild(o);
    }
    select.value = list.scenarios.includes("severe-downturn.yaml") ? "severe-downturn.yaml" : list.scenarios[0];
    select.addEventListener("change", loadScenario);
    $("setup").addEventListener("click", () => { setup(); });
    $("run").addEventListener("click", run);
    $("pause").addEventListener("click", () => control("/api/pause"));
    $("step").addEventListener("click", step);
    $("reset").addEventListener("click", () => reset(false));
    $("compare").addEventListener("change", () => {
      $("setting-B").classList.toggle("hidden", !$("compare").checked);
      changed();
    });
    $("follow").addEventListener("change", () => {
      $("follow-number").classList.toggle("hidden", $("follow").value !== "a borrower number");
      changed();
    });
    $("follow-number").addEventListener("change", changed);
    $("lender").addEventListener("change", () => {
      for (const c of Object.values(page.charts)) {
        if (c.def.lender) {
          c.title.firstChild.textContent = c.def.title + $("lender").value;
        }
      }
      redraw();
    });
    $("speed").addEventListener("input", () => {
      const s = speed();
      $("speed-value").textContent = s === 0 ? "as fast as it goes" : s + " months/s";
      if (page.session && page.state !== "none") {
        control("/api/speed", { monthsPerSecond: s });
      }
    });
    await loadScenario();
  }

  // For tests and the curious: the data each chart holds now (uPlot's own arrays), and the series received.
  window.classroom = {
    chartData: (id) => page.charts[id].plot.data,
    series: (setting, metric) => page.series[setting][metric],
    session: () => page.session,
    state: () => page.state,
  };

  start().catch((failure) => showErrors(failure));
})();
