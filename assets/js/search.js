/*
 * sahifa site search (docs/search.md), part 4 of 4: the search page. No
 * framework, no other host: the page reads the static index the build
 * wrote under /search/data/ (search-index.js) and shows the results.
 */
(function (root) {
  "use strict";

  const { Searcher, highlight } = root.sahifaSearch;

  function fetchJSON(url, fresh) {
    return fetch(url, fresh ? { cache: "no-cache" } : {}).then((r) => {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // encodePath percent-encodes each segment of a path from the index, as
  // links in the rest of the site are. The index keeps "%", "?" and "#"
  // of a slug escaped and Arabic letters as they are, so each segment is
  // decoded before it is encoded.
  function encodePath(p) {
    return p.split("/").map((s) => encodeURIComponent(decodeURIComponent(s))).join("/");
  }

  function start() {
    const app = document.getElementById("search");
    if (!app) return;
    const form = app.querySelector("form");
    const input = form.querySelector("input[name=q]");
    const status = document.getElementById("search-status");
    const list = document.getElementById("search-results");
    const nav = document.getElementById("search-pages");
    const suggestion = document.getElementById("search-suggestion");
    const arabicDigits = app.dataset.digits === "arabic";
    const searcher = new Searcher(app.dataset.index, fetchJSON);
    let generation = 0, timer = 0;

    const num = (v) => (arabicDigits ? String(v).replace(/[0-9]/g, (d) => "٠١٢٣٤٥٦٧٨٩"[d]) : String(v));
    const el = (tag, attrs, children) => {
      const e = document.createElement(tag);
      for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
      for (const c of children || []) e.append(c);
      return e;
    };
    const marked = (text, terms) => highlight(text, terms).map(([s, m]) => (m ? el("mark", {}, [s]) : s));

    // count is "N نتيجة" with Arabic number agreement (CLDR plural rules).
    const count = (n) => {
      const m = n % 100;
      if (n === 1) return "نتيجة واحدة";
      if (n === 2) return "نتيجتان";
      return num(n) + (m >= 3 && m <= 10 ? " نتائج" : " نتيجة");
    };
    // The order is kept in the URL (?sort=date) with the query and page,
    // so a shared or reloaded search shows the same list.
    const sortField = form.elements.namedItem("sort");
    const order = () => (sortField && sortField.value === "date" ? "date" : "");
    // The year, likewise (?year=2021); "" for every year.
    const yearField = form.elements.namedItem("year");
    const year = () => (yearField && /^\d{4}$/.test(yearField.value) ? yearField.value : "");
    const pageURL = (q, p) => "?q=" + encodeURIComponent(q) + (order() ? "&sort=" + order() : "") +
      (year() ? "&year=" + year() : "") + (p > 1 ? "&page=" + p : "");

    // show puts the status line, the results and their pages in place at
    // once, so the page moves once (the theme keeps room for them).
    function show(text, items, pagesNav) {
      status.textContent = text;
      list.replaceChildren(...items);
      nav.replaceChildren(...(pagesNav ? [pagesNav] : []));
      nav.hidden = !pagesNav;
    }

    // result is one result as a list item: all from the index's block.
    function result(r, terms) {
      const meta = [el("time", { datetime: r.iso }, [r.date])];
      // The theme puts a dot between the meta line's parts.
      if (r.section) meta.unshift(el("span", { class: "search-result-section" }, [r.section]));
      const parts = [
        el("h2", { class: "search-result-title" }, [el("a", { href: encodePath(r.path) }, marked(r.title, terms))]),
        el("p", { class: "meta" }, meta),
        el("p", { class: "search-result-snippet" }, marked(r.summary, terms)),
      ];
      if (r.thumb) {
        // Its box is sized by the theme before the picture arrives.
        parts.push(el("img", { class: "search-result-thumb", src: r.thumb, alt: "", width: "96", height: "64", loading: "lazy", decoding: "async" }));
      }
      return el("li", {}, [el("article", { class: "search-result" + (r.thumb ? " has-thumb" : "") }, parts)]);
    }

    // offer shows "did you mean" (a respelled query, see suggest) as a
    // link to its results; null hides it.
    function offer(respelled) {
      if (!suggestion) return;
      suggestion.replaceChildren();
      suggestion.hidden = !respelled;
      if (respelled) suggestion.append("هل تقصد ", el("a", { href: pageURL(respelled, 1) }, [respelled]), "؟");
    }

    async function run(q, page, focus) {
      const gen = ++generation;
      q = q.trim();
      document.title = (q ? "«" + q + "» – " : "") + app.dataset.title;
      if (!q) {
        offer(null);
        show("", [], null);
        return;
      }
      // The last results stay until the new ones replace them.
      status.textContent = "جارٍ البحث…";
      let res;
      try {
        res = await searcher.search(q, page, 10, order(), Number(year()) || 0);
      } catch (e) {
        if (gen === generation) {
          offer(null);
          show("تعذر تحميل فهرس البحث. حاول مرة أخرى.", [], null);
        }
        return;
      }
      if (gen !== generation) return;
      // With the results, in the same task: the page moves once.
      offer(res.suggestion);
      if (!res.query.words.length) {
        show("كلمات البحث شائعة جدا. جرّب كلمة أدق، مثل اسم أو مكان.", [], null);
        return;
      }
      if (!res.total) {
        const where = year() ? " في " + num(year()) : "";
        show("لا نتائج لـ «" + q + "»" + where + ". تحقق من الكتابة أو جرّب كلمات أقل.", [], null);
        return;
      }
      // An estimate when common words were read by their first tiers.
      let text = (res.estimated ? "نحو " : "") + count(res.total) + " لـ «" + q + "»";
      if (year()) text += " في " + num(year());
      if (res.pages > 1) text += "، الصفحة " + num(res.page) + " من " + num(res.pages);
      if (res.partial) text += ". لا خبر يحوي كل الكلمات؛ هذه أخبار تحوي بعضها";
      // Sound-alike spellings are marked too: a result may have only them.
      const terms = new Set(res.query.words.flat().concat(res.query.alike.flat()));
      show(text + ".", res.results.map((r) => result(r, terms)), pages(q, res));
      if (focus) status.focus();
    }

    // pages is the navigation between pages of results; null for one page.
    function pages(q, res) {
      if (res.pages < 2) return null;
      const items = [];
      const link = (p, label, attrs) => el("li", {}, [el("a", Object.assign({ href: pageURL(q, p), "data-page": p }, attrs), label)]);
      if (res.page > 1) items.push(link(res.page - 1, ["→ السابق"], { rel: "prev" }));
      const first = Math.max(1, Math.min(res.page - 3, res.pages - 6));
      for (let p = first; p <= Math.min(res.pages, first + 6); p++) {
        items.push(link(p, [el("span", { class: "visually-hidden" }, ["الصفحة "]), num(p)], p === res.page ? { "aria-current": "page" } : {}));
      }
      if (res.page < res.pages) items.push(link(res.page + 1, ["التالي ←"], { rel: "next" }));
      return el("ul", {}, items);
    }

    function fromURL(focus) {
      const params = new URLSearchParams(location.search);
      const q = params.get("q") || "";
      input.value = q;
      if (sortField) sortField.value = params.get("sort") === "date" ? "date" : "";
      if (yearField) {
        const y = params.get("year") || "";
        // A year the list does not offer (none of its stories) is every year.
        yearField.value = [...yearField.options].some((o) => o.value === y) ? y : "";
      }
      run(q, parseInt(params.get("page"), 10) || 1, focus);
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      clearTimeout(timer);
      history.pushState(null, "", pageURL(input.value.trim(), 1));
      run(input.value, 1, false);
    });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        history.replaceState(null, "", pageURL(input.value.trim(), 1));
        run(input.value, 1, false);
      }, 250);
    });
    form.addEventListener("change", (e) => {
      if (e.target.name !== "sort" && e.target.name !== "year") return;
      history.pushState(null, "", pageURL(input.value.trim(), 1));
      run(input.value, 1, false);
    });
    nav.addEventListener("click", (e) => {
      const a = e.target.closest("a[data-page]");
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      history.pushState(null, "", a.getAttribute("href"));
      fromURL(true);
    });
    window.addEventListener("popstate", () => fromURL(false));
    fromURL(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof globalThis !== "undefined" ? globalThis : this);
