// Keyboard-first review: j/k move, a approve, r reject, e correct, u undo, / filter.
// Decisions are sent with fetch (CSRF token in a header) and the item is updated in
// place; without JS the same forms post normally. Actions run one after another, so
// fast typing never sends two decisions for the same item.
(function () {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const flash = document.getElementById("flash");
  const items = Array.from(document.querySelectorAll("#items > li.item"));
  const undoStack = [];
  const stats = { decisions: 0, undos: 0, conflicts: 0, started: null, last: null };
  window.sciReview = stats;
  let cursor = 0;
  let chain = Promise.resolve();
  // What the analyst reads after a key: German, like the rest of the app.
  const DONE = { approve: "angenommen", reject: "abgelehnt", correct: "korrigiert" };

  function say(text, bad) {
    if (!flash) return;
    flash.textContent = text;  // textContent: server messages are never parsed as HTML
    flash.className = bad ? "error" : "notice";
  }

  function activate(i) {
    if (!items.length) return;
    cursor = Math.max(0, Math.min(items.length - 1, i));
    items.forEach((el, n) => el.classList.toggle("active", n === cursor));
    const el = items[cursor];
    el.scrollIntoView({ block: "nearest" });
    // The archived copy loads only for the item being looked at: 50 iframes would stall the page.
    const frame = el.querySelector("iframe.replay[data-src]");
    if (frame && !frame.getAttribute("src")) frame.setAttribute("src", frame.dataset.src);
  }

  function nextPending(from) {
    for (let n = from + 1; n < items.length; n++) if (items[n].dataset.status === "pending") return n;
    return Math.min(from + 1, items.length - 1);
  }

  async function post(url, data) {
    const body = new URLSearchParams(data);
    const res = await fetch(url, {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "Accept": "application/json" },
    });
    let payload = {};
    try { payload = await res.json(); } catch (e) { payload = { error: res.status + " " + res.statusText }; }
    return { ok: res.ok, status: res.status, payload };
  }

  function mark(el, status, text, bad) {
    el.dataset.status = status;
    el.className = "item status-" + status + (el.classList.contains("active") ? " active" : "");
    const msg = el.querySelector(".msg");
    if (msg) { msg.textContent = text; msg.classList.toggle("error", !!bad); }
    const exp = el.querySelector('input[name="expected_status"]');
    if (exp) exp.value = status;
  }

  async function decide(el, action) {
    const form = el.querySelector("form.decide");
    const data = { action, note: form.note.value, expected_status: form.expected_status.value };
    if (action === "correct") data.value = form.value.value;
    const { ok, status, payload } = await post(form.getAttribute("action"), data);
    if (!ok) {
      if (status === 409) stats.conflicts++;
      mark(el, el.dataset.status, payload.error || "Fehler", true);
      say(payload.error || "Fehler", true);
      return false;
    }
    stats.decisions++;
    stats.last = Date.now();
    undoStack.push({ el, decision: payload.decision_id });
    mark(el, payload.status || action, DONE[action] + " ✓ (#" + payload.decision_id + ")", false);
    form.note.value = "";
    say(DONE[action] + " ✓", false);
    showRate();
    return true;
  }

  async function undoLast() {
    const last = undoStack.pop();
    if (!last) { say("nichts zum Zurücknehmen", true); return; }
    const { ok, payload } = await post("/decisions/" + last.decision + "/undo", {});
    if (!ok) { say(payload.error || "Zurücknehmen fehlgeschlagen", true); undoStack.push(last); return; }
    stats.undos++;
    stats.last = Date.now();
    mark(last.el, "pending", "zurückgenommen (#" + payload.decision_id + ")", false);
    activate(items.indexOf(last.el));
    say("zurückgenommen ✓", false);
  }

  function showRate() {
    const rate = document.getElementById("rate");
    if (!rate || !stats.started || !stats.last || stats.last === stats.started) return;
    const perHour = Math.round(stats.decisions / ((stats.last - stats.started) / 3600000));
    rate.textContent = stats.decisions + " Entscheidungen · " + perHour + "/h";
  }

  function enqueue(fn) {
    if (stats.started === null) stats.started = Date.now();
    chain = chain.then(fn).catch((e) => say(String(e), true));
  }

  function act(action) {
    enqueue(async () => {
      const el = items[cursor];
      if (!el) return;
      if (el.dataset.status !== "pending") { say("schon entschieden: u nimmt zurück", true); return; }
      if (await decide(el, action)) {
        activate(nextPending(items.indexOf(el)));
        if (!items.some((i) => i.dataset.status === "pending")) say("Seite erledigt: . lädt die nächsten", false);
      }
    });
  }

  document.addEventListener("keydown", (ev) => {
    const t = ev.target;
    const typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    if (typing) {
      if (ev.key === "Escape") t.blur();
      // Enter in an item's value field means "correct with this value", not "approve".
      if (ev.key === "Enter" && t.classList.contains("value-input") && t.closest("li.item")) {
        ev.preventDefault();
        t.blur();
        activate(items.indexOf(t.closest("li.item")));
        act("correct");
      }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const handlers = {
      j: () => activate(cursor + 1),
      k: () => activate(cursor - 1),
      a: () => act("approve"),
      r: () => act("reject"),
      e: () => { const input = items[cursor] && items[cursor].querySelector(".value-input"); if (input) input.focus(); },
      u: () => enqueue(undoLast),
      ".": () => window.location.reload(),
      "/": () => { const f = document.querySelector("#filters input:not([type=hidden]), #filters select"); if (f) f.focus(); },
    };
    const fn = handlers[ev.key];
    if (fn) { ev.preventDefault(); fn(); }
  });

  // Plain clicks on the item buttons take the same path as the keys.
  items.forEach((el, n) => {
    const form = el.querySelector("form.decide");
    if (!form) return;
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      activate(n);
      act(ev.submitter ? ev.submitter.value : "approve");
    });
    el.addEventListener("click", (ev) => { if (!ev.target.closest("form, a, iframe")) activate(n); });
  });

  const bulk = document.getElementById("bulk");
  if (bulk) bulk.addEventListener("submit", (ev) => {
    const n = bulk.expected_count.value;
    if (!window.confirm(n + " Kandidaten annehmen?")) ev.preventDefault();
  });

  activate(0);
})();
