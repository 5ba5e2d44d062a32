// The claim page's in-place editing: closing inline panels, writing a new counter-claim
// from the claim picker, and keeping keyboard focus where the work is.
(function () {
  "use strict";

  // Cancel in an inline form or confirmation closes it; the link itself goes back to the
  // claim page when JavaScript is off.
  document.addEventListener("click", (event) => {
    const cancel = event.target.closest && event.target.closest("[data-close-panel]");
    if (!cancel) return;
    const panel = cancel.closest(".inline-panel, .confirm-panel");
    if (!panel) return;
    event.preventDefault();
    const owner = panel.parentElement && panel.parentElement.closest("[id]");
    panel.remove();
    const opener = owner && owner.querySelector("a[hx-get], button");
    if (opener) opener.focus();
  });

  // "Write a new claim “…”" in the claim picker opens the new-claim part of the form with
  // the typed words as its text.
  document.addEventListener("combobox:create", (event) => {
    const input = event.target;
    const form = input.closest && input.closest(".pair-form");
    if (!form) return;
    event.preventDefault();
    const part = form.querySelector(".new-claim");
    const text = form.querySelector("textarea[name='new-text']");
    if (part) part.open = true;
    if (text && !text.value) text.value = event.detail.text;
    input.value = "";
    // After the picker's own click handling, which gives the focus back to the picker.
    const speaker = form.querySelector(".new-claim input[role=combobox]");
    if (speaker) setTimeout(() => speaker.focus(), 0);
  });

  // A form or confirmation swapped in for editing takes the keyboard focus.
  document.addEventListener("htmx:load", (event) => {
    const panel = event.detail.elt;
    if (!panel.matches || !panel.matches("form.claim-field-form, .inline-panel, .confirm-panel")) return;
    const first = panel.querySelector(
      "input:not([type=hidden]):not([type=radio]), select, textarea, button"
    );
    if (first) first.focus();
  });
})();
