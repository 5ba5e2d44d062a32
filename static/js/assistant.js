// The quote assistant: one key per action on the focused suggestion, and the matching
// passage marked in the text. Everything here also works by buttons without JavaScript.
(function () {
  "use strict";

  function suggestions() {
    return Array.from(document.querySelectorAll(".suggestion"));
  }

  function focusAt(index) {
    const list = suggestions();
    if (list.length) list[Math.max(0, Math.min(index, list.length - 1))].focus();
  }

  function press(item, action) {
    const control = item.querySelector('[data-action="' + action + '"]');
    if (!control) return false;
    control.click();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    const item = event.target;
    if (!(item instanceof HTMLElement) || !item.classList.contains("suggestion")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const index = suggestions().indexOf(item);
    let handled = false;
    switch (event.key) {
      case "j":
      case "ArrowDown":
        focusAt(index + 1);
        handled = true;
        break;
      case "k":
      case "ArrowUp":
        focusAt(index - 1);
        handled = true;
        break;
      case "a":
        handled = press(item, "accept");
        break;
      case "d":
        handled = press(item, "dismiss");
        break;
      case "e": {
        const details = item.querySelector("details");
        if (details) {
          details.open = true;
          const field = details.querySelector("textarea, select, input:not([type=hidden])");
          if (field) field.focus();
          handled = true;
        }
        break;
      }
    }
    if (handled) event.preventDefault();
  });

  // After a swap, carry on where the researcher is: the first suggestion still open (it
  // still has its actions). Only once htmx has settled: before that the new forms are not
  // yet wired, and a key pressed in between would post the page the slow way.
  document.body.addEventListener("htmx:afterSettle", function () {
    if (!document.getElementById("assistant")) return;
    const open = suggestions().find(function (item) {
      return item.querySelector('[data-action="dismiss"]');
    });
    if (open) open.focus();
  });

  // Mark the focused suggestion's passage in the text.
  document.addEventListener("focusin", function (event) {
    document.querySelectorAll("mark.suggested.current").forEach(function (mark) {
      mark.classList.remove("current");
    });
    const item = event.target instanceof Element ? event.target.closest(".suggestion") : null;
    if (!item) return;
    const mark = document.getElementById(item.dataset.span);
    if (mark) {
      mark.classList.add("current");
      mark.scrollIntoView({ block: "nearest" });
    }
  });
})();
