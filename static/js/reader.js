// The reader: select words in a source's text → "Add claim from selection" opens the claim
// form beside the text with the quote, its offset and its context filled in.
//
// The body is rendered exactly as stored (white-space: pre-wrap, no markup but the
// highlight links), so counting characters of the page text before the selection gives
// the offset in the stored body. Offsets are sent in code points, as Python counts them,
// not in the UTF-16 units JavaScript strings use.
(function () {
  "use strict";

  const CONTEXT = 32; // characters of prefix/suffix, as claims/anchoring.py stores
  let selected = null; // {startUnits, endUnits} of the current selection in the body

  function body() {
    return document.getElementById("source-body");
  }

  function button() {
    return document.getElementById("add-from-selection");
  }

  function readSelection() {
    const element = body();
    const selection = window.getSelection();
    if (!element || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.setStart(element, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const text = element.textContent;
    let start = before.toString().length;
    let end = start + range.toString().length;
    // A double-click or a drag often takes the space after the words too.
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    return end > start ? { startUnits: start, endUnits: end } : null;
  }

  function update() {
    selected = readSelection();
    const add = button();
    if (add) add.disabled = !selected;
    const hint = document.getElementById("selection-hint");
    if (hint) {
      // The words are the template's (data-text-*), in the page's language.
      hint.textContent = selected
        ? hint.dataset.textSelected.replace("{count}", String(selected.endUnits - selected.startUnits))
        : hint.dataset.textNone;
    }
  }

  function selectionValues() {
    const text = body().textContent;
    const start = Array.from(text.slice(0, selected.startUnits)).length;
    const length = Array.from(text.slice(selected.startUnits, selected.endUnits)).length;
    const chars = Array.from(text);
    return {
      quote: chars.slice(start, start + length).join(""),
      start: String(start),
      prefix: chars.slice(Math.max(0, start - CONTEXT), start).join(""),
      suffix: chars.slice(start + length, start + length + CONTEXT).join(""),
    };
  }

  let timer = null;
  document.addEventListener("selectionchange", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 80);
  });
  // Words selected while the page was still loading, before this listener existed, count.
  update();

  // Keep the selection when the button is pressed with the mouse.
  document.addEventListener("mousedown", (event) => {
    if (event.target.closest && event.target.closest("#add-from-selection")) event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const add = event.target.closest && event.target.closest("#add-from-selection");
    if (add) {
      if (!selected) return;
      const panel = document.getElementById("claim-panel");
      htmx
        .ajax("GET", add.dataset.claimUrl, { target: panel, swap: "innerHTML", values: selectionValues() })
        .then(() => {
          panel.scrollIntoView({ block: "nearest" });
          const speaker = document.getElementById("claim-speaker-input");
          if (speaker) speaker.focus();
        });
      return;
    }
    const cancel = event.target.closest && event.target.closest("[data-cancel-claim]");
    if (cancel && cancel.closest("#claim-panel")) {
      event.preventDefault();
      document.getElementById("claim-panel").replaceChildren();
      const add = button();
      if (add) add.focus();
    }
  });
})();
