// The queue by keyboard: j/k (or the arrow keys) move between claims, Enter opens the one
// in focus, t takes it, [ and ] turn the page, 1–4 switch tabs. Keys typed into a field
// (the filters) stay the field's. Everything here also works by links and buttons.
(function () {
  "use strict";

  function rows() {
    return Array.from(document.querySelectorAll("[data-queue-row]"));
  }

  function focusRow(index) {
    const list = rows();
    if (!list.length) return;
    const row = list[Math.max(0, Math.min(index, list.length - 1))];
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  const typing = window.claimtrail.typing; // claimtrail.js runs first: both deferred, in order

  function follow(selector) {
    const link = document.querySelector(selector);
    if (!link) return false;
    link.click();
    return true;
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const row = event.target instanceof HTMLElement ? event.target.closest("[data-queue-row]") : null;
    const index = row ? rows().indexOf(row) : -1;
    let handled = true;
    switch (event.key) {
      // The arrows scroll the page as usual until a claim has the focus.
      case "ArrowDown":
        if (index === -1) handled = false;
        else focusRow(index + 1);
        break;
      case "ArrowUp":
        if (index === -1) handled = false;
        else focusRow(index - 1);
        break;
      case "j":
        focusRow(index + 1);
        break;
      case "k":
        focusRow(index === -1 ? 0 : index - 1);
        break;
      case "Enter":
        handled = Boolean(row) && event.target === row && follow(`#${row.id} .claim-row-text`);
        break;
      case "t": {
        const take = row && row.querySelector('[data-action="take"]');
        if (take) take.click();
        else handled = false;
        break;
      }
      case "[":
        handled = follow('#queue-results .pagination [rel="prev"]');
        break;
      case "]":
        handled = follow('#queue-results .pagination [rel="next"]');
        break;
      default:
        handled = /^[1-4]$/.test(event.key) && follow(`[data-queue-tab="${event.key}"]`);
    }
    if (handled) event.preventDefault();
  });

  // After a page turn or a take, the keyboard stays in the list: the first row of a new
  // page, the same row after a take.
  document.addEventListener("htmx:afterSwap", (event) => {
    // An outerHTML swap reports the element it replaced as its target.
    if (event.detail.target.id !== "queue-results") return;
    if (document.activeElement === document.body || !document.contains(document.activeElement)) focusRow(0);
  });
  document.addEventListener("htmx:load", (event) => {
    const element = event.detail.elt;
    if (element.matches && element.matches("[data-queue-row]") && !document.activeElement.closest("[data-queue-row]")) {
      element.focus();
    }
  });
})();
