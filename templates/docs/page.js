/* Tabs (language choice shared by every example on the page), copy buttons, and the sidebar marking the
   operation being read. Pure DOM, no network, works from file://. */
(function () {
  "use strict";

  function select(group, name) {
    group.querySelectorAll('[role="tab"]').forEach(function (tab) {
      var on = tab.getAttribute("data-tab") === name;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
    });
    group.querySelectorAll("[data-panel]").forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-panel") !== name;
    });
  }

  function choose(group, name) {
    var sync = group.getAttribute("data-sync");
    if (!sync) { select(group, name); return; }
    document.querySelectorAll('.tab-group[data-sync="' + sync + '"]').forEach(function (other) {
      if (other.querySelector('[data-tab="' + name + '"]')) { select(other, name); }
    });
    try { window.localStorage.setItem("apigen-tab-" + sync, name); } catch (error) { /* storage off */ }
  }

  document.querySelectorAll(".tab-group").forEach(function (group) {
    var tabs = Array.prototype.slice.call(group.querySelectorAll('[role="tab"]'));
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { choose(group, tab.getAttribute("data-tab")); });
      tab.addEventListener("keydown", function (event) {
        var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) { return; }
        event.preventDefault();
        var next = tabs[(index + step + tabs.length) % tabs.length];
        choose(group, next.getAttribute("data-tab"));
        next.focus();
      });
    });
  });
  try {
    var saved = window.localStorage.getItem("apigen-tab-lang");
    var first = document.querySelector('.tab-group[data-sync="lang"]');
    if (saved && first && first.querySelector('[data-tab="' + saved + '"]')) { choose(first, saved); }
  } catch (error) { /* storage off */ }

  /* code blocks rendered from Markdown (the queue flow, the changelog) get the same copy button */
  document.querySelectorAll(".prose pre").forEach(function (pre) {
    var figure = document.createElement("figure");
    var button = document.createElement("button");
    figure.className = "code";
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    pre.parentNode.insertBefore(figure, pre);
    figure.appendChild(button);
    figure.appendChild(pre);
  });

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done;
  }

  function copied(button, ok) {
    button.textContent = ok ? "Copied" : "Press Ctrl+C";
    button.classList.toggle("done", ok);
    window.setTimeout(function () { button.textContent = "Copy"; button.classList.remove("done"); }, 1600);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) { return; }
    var source = button.parentElement.querySelector("pre code, code.path");
    var text = source ? source.textContent : "";
    button.setAttribute("data-copied", text);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button, true); },
        function () { copied(button, fallbackCopy(text)); });
    } else {
      copied(button, fallbackCopy(text));
    }
  });

  var links = {};
  document.querySelectorAll("#nav li[data-op] a").forEach(function (link) {
    links[link.getAttribute("href").slice(1)] = link;
  });
  if ("IntersectionObserver" in window) {
    var current = null;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        if (current) { current.classList.remove("active"); }
        current = links[entry.target.id] || null;  /* the overview or the changelog: no operation */
        if (current) { current.classList.add("active"); }
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    document.querySelectorAll("main > section[id]").forEach(function (section) { observer.observe(section); });
  }
}());
