/* Filters the operations by the words typed in the search box: an operation stays when every word
   occurs in its method, path, id, summary or SDK call. Pure DOM, no network, works from file://. */
(function () {
  "use strict";
  var input = document.getElementById("search");
  var noMatch = document.getElementById("no-match");
  var items = Array.prototype.slice.call(document.querySelectorAll("#nav li[data-op]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.op"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("#nav .nav-group"));

  function matches(element, words) {
    var text = (element.getAttribute("data-search") || "").toLowerCase();
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  }

  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var keep = matches(item, words);
      item.hidden = !keep;
      if (keep) { shown += 1; }
    });
    sections.forEach(function (section) { section.hidden = !matches(section, words); });
    groups.forEach(function (group) {
      group.hidden = group.querySelectorAll("li[data-op]:not([hidden])").length === 0;
    });
    noMatch.hidden = shown !== 0;
  }

  input.addEventListener("input", apply);
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });
  apply();
}());
