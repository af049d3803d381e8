/* The search page: Pagefind's JS API behind a small Chinese interface.
 *
 * - The query and the filters live in the address (?q=棚户区&unit=市城市更新局&sort=date-desc),
 *   so a search can be shared, and opening such an address restores it.
 * - A run of Chinese characters is searched as an exact phrase of single characters,
 *   which the index holds for every record besides its segmented words (see
 *   search_record.html and docs/search.md): 棚户区 finds every task whose text contains
 *   棚户区, however the word segmenter cut the text and the query. Other words (numbers,
 *   Latin letters) are searched as they are; all parts of a query must match.
 * - A large site's index comes in shards (pagefind/shards.json, written by sitegen/index.py): the
 *   first is loaded, the others merged into it (Pagefind's mergeIndex), each tagged with a
 *   `shard` filter. Shards follow each other in date order, so a date sort searches shard by
 *   shard and puts the results one shard after another (Pagefind orders merged results by
 *   score, which under a sort is each shard's own position).
 * - window.SitegenSearch exposes the same search for the benchmarks and tests.
 */
(function () {
  "use strict";

  var FILTERS = ["government", "notice", "year", "unit", "leader", "theme", "status"];
  var PAGE_SIZE = 20;
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var PARTS = new RegExp("([" + HAN + "]+)|((?:(?![" + HAN + "])[\\p{L}\\p{N}])+)", "gu");
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  /* The Pagefind queries for what a person typed: ["\"棚 户 区\"", "2019"]. */
  function queries(text) {
    var out = [], seen = {}, match;
    PARTS.lastIndex = 0;
    while ((match = PARTS.exec(text || ""))) {
      var term = match[1] ? '"' + Array.from(match[1]).join(" ") + '"' : match[2].toLowerCase();
      if (!seen[term]) { seen[term] = true; out.push(term); }
    }
    return out;
  }

  /* Words to mark in excerpts. */
  function marks(text) {
    var out = [], match;
    PARTS.lastIndex = 0;
    while ((match = PARTS.exec(text || ""))) out.push(match[1] || match[2]);
    return out;
  }

  /* Pagefind with every shard merged: resolves to {search, filters, shards} (shards: how many). */
  var pagefindPromise = null;
  function loadPagefind(url) {
    if (!pagefindPromise) {
      var manifestUrl = new URL("shards.json", new URL(url, window.location.href));
      // revalidated, not taken from the cache: a rebuild may have changed the shards
      var manifest = fetch(manifestUrl, { cache: "no-cache" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
      pagefindPromise = Promise.all([import(url), manifest]).then(function (loaded) {
        var pagefind = loaded[0];
        var shards = (loaded[1] && loaded[1].shards && loaded[1].shards.length) ? loaded[1].shards : [{ path: "./" }];
        return Promise.resolve(pagefind.init ? pagefind.init() : null).then(function () {
          if (shards.length < 2) return null;
          return pagefind.options({ mergeFilter: { shard: "0" } }).then(function () {
            return Promise.all(shards.slice(1).map(function (shard, i) {
              return pagefind.mergeIndex(new URL(shard.path, manifestUrl).pathname, { mergeFilter: { shard: String(i + 1) } });
            }));
          });
        }).then(function () {
          return {
            shards: shards.length,
            search: function (term, options) { return pagefind.search(term, options); },
            filters: function () { return pagefind.filters(); }
          };
        });
      });
    }
    return pagefindPromise;
  }

  function sortOption(sort) {
    if (sort === "date-desc") return { date: "desc" };
    if (sort === "date-asc") return { date: "asc" };
    return {};
  }

  /* pagefind.search, in date order across shards when sorted by date: each shard on its own
     (its `shard` filter), in order, newest shard first for date-desc. */
  function ordered(pagefind, term, options) {
    var direction = options.sort && options.sort.date;
    if (!direction || !(pagefind.shards > 1)) return pagefind.search(term, options);
    var order = [];
    for (var i = 0; i < pagefind.shards; i++) order.push(i);
    if (direction === "desc") order.reverse();
    return Promise.all(order.map(function (i) {
      var filters = Object.assign({}, options.filters, { shard: String(i) });
      return pagefind.search(term, Object.assign({}, options, { filters: filters }));
    })).then(function (responses) {
      return { results: [].concat.apply([], responses.map(function (r) { return r.results; })) };
    });
  }

  /* Search: pagefind as loadPagefind gives it, text (may be empty: filters only), filters
     {unit: "…"} or {unit: ["…", "…"]}, sort. Resolves to Pagefind results ({id, score, data()}),
     best (or by date) first, or null when there is nothing to search for. */
  function search(pagefind, text, filters, sort) {
    var pfFilters = {};
    Object.keys(filters || {}).forEach(function (key) {
      var value = filters[key];
      if (Array.isArray(value) && value.length > 1) pfFilters[key] = { any: value };
      else if (Array.isArray(value) && value.length === 1) pfFilters[key] = value[0];
      else if (value) pfFilters[key] = value;
    });
    var options = { filters: pfFilters, sort: sortOption(sort) };
    var terms = queries(text);
    if (!terms.length) {
      if (!Object.keys(pfFilters).length) return Promise.resolve(null);
      return ordered(pagefind, null, options).then(function (r) { return r.results; });
    }
    // Which records match: every part as above. How they rank: exact phrases all score
    // alike in Pagefind, so the order comes from Pagefind's ordinary (word) search of the
    // same text, which weighs where and how often the words occur.
    var ranking = sort ? Promise.resolve(null) : pagefind.search(text, options);
    return Promise.all(terms.map(function (term, i) {
      return i === 0 ? ordered(pagefind, term, options) : pagefind.search(term, options);  // the first gives the order
    })).then(function (responses) {
      var maps = responses.map(function (r) {
        var map = new Map();
        r.results.forEach(function (x) { map.set(x.id, x); });
        return map;
      });
      var matched = responses[0].results.filter(function (x) {
        return maps.every(function (map) { return map.has(x.id); });
      });
      return ranking.then(function (ranked) {
        if (!ranked) return matched;  // sorted by date already
        var rank = new Map();
        ranked.results.forEach(function (x) { rank.set(x.id, x.score); });
        return matched.map(function (x, i) {
          return { result: x, score: rank.has(x.id) ? rank.get(x.id) : 0, i: i };
        }).sort(function (a, b) { return b.score - a.score || a.i - b.i; }).map(function (x) { return x.result; });
      });
    });
  }

  window.SitegenSearch = { queries: queries, search: search, load: loadPagefind };

  // --- the page -------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== "") node.append(child);
    });
    return node;
  }

  /* text with every occurrence of the searched words wrapped in <mark>. */
  function highlighted(text, words) {
    var out = el("span"), rest = text || "";
    words = words.filter(Boolean);
    while (rest) {
      var best = -1, len = 0;
      words.forEach(function (w) {
        var i = rest.toLowerCase().indexOf(w.toLowerCase());
        if (i >= 0 && (best < 0 || i < best || (i === best && w.length > len))) { best = i; len = w.length; }
      });
      if (best < 0) { out.append(rest); break; }
      out.append(rest.slice(0, best), el("mark", { text: rest.slice(best, best + len) }));
      rest = rest.slice(best + len);
    }
    return out;
  }

  function fact(label, value) {
    return value ? el("div", {}, [el("dt", { text: label }), el("dd", { text: value })]) : null;
  }

  function resultItem(data, words) {
    var meta = data.meta || {};
    var isNotice = meta.kind === "notice";
    var badge = null;
    if (meta.status) {
      badge = el("span", { "class": "badge" }, [el("span", { "aria-hidden": "true", text: meta.status_icon || "" }), " " + meta.status]);
      if (SLUG.test(meta.status_id || "")) badge.classList.add("st-" + meta.status_id);  // the theme's status colours
    }
    var source = meta.notice ? meta.notice + (meta.doc_number ? "（" + meta.doc_number + "）" : "") : "";
    return el("li", { "class": "sg-result" + (isNotice ? " sg-notice" : "") }, [
      el("h2", {}, [
        isNotice ? el("span", { "class": "tag", text: "通知" }) : null, isNotice ? " " : null,
        el("a", { href: data.url }, [highlighted(meta.title || data.url, words)])
      ]),
      (badge || meta.overdue) ? el("p", { "class": "status" }, [badge, meta.overdue ? " " : null,
        meta.overdue ? el("span", { "class": "tag overdue", text: meta.overdue }) : null]) : null,
      meta.text ? el("p", { "class": "sg-excerpt" }, [highlighted(meta.text, words)]) : null,
      el("dl", { "class": "meta" }, [
        fact("责任单位", meta.units), fact("分管领导", meta.leader), fact("完成时限", meta.deadline),
        isNotice ? fact("文号", meta.doc_number) : fact("出自", source),
        fact("发布日期", meta.date), isNotice ? fact("任务", meta.tasks ? meta.tasks + " 项" : "") : null
      ])
    ]);
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var sortSelect = document.getElementById("search-sort");
    var details = document.getElementById("search-filters");
    var selects = {};
    FILTERS.forEach(function (key) { selects[key] = form.querySelector('select[data-filter="' + key + '"]'); });
    var current = { results: [], shown: 0, words: [], serial: 0 };
    var timer = null;

    function setOptions(select, values, chosen) {
      var keep = select.options[0];
      select.textContent = "";
      select.append(keep);
      var names = Object.keys(values || {}).sort(function (a, b) { return a.localeCompare(b, "zh-CN"); });
      if (select.dataset.filter === "year") names.sort().reverse();
      if (chosen && names.indexOf(chosen) < 0) names.unshift(chosen);
      names.forEach(function (name) {
        var count = values && values[name] !== undefined ? "（" + values[name] + "）" : "";
        select.append(el("option", { value: name, text: name + count }));
      });
      select.value = chosen || "";
    }

    function readState() {
      var params = new URLSearchParams(window.location.search);
      var state = { q: params.get("q") || "", sort: params.get("sort") || "", filters: {} };
      FILTERS.forEach(function (key) {
        var values = params.getAll(key).filter(Boolean);
        if (values.length) state.filters[key] = values;
      });
      return state;
    }

    function formState() {
      var state = { q: input.value.trim(), sort: sortSelect.value, filters: {} };
      FILTERS.forEach(function (key) {
        if (selects[key] && selects[key].value) state.filters[key] = [selects[key].value];
      });
      return state;
    }

    function writeState(state) {
      var params = new URLSearchParams();
      if (state.q) params.set("q", state.q);
      FILTERS.forEach(function (key) {
        (state.filters[key] || []).forEach(function (v) { params.append(key, v); });
      });
      if (state.sort) params.set("sort", state.sort);
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "");
      if (address !== window.location.pathname + window.location.search) window.history.replaceState(null, "", address);
      document.title = (state.q ? state.q + " · " : "") + document.title.replace(/^.* · (搜索 · )/, "$1");
    }

    function showMore(pagefind) {
      var serial = current.serial;
      var batch = current.results.slice(current.shown, current.shown + PAGE_SIZE);
      current.shown += batch.length;
      more.hidden = true;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
        if (serial !== current.serial) return;
        items.forEach(function (data) { list.append(resultItem(data, current.words)); });
        more.hidden = current.shown >= current.results.length;
      });
    }

    function run(pagefind) {
      var state = formState();
      writeState(state);
      var serial = ++current.serial;
      if (!state.q && !Object.keys(state.filters).length) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = "";
        return Promise.resolve();
      }
      status.textContent = state.q ? "正在搜索“" + state.q + "”……" : "正在筛选……";
      return search(pagefind, state.q, state.filters, state.sort).then(function (results) {
        if (serial !== current.serial) return;
        results = results || [];
        current.results = results;
        current.shown = 0;
        current.words = marks(state.q);
        list.textContent = "";
        if (!results.length) {
          status.textContent = state.q ? "没有找到与“" + state.q + "”相关的结果。可以换一个词，或减少筛选条件。" : "没有符合筛选条件的结果。";
          more.hidden = true;
          return;
        }
        var message = (state.q ? "找到 " + results.length + " 条与“" + state.q + "”相关的结果" : "共 " + results.length + " 条符合筛选条件的结果")
          + (Object.keys(state.filters).length ? "（已筛选）" : "") + "。";
        return showMore(pagefind).then(function () {  // announced once the first results are on the page
          if (serial === current.serial) status.textContent = message;
        });
      }).catch(function (error) {
        if (serial !== current.serial) return;
        status.textContent = "搜索出错：" + (error && error.message ? error.message : error);
      });
    }

    function apply(state) {
      input.value = state.q;
      sortSelect.value = state.sort === "date-desc" || state.sort === "date-asc" ? state.sort : "";
      FILTERS.forEach(function (key) {
        var select = selects[key];
        if (!select) return;
        var value = (state.filters[key] || [])[0] || "";
        if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
          select.append(el("option", { value: value, text: value }));
        }
        select.value = value;
      });
    }

    var initial = readState();
    apply(initial);
    status.textContent = "正在加载搜索索引……";
    loadPagefind(form.dataset.pagefind).then(function (pagefind) {
      // Filter values (every unit, notice, leader…) load only when the filters are opened.
      var optionsLoaded = null;
      function loadOptions() {
        if (!optionsLoaded) {
          optionsLoaded = pagefind.filters().then(function (available) {
            FILTERS.forEach(function (key) {
              if (selects[key]) setOptions(selects[key], available[key], selects[key].value);
            });
            details.dataset.loaded = "true";
          });
        }
        return optionsLoaded;
      }
      details.addEventListener("toggle", function () { if (details.open) loadOptions(); });
      details.hidden = false;
      if (Object.keys(initial.filters).length || initial.sort) details.open = true;
      return Promise.resolve().then(function () {
        status.textContent = "";
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          clearTimeout(timer);
          run(pagefind);
        });
        input.addEventListener("input", function () {
          clearTimeout(timer);
          timer = setTimeout(function () { run(pagefind); }, 250);
        });
        form.addEventListener("change", function (event) {
          if (event.target.tagName === "SELECT") run(pagefind);
        });
        document.getElementById("search-reset").addEventListener("click", function () {
          FILTERS.forEach(function (key) { if (selects[key]) selects[key].value = ""; });
          sortSelect.value = "";
          run(pagefind);
        });
        more.addEventListener("click", function () { showMore(pagefind); });
        window.addEventListener("popstate", function () { apply(readState()); run(pagefind); });
        // An address with ?q= or filters searches at once (one value per filter: the first).
        if (initial.q || Object.keys(initial.filters).length) return run(pagefind);
        input.focus();
      });
    }).catch(function () {
      status.textContent = "搜索索引尚未生成或加载失败，请稍后再试，或按通知、单位、主题浏览。";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
