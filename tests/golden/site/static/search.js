/* The search page: Pagefind's JS API behind a small Chinese interface.
 *
 * - The query and the filters live in the address (?q=棚户区&unit=市城市更新局&sort=date-desc),
 *   so a search can be shared, and opening such an address restores it.
 * - Every run of Chinese characters, letters or digits is searched as an exact phrase of single
 *   characters, which is how the index holds each record (sitegen/searchrecord.py, docs/search.md):
 *   棚户区 finds every task whose text contains 棚户区, whatever a word segmenter would make of
 *   it; all parts of a query must match. Results rank by Pagefind's weighted score of the same
 *   characters. Traditional characters are searched as simplified, synonyms (棚改) as each other
 *   word of their group, and a query that finds nothing is retried as separate words, saying so.
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
  var PARTS = new RegExp("[" + HAN + "\\p{L}\\p{N}]+", "gu");  // a run of characters, letters and digits: 第1项
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  /* What widens a query (pagefind/sitegen.json, written by sitegen/searchvariants.py): a traditional ->
     simplified character table (records are indexed in simplified characters) and synonym groups. */
  var T2S = new Map(), SYNONYMS = [], GOVERNMENTS = [];
  function setVariants(table) {
    T2S = new Map();
    var t = Array.from((table && table.t) || ""), s = Array.from((table && table.s) || "");
    t.forEach(function (c, i) { if (s[i]) T2S.set(c, s[i]); });
    SYNONYMS = (table && table.synonyms) || [];
    GOVERNMENTS = (table && table.governments) || [];
  }
  function simplified(text) {
    return Array.from(text || "").map(function (c) { return T2S.get(c) || c; }).join("");
  }

  /* The parts of what a person typed: runs of Chinese characters, letters and digits (whatever
     punctuation or spaces separate), simplified and lower-cased: "營商環境 第1项" -> ["营商环境", "第1项"]. */
  function parts(text) {
    var out = [], match, source = simplified(text).toLowerCase();
    PARTS.lastIndex = 0;
    while ((match = PARTS.exec(source))) {
      if (out.indexOf(match[0]) < 0) out.push(match[0]);
    }
    return out;
  }

  /* A part and what it may also be written as: each synonym group's word in it replaced by the others. */
  function alternatives(part) {
    var out = [part];
    SYNONYMS.forEach(function (group) {
      group.forEach(function (word) {
        if (part.indexOf(word) < 0) return;
        group.forEach(function (other) {
          var changed = part.split(word).join(other);
          if (other !== word && changed.indexOf(part) < 0 && out.indexOf(changed) < 0) out.push(changed);  // not a narrowing
        });
      });
    });
    return out;
  }

  function phrase(part) { return '"' + Array.from(part).join(" ") + '"'; }  // an exact run of characters
  function loose(part) { return Array.from(part).join(" "); }  // the same characters, scored by weight

  /* The Pagefind exact phrases for what a person typed: ["\"棚 户 区\"", "\"2 0 1 9\""]. */
  function queries(text) { return parts(text).map(phrase); }

  /* Words to mark in excerpts. */
  function marks(text) {
    var out = [];
    parts(text).forEach(function (p) { alternatives(p).forEach(function (a) { out.push(a); }); });
    var match;
    PARTS.lastIndex = 0;
    while ((match = PARTS.exec(text || ""))) out.push(match[0]);
    return out;
  }

  /* Words of a part a search found nothing for: its runs of Chinese characters and of other letters
     and digits; a Chinese run of more than two characters cut by the browser's word segmenter into
     words of two or more (single characters paired with the next), else into pairs of characters. */
  var HAN_RUNS = new RegExp("[" + HAN + "]+|[^" + HAN + "]+", "gu");
  var HAN_ONLY = new RegExp("^[" + HAN + "]+$", "u");
  function words(part) {
    var out = [];
    (part.match(HAN_RUNS) || []).forEach(function (run) {
      var chars = Array.from(run);
      if (!HAN_ONLY.test(run) || chars.length <= 2) { out.push(run); return; }
      var found = [];
      if (window.Intl && Intl.Segmenter) {
        var single = "";
        Array.from(new Intl.Segmenter("zh", { granularity: "word" }).segment(run)).forEach(function (s) {
          if (!s.isWordLike) return;
          if (Array.from(s.segment).length > 1) { if (single) found.push(single + s.segment.charAt(0)); found.push(s.segment); single = ""; }
          else if (single) { found.push(single + s.segment); single = ""; }
          else single = s.segment;
        });
        if (single && found.length) found.push(chars[chars.length - 2] + single);
      }
      if (!found.length) {
        for (var i = 0; i + 1 < chars.length; i += 2) found.push(chars[i] + chars[i + 1]);
        if (chars.length % 2) found.push(chars[chars.length - 2] + chars[chars.length - 1]);
      }
      found.forEach(function (w) { out.push(w); });
    });
    return out.filter(function (w, i) { return out.indexOf(w) === i; });
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
      var table = fetch(new URL("sitegen.json", manifestUrl), { cache: "no-cache" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
      pagefindPromise = Promise.all([import(url), manifest, table]).then(function (loaded) {
        setVariants(loaded[2]);
        var pagefind = loaded[0];
        var shards = (loaded[1] && loaded[1].shards && loaded[1].shards.length) ? loaded[1].shards : [{ path: "./" }];
        var layer = loaded[1] && loaded[1].overlay && loaded[1].overlay.path ? loaded[1].overlay : null;
        var masked = new Set(layer ? layer.masked || [] : []);
        return Promise.resolve(pagefind.init ? pagefind.init() : null).then(function () {
          if (shards.length < 2 && !layer) return null;
          return pagefind.options({ mergeFilter: { shard: "0" } }).then(function () {
            var more = shards.slice(1).map(function (shard, i) { return [shard.path, String(i + 1)]; });
            if (layer) more.push([layer.path, "overlay"]);
            return Promise.all(more.map(function (m) {
              return pagefind.mergeIndex(new URL(m[0], manifestUrl).pathname, { mergeFilter: { shard: m[1] } });
            }));
          });
        }).then(function () {
          return {
            shards: shards.length,
            overlay: layer,
            search: function (term, options) {
              return pagefind.search(term, options).then(function (response) {
                if (masked.size) response.results = response.results.filter(function (r) { return !masked.has(r.id); });
                return response;
              });
            },
            filters: function () { return pagefind.filters().then(function (values) { return uncounted(values, layer); }); }
          };
        });
      });
    }
    return pagefindPromise;
  }

  /* The filters' counts less what the overlay masks in the shards (sitegen/index/overlay.py); a value
     only masked records held is gone. */
  function uncounted(values, layer) {
    if (!layer || !layer.uncount) return values;
    Object.keys(layer.uncount).forEach(function (key) {
      var counts = values[key];
      if (!counts) return;
      Object.keys(layer.uncount[key]).forEach(function (value) {
        if (!(value in counts)) return;
        counts[value] -= layer.uncount[key][value];
        if (counts[value] <= 0) delete counts[value];
      });
    });
    delete values.overlay;
    return values;
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
    if (!direction || !(pagefind.shards > 1 || pagefind.overlay)) return pagefind.search(term, options);
    var order = [];
    for (var i = 0; i < pagefind.shards; i++) order.push(String(i));
    if (direction === "desc") order.reverse();
    // records without a date are left out of a date sort, in the shards by Pagefind and here likewise
    var days = (pagefind.overlay ? pagefind.overlay.days || [] : []).filter(function (d) { return d !== "-"; });
    function part(filters) {
      return pagefind.search(term, Object.assign({}, options, { filters: Object.assign({}, options.filters, filters) }));
    }
    return Promise.all(order.map(function (i) { return part({ shard: i }); }).concat(days.map(function (day) {
      return part({ shard: "overlay", overlay: day });
    }))).then(function (responses) {
      var base = [].concat.apply([], responses.slice(0, order.length).map(function (r) { return r.results; }));
      var groups = days.map(function (day, i) { return { day: day, results: responses[order.length + i].results }; });
      return placed(base, groups.filter(function (g) { return g.results.length; }), direction).then(function (results) {
        return { results: results };
      });
    });
  }

  /* "2019年2月27日" or "2019-02-27" -> 20190227; null without a date. */
  function dayNumber(text) {
    var m = /(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec(text || "");
    return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : null;
  }

  /* The overlay's records, a group per day, placed among the shards' records in date order: each group
     before the first record that sorts after it, found by bisection on the records' dates (a fragment
     each; records without a date sort last). */
  function placed(base, groups, direction) {
    if (!groups.length) return Promise.resolve(base);
    var keys = new Map();
    function key(k) {
      if (!keys.has(k)) keys.set(k, base[k].data().then(function (data) { return dayNumber((data.meta || {}).date); }));
      return keys.get(k);
    }
    function after(k, day) {  // whether base[k] sorts after a record of `day`
      return key(k).then(function (d) {
        if (d === null) return day !== null;
        if (day === null) return false;
        return direction === "desc" ? d < day : d > day;
      });
    }
    function position(day, lo, hi) {
      if (lo >= hi) return Promise.resolve(lo);
      var mid = (lo + hi) >> 1;
      return after(mid, day).then(function (yes) { return yes ? position(day, lo, mid) : position(day, mid + 1, hi); });
    }
    var sorted = groups.map(function (g) { return { day: g.day === "-" ? null : dayNumber(g.day), results: g.results }; })
      .sort(function (a, b) {
        if (a.day === b.day) return 0;
        if (a.day === null) return 1;
        if (b.day === null) return -1;
        return direction === "desc" ? b.day - a.day : a.day - b.day;
      });
    return Promise.all(sorted.map(function (g) { return position(g.day, 0, base.length); })).then(function (at) {
      var out = [];
      for (var k = 0, j = 0; k <= base.length; k++) {
        for (; j < sorted.length && at[j] === k; j++) out.push.apply(out, sorted[j].results);
        if (k < base.length) out.push(base[k]);
      }
      return out;
    });
  }

  function filterOptions(filters) {
    var pfFilters = {};
    Object.keys(filters || {}).forEach(function (key) {
      var value = filters[key];
      if (Array.isArray(value) && value.length > 1) pfFilters[key] = { any: value };
      else if (Array.isArray(value) && value.length === 1) pfFilters[key] = value[0];
      else if (value) pfFilters[key] = value;
    });
    return pfFilters;
  }

  /* One part, with its alternatives: Map id -> {result, score}. Which records match: those holding one
     of the alternatives as an exact run of characters. How they rank: Pagefind scores exact phrases all
     alike, so the score is that of Pagefind's ordinary search of the same characters, which weighs the
     part of the record they are in (docs/search.md). Under a date sort the phrase search gives the
     order (`first`: across shards). */
  function searchPart(pagefind, part, options, first) {
    var alts = alternatives(part);
    return Promise.all(alts.map(function (alt) {
      var exact = first ? ordered(pagefind, phrase(alt), options) : pagefind.search(phrase(alt), options);
      var scored = options.sort && options.sort.date ? Promise.resolve(null) : pagefind.search(loose(alt), options);
      return Promise.all([exact, scored]);
    })).then(function (responses) {
      var found = new Map();
      responses.forEach(function (pair) {
        var scores = new Map();
        if (pair[1]) pair[1].results.forEach(function (x) { scores.set(x.id, x.score); });
        pair[0].results.forEach(function (x, i) {
          var score = scores.has(x.id) ? scores.get(x.id) : 0;
          var had = found.get(x.id);
          if (!had) found.set(x.id, { result: x, score: score, i: found.size });
          else if (score > had.score) had.score = score;
        });
      });
      return found;
    });
  }

  /* Records matching every part (all = true) or any part, best first: by the number of parts matched,
     then the sum of their scores, then the order of the first part (by date when sorted). */
  function combine(maps, all) {
    var ids = new Map();
    maps.forEach(function (map) {
      map.forEach(function (hit, id) {
        var had = ids.get(id);
        if (!had) ids.set(id, { result: hit.result, n: 1, score: hit.score, i: hit.i });
        else { had.n += 1; had.score += hit.score; }
      });
    });
    var out = [];
    ids.forEach(function (hit) { if (!all || hit.n === maps.length) out.push(hit); });
    return out.sort(function (a, b) { return b.n - a.n || b.score - a.score || a.i - b.i; })
      .map(function (hit) { return hit.result; });
  }

  function searchParts(pagefind, list, options, all) {
    return Promise.all(list.map(function (part, i) { return searchPart(pagefind, part, options, i === 0); }))
      .then(function (maps) { return combine(maps, all); });
  }

  /* Search: pagefind as loadPagefind gives it, text (may be empty: filters only), filters
     {unit: "…"} or {unit: ["…", "…"]}, sort. Resolves to Pagefind results ({id, score, data()}),
     best (or by date) first, or null when there is nothing to search for. The list says how the
     query was widened: `alternatives` (other forms searched: simplified characters, synonyms) and,
     when the query as typed found nothing, `retried` ({words, all}: the words searched instead). */
  function search(pagefind, text, filters, sort) {
    var options = { filters: filterOptions(filters), sort: sortOption(sort) };
    var list = parts(text);
    if (!list.length) {
      if (!Object.keys(options.filters).length) return Promise.resolve(null);
      return ordered(pagefind, null, options).then(function (r) { return r.results; });
    }
    var typed = [], match;
    PARTS.lastIndex = 0;
    while ((match = PARTS.exec(text))) typed.push(match[0].toLowerCase());
    var widened = [];
    list.forEach(function (p) {
      alternatives(p).forEach(function (a) { if (typed.indexOf(a) < 0 && widened.indexOf(a) < 0) widened.push(a); });
    });
    return searchParts(pagefind, list, options, true).then(function (results) {
      results.alternatives = widened;
      if (results.length) return results;
      var split = [];
      list.forEach(function (p) {
        words(p).forEach(function (w) {
          if (split.indexOf(w) < 0) split.push(w);
        });
      });
      if (split.length < 2) return results;
      return searchParts(pagefind, split, options, true).then(function (every) {
        if (every.length) { every.retried = { words: split, all: true }; every.alternatives = widened; return every; }
        return searchParts(pagefind, split, options, false).then(function (some) {
          some.retried = { words: split, all: false };
          some.alternatives = widened;
          return some;
        });
      });
    });
  }

  /* What the page says about a widened query. */
  function explain(text, results) {
    var out = "";
    if (results.retried) {
      out += "未找到“" + text + "”，已改为搜索" + results.retried.words.map(function (w) { return "“" + w + "”"; }).join("")
        + (results.retried.all ? "（同时包含这些词）" : "（包含其中任一词）") + "。";
    }
    if (results.alternatives && results.alternatives.length) {
      out += "已同时搜索" + results.alternatives.map(function (w) { return "“" + w + "”"; }).join("") + "。";
    }
    return out;
  }

  /* The filter values a name in an address stands for. Unit and leader values name their government when
     names repeat ("市发改委（浙江省湖州市）", searchrecord.FilterNames), so an address written before that, or
     by hand, may carry the bare name: it stands for the value of each government that has that name (one or
     several). `available`: {value: count} of the filter; `governments`: the governments' full names
     (浙江省湖州市: pagefind/sitegen.json). [] when nothing matches. */
  function named(value, available, governments) {
    if (!available || Object.prototype.hasOwnProperty.call(available, value)) return [value];
    return Object.keys(available).filter(function (name) {
      return name.slice(0, value.length + 1) === value + "（" && name.slice(-1) === "）"
        && (governments || GOVERNMENTS).indexOf(name.slice(value.length + 1, -1)) >= 0;
    }).sort();
  }

  window.SitegenSearch = { queries: queries, parts: parts, alternatives: alternatives, search: search, load: loadPagefind,
    named: named };

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
    // A bare name from an address that stands for several governments' values: key -> name -> values.
    var expanded = {};
    var available = null;  // the filter values, once loaded

    /* The filters as searched: a bare name that stands for several values is any of them. */
    function searched(filters) {
      var out = {};
      Object.keys(filters).forEach(function (key) {
        var values = [];
        filters[key].forEach(function (v) {
          ((expanded[key] || {})[v] || [v]).forEach(function (x) { if (values.indexOf(x) < 0) values.push(x); });
        });
        out[key] = values;
      });
      return out;
    }

    /* An address's filter values as the filters name them: a bare unit or leader name becomes the one
       value it stands for, or stays as it is and stands for all of them (`expanded`). */
    function resolved(state) {
      if (!available) return state;
      ["unit", "leader"].forEach(function (key) {
        if (!state.filters[key]) return;
        state.filters[key] = state.filters[key].map(function (v) {
          var values = named(v, available[key]);
          if (values.length === 1) return values[0];
          if (values.length > 1) { expanded[key] = expanded[key] || {}; expanded[key][v] = values; }
          return v;
        });
      });
      return state;
    }

    function setOptions(select, values, chosen) {
      var keep = select.options[0];
      select.textContent = "";
      select.append(keep);
      var names = Object.keys(values || {}).sort(function (a, b) { return a.localeCompare(b, "zh-CN"); });
      if (select.dataset.filter === "year") names.sort().reverse();
      if (chosen && names.indexOf(chosen) < 0) names.unshift(chosen);
      var many = expanded[select.dataset.filter] || {};
      names.forEach(function (name) {
        var count = values && values[name] !== undefined ? "（" + values[name] + "）" : "";
        if (many[name]) {
          var total = many[name].reduce(function (n, v) { return n + ((values || {})[v] || 0); }, 0);
          count = "（" + many[name].length + " 个政府，" + total + "）";
        }
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
      return search(pagefind, state.q, searched(state.filters), state.sort).then(function (results) {
        if (serial !== current.serial) return;
        results = results || [];
        current.results = results;
        current.shown = 0;
        current.words = marks(state.q).concat(results.retried ? results.retried.words : []);
        list.textContent = "";
        if (!results.length) {
          status.textContent = state.q ? explain(state.q, results) + "没有找到与“" + state.q + "”相关的结果。可以换一个词，或减少筛选条件。" : "没有符合筛选条件的结果。";
          more.hidden = true;
          return;
        }
        var message = (state.q ? explain(state.q, results) : "") + (state.q ? "找到 " + results.length + " 条与“" + state.q + "”相关的结果" : "共 " + results.length + " 条符合筛选条件的结果")
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
      state = resolved(state);
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
          optionsLoaded = pagefind.filters().then(function (values) {
            available = values;
            FILTERS.forEach(function (key) {
              if (!selects[key]) return;
              var chosen = resolved({ filters: selects[key].value ? (function (f) { f[key] = [selects[key].value]; return f; })({}) : {} });
              setOptions(selects[key], available[key], (chosen.filters[key] || [""])[0]);
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
        // An address with ?q= or filters searches at once (one value per filter: the first); with filters,
        // once their values are loaded, so that a bare unit or leader name finds its values (`resolved`).
        if (Object.keys(initial.filters).length) return loadOptions().then(function () { return run(pagefind); });
        if (initial.q) return run(pagefind);
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
