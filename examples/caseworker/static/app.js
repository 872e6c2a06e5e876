// The caseworker page's only script: a button that adds one more row to
// the episodes, family or events of the form (the page works without it,
// with the rows it shows), and the print button.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button.add-row").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var rows = btn.parentElement.querySelectorAll("fieldset.row");
      var last = rows[rows.length - 1];
      var next = Number(last.dataset.row) + 1;
      var list = btn.dataset.list;
      var copy = last.cloneNode(true);
      copy.dataset.row = String(next);
      var legend = copy.querySelector("legend");
      legend.textContent = legend.textContent.replace(/\d+$/, String(next + 1));
      copy.querySelectorAll("input, select, label, p.field-error").forEach(function (el) {
        ["name", "id", "for", "aria-describedby"].forEach(function (a) {
          var v = el.getAttribute(a);
          if (v) { el.setAttribute(a, v.replace(list + "[" + last.dataset.row + "]", list + "[" + next + "]").replace(list + "-" + last.dataset.row + "-", list + "-" + next + "-")); }
        });
        if (el.tagName === "INPUT") { if (el.type === "checkbox") { el.checked = false; } else { el.value = ""; } el.removeAttribute("aria-invalid"); }
        if (el.tagName === "SELECT") { el.selectedIndex = 0; el.removeAttribute("aria-invalid"); }
        if (el.tagName === "P") { el.remove(); }
      });
      copy.querySelectorAll(".invalid").forEach(function (el) { el.classList.remove("invalid"); });
      last.after(copy);
      var first = copy.querySelector("input, select");
      if (first) { first.focus(); }
    });
  });
  var print = document.getElementById("print");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
  var errors = document.getElementById("errors");
  if (errors) { errors.focus(); }
});
