// kiemtra: the one script of the web page. Everything works without it; with it, a block
// marked data-load="URL" is replaced by the element with the same id on the page at URL
// (the finding page shows its similar findings without a second click).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-load]").forEach(function (target) {
    fetch(target.getAttribute("data-load"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var part = new DOMParser().parseFromString(html, "text/html").getElementById(target.id);
        if (part) {
          target.replaceChildren.apply(target, Array.from(part.childNodes).map(function (node) {
            return document.importNode(node, true);
          }));
          target.removeAttribute("data-load");
        }
      })
      .catch(function () { /* the link stays: the reader can still open the page */ });
  });
});
