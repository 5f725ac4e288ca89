// Live reload for "timeline serve": injected into pages by the preview
// server only, never into a built site.
(() => {
  const me = document.currentScript;
  const server = me.dataset.server;
  const build = Number(me.dataset.build);
  const here = location.pathname.replace(/index\.html$/, "");
  let overlay = null;

  function showErrors(errors) {
    if (!errors || errors.length === 0) {
      if (overlay) { overlay.remove(); overlay = null; }
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "timeline-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1rem 1.25rem;background:#3b0a0a;color:#fff;font:14px/1.5 ui-monospace,monospace;" +
        "border-top:4px solid #ff5c5c;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "The site has errors; showing the last good build.\n\n" + errors.join("\n");
  }

  function swapStyles() {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("v", Date.now());
      link.href = url.href;
    }
  }

  // The first message says where the site stands: if it was rebuilt
  // since this page was served, or the server restarted, reload. Each
  // later one says what a rebuild changed.
  let first = true;
  const events = new EventSource("/__timeline/events");
  events.onmessage = (e) => {
    const m = JSON.parse(e.data);
    showErrors(m.errors);
    if (m.errors && m.errors.length) return;
    const stale = m.server !== server || (first && m.build !== build);
    first = false;
    if (stale || (m.changed || []).includes(here)) { location.reload(); return; }
    if ((m.styles || []).length) swapStyles();
  };
})();
