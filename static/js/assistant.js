// The quote assistant: one key per action on the focused suggestion, and the matching
// passage marked in the text. Everything here also works by buttons without JavaScript.
//
// Nothing here scrolls the page under a pointer: a click on Accept, Edit or Dismiss must
// land on the button it was aimed at, so focus moves with preventScroll, and only the
// keyboard (j/k, a swap after a key) brings a passage into view.
(function () {
  "use strict";

  let byKeyboard = false;

  function suggestions() {
    return Array.from(document.querySelectorAll(".suggestion"));
  }

  function isOpen(item) {
    return Boolean(item.querySelector('[data-action="dismiss"]'));
  }

  function show(item) {
    item.focus({ preventScroll: true });
    if (byKeyboard) item.scrollIntoView({ block: "nearest" });
  }

  function focusAt(index) {
    const list = suggestions();
    if (list.length) show(list[Math.max(0, Math.min(index, list.length - 1))]);
  }

  function press(item, action) {
    const control = item.querySelector('[data-action="' + action + '"]');
    if (!control) return false;
    control.click();
    return true;
  }

  document.addEventListener("pointerdown", function () {
    byKeyboard = false;
  });

  document.addEventListener("keydown", function (event) {
    byKeyboard = true;
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
          if (field) field.focus({ preventScroll: !byKeyboard });
          handled = true;
        }
        break;
      }
    }
    if (handled) event.preventDefault();
  });

  // Where the researcher was before a swap: the suggestion they acted on, by position
  // among the open ones, so that the one after it takes the focus once the list is new.
  let actedAt = null;
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    const item = event.target instanceof Element ? event.target.closest(".suggestion") : null;
    actedAt = item ? suggestions().filter(isOpen).indexOf(item) : null;
  });

  // Only once htmx has settled: before that the new forms are not yet wired, and a key
  // pressed in between would post the page the slow way.
  document.body.addEventListener("htmx:afterSettle", function () {
    if (!document.getElementById("assistant")) return;
    const open = suggestions().filter(isOpen);
    if (!open.length) return;
    const next = open[Math.min(actedAt === null ? 0 : Math.max(actedAt, 0), open.length - 1)];
    show(next);
  });

  // Mark the focused suggestion's passage in the text, every piece of it.
  document.addEventListener("focusin", function (event) {
    document.querySelectorAll("mark.suggested.current").forEach(function (mark) {
      mark.classList.remove("current");
    });
    const item = event.target instanceof Element ? event.target.closest(".suggestion") : null;
    if (!item) return;
    const marks = document.querySelectorAll('mark[data-span="' + item.dataset.span + '"]');
    marks.forEach(function (mark) {
      mark.classList.add("current");
    });
    if (marks.length && byKeyboard) marks[0].scrollIntoView({ block: "nearest" });
  });
})();
