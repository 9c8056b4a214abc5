/* The search page: Pagefind's index, loaded from our own origin only.
   Readers often type without marks and write "d" for "đ". Pagefind folds tone
   marks but keeps đ, so each word typed with a leading d is also searched with
   đ ("dua" → "đua"). Pagefind also forgives typos ("dua" finds "du"), so the
   merged results are ranked first by how many typed words the article holds as
   typed (a word typed with marks must have them: "lừa" is not "lựa"), then by how
   many it holds folded (đ as d), then by whether they stand close together, then
   by Pagefind's score. Excerpts are always the article's own words, without the title
   and unit the result already shows: the stretch where the typed words stand together,
   the opening when they stand together only in the title or names, else from the first
   typed word the text holds (or its opening). */
(function () {
  "use strict";
  var script = document.currentScript;
  var bundle = script.getAttribute("data-bundle");
  var base = script.getAttribute("data-base");  // result links honour base_url's path
  var MAX_SPELLINGS = 16, PER_SPELLING = 20, MAX_RESULTS = 30, MIN_PAGE = 10, FILL_BATCHES = 3;
  var form, input, status, list, fallback, selects, pagefind, timer, moreButton, termPage, generation = 0, ready = false;
  var failed = false;  // the index or a search's files did not load: "Tìm kiếm" loads the page again

  // A day typed as "7/12/2026", "07/12/2026" or "7.12.2026": both ways of writing it (the index
  // reads "15/3/2026" as "1532026", which "15/03/2026" would not find); else null.
  function dayForms(word) {
    var day = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(word);
    if (!day) return null;
    var d = +day[1], m = +day[2], pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var padded = pad(d) + "/" + pad(m) + "/" + day[3], bare = d + "/" + m + "/" + day[3];
    return padded === bare ? [padded] : [padded, bare];
  }

  // A phone number typed with dots or dashes ("0221.3862.124", "0912-345-678", "1900.1234") as the
  // text writes its groups, words apart ("0221 3862 124"): as one word it was no article's, and the
  // articles listed for it were said not to hold it. Only a phone's (from 0, +, 1800 or 1900): a day
  // ("7.12.2026", "2026-06-10") or a sum ("1.250.000") stays as typed.
  function numberGroups(query) {
    return query.split(/(\s+)/).map(function (word) {
      var groups = /^\(?(?:\+|0|1[89]00)\d*\)?(?:[.\-]\d+){1,}$/.test(word) && !dayForms(word) &&
                   word.replace(/\D/g, "").length >= 7;
      return groups ? word.replace(/[.\-]/g, " ") : word;
    }).join("");
  }

  function spellings(query) {
    var words = query.trim().split(/\s+/).filter(Boolean), out = [""];
    words.forEach(function (word) {
      // In Vietnamese, d/đ only starts a syllable: one choice per word.
      var options = dayForms(word) || (/^d/i.test(word) ? [word, word.replace(/^d/, "đ").replace(/^D/, "Đ")] : [word]);
      var next = [];
      out.forEach(function (head) {
        options.forEach(function (w) { if (next.length < MAX_SPELLINGS) next.push(head ? head + " " + w : w); });
      });
      out = next;
    });
    return out;
  }

  // The five tone marks, as Unicode decomposes them; the other marks (ă â ê ô ơ ư) make letters.
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

  // The words of `text`, each as its folded key (no marks, đ as d) and its spelling: the
  // letters with their vowel marks, and the tone mark apart, wherever it was written
  // ("hoà" and "hòa" are one spelling, old and new style).
  function tokensOf(text) {
    var runs = text.normalize("NFD").toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) || [];
    return runs.map(function (run) {
      var letters = run.replace(TONES, ""), key = letters.replace(/\p{M}/gu, "").replace(/đ/g, "d");
      var tone = (run.match(TONES) || []).join("");
      return { key: key, letters: letters, tone: tone, marked: letters !== key || tone !== "" };
    });
  }

  function keysOf(text) {
    return tokensOf(text).map(function (t) { return t.key; });
  }

  // One written word ("COVID-19,") as one token; a day as written either way ("7/12/2026",
  // "07/12/2026,") as the one token of its zero-padded form.
  function wordToken(word) {
    var day = /^\W*(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})\W*$/.exec(word);
    if (day) word = dayForms(day[1] + "/" + day[2] + "/" + day[3])[0];
    var parts = tokensOf(word);
    return { key: parts.map(function (t) { return t.key; }).join(""),
             letters: parts.map(function (t) { return t.letters; }).join(""),
             tone: parts.map(function (t) { return t.tone; }).join(""),
             marked: parts.some(function (t) { return t.marked; }) };
  }

  // The words of a phrase in quotes ("lừa đảo qua mạng", or “…” as a phone's keyboard
  // writes them), else null. Pagefind 1.5's own phrase search misses articles whose words
  // carry marks (in the demo it found none for "lừa đảo qua mạng", and two of the three
  // holding "lừa đảo"): the words are searched as words, and the articles holding them in a row kept.
  function phraseOf(query) {
    var quoted = /^["“”„]\s*([\s\S]*?)\s*["“”„]$/.exec(query);
    return quoted && quoted[1] ? quoted[1] : null;
  }

  // The typed words, each as one token as the article's words are ("10/6/2026" is not 10, 6, 2026).
  function typedWords(query) {
    return query.split(/\s+/).map(wordToken).filter(function (t) { return t.key; });
  }

  // Whether the article holds every typed word as typed (the last may be unfinished), written
  // as one word ("7/12/2026", "COVID-19") or as its parts.
  function holdsAll(query, tokens, content) {
    var typed = typedWords(query), parts = null;
    return typed.every(function (t, j) {
      var has = function (token) { return matchLevel(token, t, j === typed.length - 1) === 2; };
      return tokens.some(has) || (parts = parts || tokensOf(content)).some(has);
    });
  }

  // Where the article's words hold the phrase's words one after another, each as typed
  // (the places of its first and last word), or null.
  function phraseAt(phrase, tokens) {
    var typed = typedWords(phrase);
    if (!typed.length) return null;
    for (var i = 0; i + typed.length <= tokens.length; i++) {
      for (var j = 0; j < typed.length && matchLevel(tokens[i + j], typed[j], false) === 2; j++);
      if (j === typed.length) return { start: i, end: i + j - 1 };
    }
    return null;
  }

  // 2 when the article's word is the typed one as typed, 1 when only folded, 0 when not
  // at all; the last typed word may be unfinished. A word typed without marks is
  // matched as typed by any spelling.
  function matchLevel(word, typed, last) {
    var folded = word.key === typed.key || (last && word.key.indexOf(typed.key) === 0);
    if (!folded) return 0;
    if (!typed.marked) return 2;
    var exact = word.letters === typed.letters && word.tone === typed.tone;
    var started = last && word.letters.indexOf(typed.letters) === 0 && (!typed.tone || typed.tone === word.tone);
    return exact || started ? 2 : 1;
  }

  // Where the typed words sit in the article's own words: how many are there folded,
  // how many as typed, and the shortest stretch holding all of them (folded).
  function locate(query, content) {
    var typed = typedWords(query), words = content.split(/\s+/).filter(Boolean);
    var tokens = words.map(wordToken);
    var folded = typed.map(function () { return false; }), exact = folded.slice(), last = {}, best = null;
    tokens.forEach(function (token, i) {
      typed.forEach(function (t, j) {
        var level = matchLevel(token, t, j === typed.length - 1);
        if (level) { folded[j] = true; last[j] = i; }
        if (level === 2) exact[j] = true;
      });
      var seen = Object.keys(last);
      if (typed.length && seen.length === typed.length) {
        var start = Math.min.apply(null, seen.map(function (k) { return last[k]; }));
        if (!best || i - start < best.end - best.start) best = { start: start, end: i };
      }
    });
    var found = folded.filter(Boolean).length, asTyped = exact.filter(Boolean).length;
    var near = best !== null && best.end - best.start < typed.length + 3;
    // Marks go on the words as typed; on folded matches only when the article has none as typed.
    return { found: found, exact: asTyped, near: near, best: best, typed: typed, words: words, tokens: tokens,
             markLevel: asTyped ? 2 : 1 };
  }

  // An excerpt around the stretch where all typed words are close together.
  function nearExcerpt(place) {
    return excerptFrom(place, Math.max(0, place.best.start - 8), function (i) {
      return i >= place.best.start && i <= place.best.end;
    });
  }

  // The opening words, with any typed word marked: for a search whose words stand
  // together only in the title, and for a list chosen by filters alone.
  function openingExcerpt(place) {
    return excerptFrom(place, 0, function () { return true; });
  }

  // Around the first typed word the text holds, for words that never stand together;
  // the opening when it holds none (Pagefind's excerpt would repeat the title, cut mid-way).
  function firstWordExcerpt(place) {
    for (var i = 0; i < place.tokens.length; i++) {
      var token = place.tokens[i];
      if (place.typed.some(function (t) { return matchLevel(token, t, true) >= place.markLevel; })) {
        return excerptFrom(place, Math.max(0, i - 8), function () { return true; });
      }
    }
    return openingExcerpt(place);
  }

  function excerptFrom(place, from, markable) {
    var to = Math.min(place.words.length, from + 26), parts = [];
    for (var i = from; i < to; i++) {
      var hit = markable(i) && place.typed.some(function (t) {
        return matchLevel(place.tokens[i], t, true) >= place.markLevel;
      });
      parts.push(hit ? "<mark>" + escapeHtml(place.words[i]) + "</mark>" : escapeHtml(place.words[i]));
    }
    return (from > 0 ? "… " : "") + parts.join(" ") + (to < place.words.length ? " …" : "");
  }

  // The result's link already shows the title, and its meta line the unit: the excerpt
  // is the article's own text between the title it opens with and the unit, category and
  // campaign names it ends with (generator/search.py), found by comparing folded words.
  function ownText(data) {
    var words = data.content.split(/\s+/).filter(Boolean), keys = words.map(keysOf), f = data.filters || {};
    var from = spelledBy(keys, keysOf(data.meta.title || ""));
    var backwards = keys.slice(from).reverse().map(function (k) { return k.slice().reverse(); });
    var to = words.length - spelledBy(backwards, keysOf([].concat(f.category || [], f.campaign || []).join(" ")).reverse());
    // Before those, the units' names, and after them the names readers also know the units
    // by (site.toml's other_names, "PC08"), which the result does not know: the units' names
    // are looked for back from the category's, however many those other names are (the row
    // written last is met before any place the text names the units: two units with four
    // names each left them in the excerpt when looked for 16 words back only).
    var units = [].concat.apply([], (f.unit || []).map(keysOf));
    for (var at = to - 1; units.length && at >= from; at--) {
      if (spelledBy(keys.slice(at, to), units)) { to = at; break; }
    }
    return words.slice(from, to).join(" ");
  }

  // How many leading words spell exactly the keys `wanted` (0 when they do not).
  function spelledBy(wordKeys, wanted) {
    var k = 0, i = 0;
    for (; i < wordKeys.length && k < wanted.length; i++) {
      for (var j = 0; j < wordKeys[i].length; j++, k++) if (wordKeys[i][j] !== wanted[k]) return 0;
    }
    return wanted.length && k === wanted.length ? i : 0;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-filter")] = select.value;
    });
    return filters;
  }

  // What a list by one filter alone is, in order: the unit's, category's or campaign's own
  // page (the index cannot order by date). The build names that page on the option.
  var TERM_PAGE_WORDS = { unit: "bài viết của ", category: "bài viết chuyên mục ", campaign: "bài viết về " };

  function offerTermPage(query) {
    var chosen = selects.filter(function (select) { return select.value; });
    var option = chosen.length === 1 && !query ? chosen[0].selectedOptions[0] : null;
    var href = option && option.getAttribute("data-page");
    termPage.textContent = "";
    termPage.hidden = !href;
    if (!href) return;
    var link = document.createElement("a");
    link.href = href;
    link.textContent = "Xem tất cả " + (TERM_PAGE_WORDS[chosen[0].getAttribute("data-filter")] || "bài viết: ") + option.value +
                       ", mới nhất trước";
    termPage.appendChild(link);
  }

  function run() {
    var query = input.value.trim(), filters = chosenFilters(), mine = ++generation;
    offerTermPage(query);
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    if (!query && !Object.keys(filters).length) {
      list.textContent = "";
      status.textContent = "";
      moreButton.hidden = true;
      fallback.hidden = false;
      return;
    }
    status.textContent = "Đang tìm…";
    var phrase = phraseOf(query), words = numberGroups(phrase || query);
    if (phrase) phrase = words;
    var searches = words ? spellings(words).map(function (q) { return pagefind.search(q, { filters: filters }); })
                         : [pagefind.search(null, { filters: filters })];
    Promise.all(searches).then(function (answers) {
      var state = { query: query, words: words, phrase: phrase, generation: mine,
                    lists: answers.map(function (a) { return a && a.results || []; }),
                    depth: 0, taken: {}, most: null, ready: [], shown: 0, looked: 0 };
      return fill(state).then(function () {
        if (mine !== generation) return;
        list.textContent = "";
        showNext(state);
      });
    }).catch(function () { if (mine === generation) lost(); });
  }

  // A file of the index that did not come (the network dropped on a phone): Pagefind keeps
  // the failed load, so only the page again can fetch it; say so rather than "Đang tìm…" for ever.
  function lost() {
    failed = true;
    moreButton.hidden = true;
    moreButton.disabled = false;
    status.textContent = "Chưa tải được kết quả tìm kiếm (mạng chập chờn?); bấm “Tìm kiếm” để thử lại.";
  }

  // Results come a page at a time: each spelling's next PER_SPELLING by Pagefind's score,
  // loaded and ranked together. Articles that really contain the typed words come
  // first, closest together first; Pagefind's typo-tolerant matches only when the
  // first page has nothing that contains them.
  function loadBatch(state) {
    var best = {}, query = state.words;
    state.lists.forEach(function (results) {
      results.slice(state.depth, state.depth + PER_SPELLING).forEach(function (r) {
        if (!state.taken[r.id] && (!best[r.id] || best[r.id].score < r.score)) best[r.id] = r;
      });
    });
    state.depth += PER_SPELLING;
    var candidates = Object.keys(best).map(function (id) { state.taken[id] = true; return best[id]; });
    state.looked += candidates.length;
    return Promise.all(candidates.map(function (r) {
      return r.data().then(function (data) {
        var place = query ? locate(query, data.content) : { found: 1, exact: 1, near: false };
        var text = locate(query, ownText(data)), row = state.phrase && phraseAt(state.phrase, text.tokens);
        // A phrase's excerpt is where it stands in the text, else the opening (not where
        // words spelt like it stand together: "tặng quà" for "quả tang" in a title).
        if (state.phrase) data = Object.assign({}, data, { excerpt: row ? nearExcerpt(Object.assign({}, text, { best: row }))
                                                                        : excerptFrom(text, 0, function () { return false; }) });
        else if (text.near) data = Object.assign({}, data, { excerpt: nearExcerpt(text) });
        else if (place.near || !query) data = Object.assign({}, data, { excerpt: openingExcerpt(text) });
        else data = Object.assign({}, data, { excerpt: firstWordExcerpt(text) });
        return { data: data, score: r.score, id: r.id, found: place.found, exact: place.exact,
                 near: place.near ? 1 : 0, inRow: state.phrase ? phraseAt(state.phrase, place.tokens) !== null : true,
                 whole: query ? holdsAll(query, place.tokens, data.content) : true };
      });
    })).then(function (found) {
      // Typo-tolerant matches are dropped when the first page has articles holding the typed
      // words; folded ones ("lựa" for "lừa") when it has articles holding them as typed.
      if (state.most === null) {
        state.most = found.reduce(function (m, f) { return Math.max(m, f.found); }, 0);
        state.mostExact = found.reduce(function (m, f) { return Math.max(m, f.exact); }, 0);
        state.anyWhole = found.some(function (f) { return f.whole; });
      }
      // A phrase in quotes lists only the articles holding it.
      state.ready = state.ready.concat(found.filter(function (f) {
        return state.phrase ? f.inRow : (f.found > 0 || state.most === 0) && (f.exact > 0 || state.mostExact === 0);
      }).sort(function (a, b) {
        return b.exact - a.exact || b.found - a.found || b.near - a.near || b.score - a.score ||
               (a.id < b.id ? -1 : 1);
      }));
    });
  }

  function unloaded(state) {
    return state.lists.some(function (results) { return results.length > state.depth; });
  }

  // Ranked results waiting to be shown, loading batches until there are some or none are left,
  // and on (at most FILL_BATCHES in all) until a page is worth showing: a batch whose articles
  // mostly do not hold the typed words ("hòa" finds "hoạt" too) left a page of 8 results and a
  // "Xem thêm kết quả" that found nothing more. Never more than FILL_BATCHES at a time: a
  // phrase whose common words stand in a row nowhere ("toàn an") loaded every article
  // holding them (9,885 on the 10,000-article bench) before saying anything.
  function fill(state, loaded) {
    loaded = loaded || 0;
    if (!unloaded(state) || state.ready.length >= MIN_PAGE || loaded >= FILL_BATCHES) {
      return Promise.resolve();
    }
    return loadBatch(state).then(function () { return fill(state, loaded + 1); });
  }

  function showNext(state) {
    var page = state.ready.splice(0, MAX_RESULTS), first = list.children.length;
    show(page.map(function (f) { return f.data; }));
    state.shown += page.length;
    var more = state.ready.length > 0 || unloaded(state), query = state.query;
    // (a phrase typed in quotes is said in one pair of them: “"lừa đảo"” read as a slip)
    var said = (query || "").replace(/^\s*["“”]+\s*|\s*["“”]+\s*$/g, "");
    var shown = state.shown.toLocaleString("vi-VN"), words = query ? " cho “" + said + "”" : "";
    fallback.hidden = state.shown > 0;
    // A list by filters alone is Pagefind's one list, every entry a result: its length is the
    // count. Typed words are counted only once loaded (a typo-tolerant match may not hold them).
    var total = query ? "nhiều" : state.lists[0].length.toLocaleString("vi-VN");
    // No article holds every typed word: what Pagefind found are words spelt near them ("hotline"
    // finds "hộ", "họ"; "truy nã" "truyền", "năm"), or a typo's word ("luwaf" for "lừa"):
    // said so, not as articles found for them.
    var near = query && !state.anyWhole && !state.phrase;
    status.textContent = !state.shown && more
      ? "Chưa thấy bài viết nào chứa “" + (state.phrase || query) + "” trong " + state.looked.toLocaleString("vi-VN") +
        " bài viết đầu tiên; bấm “Xem thêm kết quả” để tìm tiếp."
      : !state.shown
      ? "Không tìm thấy bài viết nào" + words + ". Mời bạn thử từ khóa khác hoặc xem theo chuyên mục."
      : near ? "Không có bài viết nào chứa" + words.replace(" cho", "") + "; " +
               (more ? "đang hiển thị " + shown + " bài viết có từ gần giống nhất." : shown + " bài viết dưới đây có từ gần giống.")
      : more ? "Tìm thấy " + total + " bài viết" + words + "; đang hiển thị " + shown +
               (query ? " bài phù hợp nhất." : " bài đầu tiên.")  // a list by filters alone has no "best"
             : "Tìm thấy " + shown + " bài viết" + words + ".";
    moreButton.hidden = !more;
    moreButton.onclick = function () {
      moreButton.disabled = true;
      fill(state).then(function () {
        moreButton.disabled = false;
        if (state.generation !== generation) return;
        showNext(state);
        var next = list.children[first + page.length];
        if (next) next.querySelector("a").focus();  // the reader goes on where the new results begin
      }).catch(function () { if (state.generation === generation) lost(); });
    };
  }

  // Appends one page of results to the list.
  function show(found) {
    found.forEach(function (data) {
      var item = document.createElement("li");
      item.className = "search-result";
      var title = document.createElement("h2");
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      title.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "meta";
      var unit = unitNames(data.filters && data.filters.unit ? data.filters.unit : []);
      meta.textContent = [data.meta.date, unit].filter(Boolean).join(" · ");
      var excerpt = document.createElement("p");
      excerpt.className = "excerpt";
      appendExcerpt(excerpt, data.excerpt);
      item.appendChild(title);
      if (meta.textContent) item.appendChild(meta); // a page of its own (Giới thiệu) has no date or unit
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  // The unit, or the units of a joint article as its page names them: "A và B", "A, B và C".
  function unitNames(units) {
    return units.length > 1 ? units.slice(0, -1).join(", ") + " và " + units[units.length - 1] : (units[0] || "");
  }

  // Only <mark> becomes markup; everything else is shown as text.
  function appendExcerpt(target, html) {
    var decoder = document.createElement("textarea");
    html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = part.indexOf("<mark>") === 0;
      decoder.innerHTML = marked ? part.slice(6, -7) : part;
      var text = document.createTextNode(decoder.value);
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        target.appendChild(mark);
      } else {
        target.appendChild(text);
      }
    });
  }

  // The lists and their counts come with the page (generator/routes.py, marked
  // data-listed), so the browser does not fetch every shard's filter files to fill
  // them. A site's own search.html written before that has empty lists: those are
  // filled from the index, as they used to be.
  function fillUnlisted() {
    var unlisted = selects.filter(function (select) { return !select.hasAttribute("data-listed"); });
    if (!unlisted.length) return Promise.resolve();
    return pagefind.filters().then(function (available) {
      unlisted.forEach(function (select) {
        var values = available[select.getAttribute("data-filter")] || {};
        Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "vi"); }).forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + values[value] + ")";
          select.appendChild(option);
        });
      });
    });
  }

  function watchFilters(params) {
    selects.forEach(function (select) {
      var name = select.getAttribute("data-filter");
      if (params.get(name)) select.value = params.get(name);
      select.addEventListener("change", run);
    });
    document.querySelector(".search-filters").hidden = false;
  }

  // A large portal's index comes in shards (generator/search.py); merge them all.
  function mergeShards() {
    return fetch(base + "pagefind-shards.json").then(function (response) {
      return response.ok ? response.json() : [];
    }, function () { return []; }).then(function (shards) {
      return Promise.all(shards.map(function (dir) { return pagefind.mergeIndex(base + dir); }));
    });
  }

  function start() {
    form = document.querySelector(".search-form");
    input = document.getElementById("q");
    status = document.querySelector(".search-status");
    list = document.querySelector(".search-results");
    fallback = document.querySelector(".search-fallback");
    termPage = document.querySelector(".search-term-page") || document.createElement("p");
    moreButton = document.createElement("button");
    moreButton.type = "button";
    moreButton.className = "search-more";
    moreButton.textContent = "Xem thêm kết quả";
    moreButton.hidden = true;
    list.parentNode.insertBefore(moreButton, list.nextSibling);
    selects = Array.prototype.slice.call(document.querySelectorAll(".search-filters select"));
    var params = new URLSearchParams(location.search);
    // (words typed before this script ran are kept: they are what the reader means to find)
    if (!input.value) input.value = params.get("q") || "";
    // On a slow network pagefind.js takes seconds: say so at once, and keep "Tìm kiếm" from
    // sending the form, which reloaded this page and started the wait again. Once the index
    // is ready the search runs on what the box then holds; the filters' space is kept for
    // them meanwhile (style.css), so nothing below them moves when they appear.
    status.textContent = "Đang tải bộ tìm kiếm…";
    form.addEventListener("submit", function (event) {
      if (failed) return;  // the page again: a new try at loading the index
      event.preventDefault();
      if (ready) run();
    });
    input.addEventListener("input", function () {
      if (!ready || failed) return;
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
    import(bundle + "pagefind.js").then(function (module) {
      pagefind = module;
      return pagefind.options({ excerptLength: 24, baseUrl: base }).then(mergeShards).then(fillUnlisted);
    }).then(function () {
      watchFilters(params);
      ready = true;
      document.body.setAttribute("data-search-ready", "");
      run();
    }).catch(function () {
      failed = true;
      status.textContent = "Chưa tải được bộ tìm kiếm; mời bạn xem bài viết theo chuyên mục.";
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
