// The page of an old address that had a query (layouts/query-alias.html): find the article
// (or list page) the query names in the page's table, or in the JSON file of its shard, and go there.
(function () {
  var data = document.querySelector("script[data-dia-chi-cu-bang]");
  if (!data) return;
  var d = JSON.parse(data.textContent);
  var status = document.querySelector("[data-dia-chi-cu]");
  var asked = Object.create(null);
  new URLSearchParams(location.search).forEach(function (value, name) {
    name = name.toLowerCase().replace(/^amp;/, "");  // an address copied out of HTML: "&amp;id=5"
    if (!(name in asked)) asked[name] = value;
  });
  // The query as aliases.canonical_query writes it, once per set of names the table uses.
  var keys = [];
  d.names.forEach(function (names) {
    if (names.every(function (name) { return name in asked; })) {
      keys.push(names.map(function (name) {
        return encodeURIComponent(name) + "=" + encodeURIComponent(asked[name]);
      }).join("&"));
    }
  });
  function go(url) { location.replace(d.base.replace(/\/$/, "") + url); }
  function goOrNext(table, i) {  // the article keys[i] names in `table`, else the next set of names
    var known = Object.prototype.hasOwnProperty.call(table, keys[i]);
    return known ? go(table[keys[i]]) : look(i + 1);
  }
  function missed() {
    if (d.fallback) return go(d.fallback);
    status.textContent = "Không tìm thấy " + d.noun + " ứng với địa chỉ cũ này: " + d.noun + " có thể đã được gỡ, " +
      "hoặc chưa được chuyển sang cổng thông tin mới. Hãy tìm bài viết dưới đây.";
  }
  function shard(key) {  // FNV-1a, as aliases.query_shard
    var hash = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return Math.floor(hash * d.shards / 4294967296);  // exact: below 2^53
  }
  function look(i) {
    if (i >= keys.length) return missed();
    if (d.targets) return goOrNext(d.targets, i);
    status.textContent = "Đang tìm " + d.noun + " ứng với địa chỉ cũ này…";
    fetch(d.prefix + shard(keys[i]) + ".json").then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (table) { goOrNext(table, i); }).catch(missed);
  }
  look(0);
})();
