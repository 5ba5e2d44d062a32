// Site-wide behaviour that htmx does not give by itself. No inline scripts: CSP forbids them.
//
// Which htmx answers are swapped is set in base.html's htmx-config meta tag: 403 goes to
// the #htmx-alerts region (the reason a Reader may not write), 409 (edit conflict) and 422
// are swapped where the request aimed. Everything else that fails lands here, as a message
// the user can read, instead of a click that silently does nothing.
(function () {
  "use strict";

  function alertRegion() {
    return document.getElementById("htmx-alerts");
  }

  // The words come from the page (base.html's data-text-* on #htmx-alerts), translated
  // there; "{status}" in them is the HTTP status.
  function said(name, status) {
    const region = alertRegion();
    const text = (region && region.dataset[name]) || "";
    return text.replace("{status}", String(status));
  }

  function showAlert(text) {
    const region = alertRegion();
    if (!region) return;
    const box = document.createElement("div");
    box.className = "htmx-alert";
    box.setAttribute("role", "alert");
    const message = document.createElement("p");
    message.textContent = text;
    box.append(message, dismissButton());
    region.replaceChildren(box);
  }

  function dismissButton() {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.dataset.dismiss = "";
    button.textContent = said("textDismiss");
    return button;
  }

  document.addEventListener("htmx:responseError", (event) => {
    const status = event.detail.xhr.status;
    if (status === 404) showAlert(said("textGone"));
    else if (status >= 500) showAlert(said("textFailed", status));
    else showAlert(said("textRefused", status));
  });

  document.addEventListener("htmx:sendError", () => {
    showAlert(said("textUnreachable"));
  });

  // A 403 fragment swapped into the alert region gets a dismiss button too.
  document.addEventListener("htmx:afterSwap", (event) => {
    const region = alertRegion();
    if (region && event.detail.target === region && !region.querySelector("[data-dismiss]")) {
      const box = region.firstElementChild;
      if (box) box.append(dismissButton());
    }
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("[data-dismiss]");
    if (button) {
      const box = button.closest(".htmx-alert, .message, [role=alert]");
      if (box) box.remove();
    }
  });

  // Controls that only make sense with JavaScript are hidden in the markup (`data-js-only`)
  // and shown here; their no-JS equivalents carry `data-no-js` and are hidden.
  function enhance(root) {
    root.querySelectorAll("[data-js-only]").forEach((element) => {
      element.hidden = false;
    });
    root.querySelectorAll("[data-no-js]").forEach((element) => {
      element.hidden = true;
    });
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.documentElement.classList.add("js");
    enhance(document);
  });
  document.addEventListener("htmx:load", (event) => enhance(event.detail.elt));

  // "/" goes to the search in the navigation from anywhere but a field; "?" lists the keys.
  // Whether a key goes into a field, for every page's own shortcuts (queue.js too).
  function typing(target) {
    return target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]");
  }
  window.claimtrail = { typing };
  document.addEventListener("keydown", (event) => {
    const search = document.getElementById("site-search-q");
    if (!search) return;
    const help = document.getElementById("shortcuts");
    if (event.key === "?" && help && !help.open && !typing(event.target)) {
      event.preventDefault();
      help.showModal();
      return;
    }
    if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
      event.preventDefault();
      search.focus();
      search.select();
    } else if (event.key === "Escape" && event.target === search) {
      // The first Escape closes the results and keeps the words; the next clears them.
      const results = document.getElementById("site-search-results");
      if (results.childElementCount) {
        event.preventDefault();
        results.replaceChildren();
      }
    }
  });
})();
