/* Search page: Pagefind UI in Chinese; ?q= from the address starts a search. */
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("search");
    if (!box) return;
    if (typeof PagefindUI === "undefined") {
      box.innerHTML = '<p class="note">搜索索引尚未生成或加载失败，请稍后再试，或按通知、单位、主题浏览。</p>';
      return;
    }
    var ui = new PagefindUI({
      element: "#search",
      showSubResults: false,
      showImages: false,
      translations: {
        placeholder: "搜索任务、单位、领导",
        clear_search: "清除",
        load_more: "加载更多结果",
        search_label: "搜索本站",
        filters_label: "筛选",
        zero_results: "没有找到与“[SEARCH_TERM]”相关的结果",
        many_results: "找到 [COUNT] 条与“[SEARCH_TERM]”相关的结果",
        one_result: "找到 [COUNT] 条与“[SEARCH_TERM]”相关的结果",
        alt_search: "没有找到与“[SEARCH_TERM]”相关的结果，以下是“[DIFFERENT_TERM]”的结果",
        search_suggestion: "没有找到与“[SEARCH_TERM]”相关的结果，请尝试以下搜索：",
        searching: "正在搜索“[SEARCH_TERM]”……"
      }
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q && typeof ui.triggerSearch === "function") ui.triggerSearch(q);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
