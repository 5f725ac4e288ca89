// Search, in the browser, from the index the build wrote under search/
// (builder/render/search.go says how it is made). No library, no server.
// Everything from the index reaches the page as text, never as HTML.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("search");
  if (!form || !window.fetch) return;
  const input = form.elements.q, status = $("search-status"), list = $("search-results");
  const more = $("search-more"), fallback = $("search-fallback");
  const base = form.dataset.base; // the site's path, "/repo/"
  const PAGE = 10;
  const VAL = new Uint8Array(128);
  [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"].forEach((c, i) => (VAL[c.charCodeAt(0)] = i));
  const MARK = /[\p{Mn}\p{Me}]/u, WORD = /[\p{L}\p{N}\p{Mc}]/u;
  const STALE = new Error("the index changed");
  const own = (o, k) => (Object.hasOwn(o, k) ? o[k] : "");

  let meta, stop, split, reload = false;
  let files = new Map(), found = new Map(); // path → promise of JSON; word → entries
  let results = null, count = 0, pos = 0, shown = 0, next = null, busy = false, timer = 0;

  function get(path) {
    let p = files.get(path);
    if (!p) {
      p = fetch(base + "search/" + path, reload ? { cache: "reload" } : {}).then((r) => {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.json();
      });
      files.set(path, p);
      p.catch(() => files.delete(path));
    }
    return p;
  }
  // file returns an index file of the same build as meta.json.
  async function file(path) {
    const j = await get(path);
    if (j.v !== meta.v) throw STALE;
    return j;
  }
  async function load() {
    meta = await get("meta.json");
    stop = new Set(meta.stop);
    split = new Set(meta.split);
  }

  // parse makes terms of what is typed, as the build made them of the
  // entries; the last is a prefix when typing is still in it (open).
  function parse(q) {
    const out = [];
    let w = "", n = 0;
    const end = () => {
      if (n >= 2) out.push(w);
      w = "";
      n = 0;
    };
    for (const c of q.toLowerCase()) {
      const f = meta.fold[c];
      if (typeof f === "string") (w += f), (n += f.length);
      else if (MARK.test(c));
      else if (WORD.test(c)) (w += c), n++;
      else end();
    }
    const open = n >= 2;
    end();
    return { open, typed: out.length, words: out.filter((w, i) => (open && i === out.length - 1) || !stop.has(w)) };
  }

  function key(t) {
    const cs = [...t];
    let k = cs.slice(0, 2).join(""), i = 2;
    while (i < cs.length && split.has(k)) k += cs[i++];
    return k;
  }
  function shard(k) {
    let h = 2166136261;
    for (const c of k) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
    return h % meta.shards;
  }
  // A set of entries is a Uint8Array of six entries a byte, the lowest
  // bit first, as the index's bitmaps are: unions and intersections are
  // a pass over n/6 bytes, and no list of numbers is made but a page's.
  const POP = Uint8Array.from({ length: 64 }, (_, v) => v.toString(2).replace(/0/g, "").length);
  function add(set, s) {
    if (s[0] === "!") for (let i = 1; i < s.length; i++) set[i - 1] |= VAL[s.charCodeAt(i)];
    else
      for (let i = 0, id = -1, acc = 0; i < s.length; i++) {
        const v = VAL[s.charCodeAt(i)];
        acc = acc * 32 + (v & 31);
        if (v < 32) (id += acc + 1), (set[(id / 6) | 0] |= 1 << id % 6), (acc = 0);
      }
  }
  // entries returns the set of a term, or of every term a prefix starts.
  async function entries(w, prefix) {
    const id = (prefix ? "*" : "=") + w;
    if (found.has(id)) return found.get(id);
    const t = (await file("t/" + shard(key(w)) + ".json")).t, set = new Uint8Array(Math.ceil(meta.n / 6));
    if (!prefix) add(set, own(t, w));
    else if (split.has(w)) add(set, own(t, w + "*"));
    else for (const k in t) if (k.startsWith(w) && !k.endsWith("*")) add(set, t[k]);
    found.set(id, set);
    return set;
  }

  function say(text) {
    clearTimeout(timer); // a screen reader hears where typing stopped, not every step
    timer = setTimeout(() => {
      status.textContent = text;
      const q = input.value.trim();
      history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
    }, 400);
  }

  async function search(q, retry = true) {
    try {
      await ready;
      const { open, typed, words } = parse(q);
      if (!words.length) {
        count = 0;
        list.replaceChildren();
        more.hidden = true;
        say(!q.trim() ? "" : typed ? "These words are too common to search for." : "Type two letters or more.");
        return;
      }
      const sets = await Promise.all(words.map((w, i) => entries(w, open && i === words.length - 1)));
      if (next !== null) return; // typing went on
      results = sets.length > 1 ? sets[0].slice() : sets[0];
      for (const s of sets.slice(1)) for (let i = 0; i < s.length; i++) results[i] &= s[i];
      count = 0;
      for (const b of results) count += POP[b];
      pos = shown = 0;
      await show(true);
      const n = count;
      say(n ? (n === 1 ? "1 entry" : n.toLocaleString("en") + " entries") + (n > 1 ? ", newest first" : "") : "No entry has " + (words.length > 1 ? "all these words." : "this word."));
    } catch (e) {
      if (e === STALE && retry) {
        reload = true;
        files = new Map();
        found = new Map();
        ready = load();
        return search(q, false);
      }
      fallback.hidden = false;
      say("Search could not load its index. Try again later, or browse instead.");
    }
  }

  // show lists the next page of results, and returns its first link.
  async function show(fresh) {
    const page = [], c = meta.chunk;
    for (let i = (pos / 6) | 0; page.length < PAGE && i < results.length; i++)
      for (let id = Math.max(6 * i, pos); results[i] && id < 6 * i + 6 && page.length < PAGE; id++) if ((results[i] >> id % 6) & 1) page.push(id);
    pos = page.length ? page[page.length - 1] + 1 : results.length * 6;
    const docs = new Map(await Promise.all([...new Set(page.map((i) => Math.floor(i / c)))].map(async (k) => [k, (await file("d/" + k + ".json")).d])));
    const frag = document.createDocumentFragment();
    let first = null;
    for (const i of page) {
      const d = docs.get(Math.floor(i / c))[i % c];
      if (!d || !/^\d{4}\/\d\d\/(\d\d\/)?[\w-]+\/$/.test(d[1])) continue; // a folder of the site, nothing else
      const li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = base + d[1];
      a.textContent = d[0];
      p.className = "meta";
      p.textContent = [d[2], d[3].map((x) => meta.places[x]).join(", ")].filter(Boolean).join(" · ");
      li.append(a, p);
      frag.append(li);
      first ??= a;
    }
    if (fresh) list.replaceChildren(frag);
    else list.append(frag);
    shown += page.length;
    more.hidden = shown >= count;
    return first;
  }

  // Searches run one at a time; typing meanwhile runs the latest next.
  async function run(q) {
    next = q;
    if (busy) return;
    busy = true;
    while (next !== null) {
      const q = next;
      next = null;
      await search(q);
    }
    busy = false;
  }

  let ready = load();
  ready.catch(() => {});
  form.hidden = false;
  fallback.hidden = true;
  $("search-nojs").remove();
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(input.value);
  });
  input.addEventListener("input", () => run(input.value));
  more.addEventListener("click", async () => {
    const a = await show(false).catch(() => null);
    if (a) a.focus();
  });
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run(q);
  } else input.focus();
  window.timelineSearch = { ready: () => ready, terms: async (s) => (await ready, parse(s + " ").words) };
})();
