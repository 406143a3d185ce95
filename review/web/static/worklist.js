// Keyboard-first manual research on the worklist: j/k move between open pairs, e or Enter
// opens the value field of the active row, Tab goes on to source and note, Enter saves
// (sent with fetch; the row is marked and the cursor moves on), Esc returns to the list.
// Without JS the same forms post normally and come back to the worklist.
(function () {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const flash = document.getElementById("flash");
  const rows = Array.from(document.querySelectorAll("#work tr.work"));
  let cursor = 0;

  function say(text, bad) {
    if (!flash) return;
    flash.textContent = text;  // never parsed as HTML
    flash.className = bad ? "error" : "notice";
  }

  function activate(i) {
    if (!rows.length) return;
    cursor = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((el, n) => el.classList.toggle("active", n === cursor));
    rows[cursor].scrollIntoView({ block: "nearest" });
  }

  function nextOpen(from) {
    for (let n = from + 1; n < rows.length; n++) if (!rows[n].dataset.done) return n;
    return from;
  }

  function edit() {
    const row = rows[cursor];
    const input = row && !row.dataset.done && row.querySelector(".value-input");
    if (input) input.focus();
  }

  async function save(row, form) {
    const body = new URLSearchParams(new FormData(form));
    const res = await fetch(form.getAttribute("action"), {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "Accept": "application/json" },
    });
    let payload = {};
    try { payload = await res.json(); } catch (e) { payload = { error: res.status + " " + res.statusText }; }
    const msg = row.querySelector(".msg");
    if (!res.ok) {
      if (msg) { msg.textContent = payload.error || "Fehler"; msg.classList.add("error"); }
      say(payload.error || "Fehler", true);
      return;
    }
    row.dataset.done = "1";
    row.classList.add("done");
    form.querySelectorAll("input, select, button").forEach((el) => { el.disabled = true; });
    if (msg) { msg.textContent = "gespeichert ✓ (#" + payload.decision_id + ")"; msg.classList.remove("error"); }
    say("gespeichert ✓", false);
    document.activeElement && document.activeElement.blur();
    activate(nextOpen(rows.indexOf(row)));
  }

  rows.forEach((row, n) => {
    const form = row.querySelector("form.work-entry");
    if (!form) return;
    form.addEventListener("focusin", () => activate(n));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      if (!form.reportValidity()) return;
      save(row, form).catch((e) => say(String(e), true));
    });
    // Enter on a yes/no or level list saves too (a <select> does not submit by itself).
    form.querySelectorAll("select").forEach((sel) => sel.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") { ev.preventDefault(); form.requestSubmit(); }
    }));
  });

  document.addEventListener("keydown", (ev) => {
    const t = ev.target;
    const typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    if (typing) {
      if (ev.key === "Escape") t.blur();
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const handlers = {
      j: () => activate(cursor + 1),
      k: () => activate(cursor - 1),
      e: edit,
      Enter: edit,
    };
    const fn = handlers[ev.key];
    if (fn) { ev.preventDefault(); fn(); }
  });

  activate(0);
})();
