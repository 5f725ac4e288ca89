// Date jump: the timeline's "Go to a date" form goes to the day's page,
// or, when that day has no entries, to its month's, its year's, or the
// archive: the first of them the site has. Without this script the form
// goes to the archive, which lists every month.
"use strict";
(() => {
  const form = document.getElementById("jump");
  if (!form || !window.fetch) return;
  const base = form.dataset.base; // the site's path, "/repo/"
  form.addEventListener("submit", async (ev) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(form.elements.date.value);
    if (!m) return;
    ev.preventDefault();
    for (const path of [`${m[1]}/${m[2]}/${m[3]}/`, `${m[1]}/${m[2]}/`, `${m[1]}/`]) {
      try {
        const r = await fetch(base + path, { method: "HEAD" });
        if (r.ok) {
          location.href = base + path;
          return;
        }
      } catch {
        break; // offline: the archive, which may be cached
      }
    }
    location.href = form.action;
  });
})();
