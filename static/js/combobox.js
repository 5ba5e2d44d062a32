// An accessible autocomplete: the WAI-ARIA combobox pattern with a listbox popup.
// Markup comes from templates/includes/combobox.html; the options come from a search
// endpoint as <li role="option" data-value data-label> (and optionally one data-create).
// Listeners sit on `document`, so comboboxes that htmx swaps in later work the same.
(function () {
  "use strict";

  const COMBOBOX = "input[role=combobox]";

  function listboxOf(input) {
    return document.getElementById(input.getAttribute("aria-controls"));
  }

  function hiddenOf(input) {
    return document.getElementById(input.id.replace(/-input$/, "-value"));
  }

  function inputOf(listbox) {
    return document.querySelector(`${COMBOBOX}[aria-controls="${CSS.escape(listbox.id)}"]`);
  }

  function optionsOf(input) {
    const listbox = listboxOf(input);
    return listbox ? Array.from(listbox.querySelectorAll("[role=option]:not([aria-disabled=true])")) : [];
  }

  function activeOf(input) {
    const id = input.getAttribute("aria-activedescendant");
    return id ? document.getElementById(id) : null;
  }

  function isOpen(input) {
    return input.getAttribute("aria-expanded") === "true";
  }

  function open(input) {
    const listbox = listboxOf(input);
    if (!listbox || !listbox.children.length) return;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close(input) {
    const listbox = listboxOf(input);
    if (listbox) listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(input, null);
  }

  function setActive(input, option) {
    const previous = activeOf(input);
    if (previous) previous.setAttribute("aria-selected", "false");
    if (!option) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    option.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  function move(input, step) {
    const options = optionsOf(input);
    if (!options.length) return;
    if (!isOpen(input)) open(input);
    const index = options.indexOf(activeOf(input));
    let next = index + step;
    if (index === -1) next = step > 0 ? 0 : options.length - 1;
    next = (next + options.length) % options.length;
    setActive(input, options[next]);
  }

  function pick(input, option) {
    close(input);
    if (option.hasAttribute("data-create")) {
      const text = option.getAttribute("data-create");
      const event = new CustomEvent("combobox:create", {
        bubbles: true,
        cancelable: true,
        detail: { text: text },
      });
      // A page may handle creation itself (preventDefault); otherwise, when the field has a
      // create URL, its inline form opens under the field.
      if (input.dispatchEvent(event) && input.dataset.createUrl) openCreateForm(input, text);
      return;
    }
    choose(input, option.getAttribute("data-value"), option.getAttribute("data-label"));
  }

  function choose(input, value, label) {
    const hidden = hiddenOf(input);
    if (hidden) {
      hidden.value = value;
      hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }
    input.value = label;
    input.dataset.chosenLabel = label;
    input.removeAttribute("aria-invalid");
    input.dispatchEvent(
      new CustomEvent("combobox:select", { bubbles: true, detail: { value: value, label: label } })
    );
  }

  function openCreateForm(input, text) {
    const slot = document.querySelector(`[data-combobox-create-for="${CSS.escape(input.id)}"]`);
    if (!slot || !window.htmx) return;
    const url = new URL(input.dataset.createUrl, window.location.href);
    url.searchParams.set("name", text);
    url.searchParams.set("inline", input.id);
    htmx.ajax("GET", url.pathname + url.search, { target: slot, swap: "innerHTML" }).then(() => {
      const first = slot.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    });
  }

  document.addEventListener("keydown", (event) => {
    const input = event.target;
    if (input.matches && input.matches(COMBOBOX)) {
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (event.altKey) open(input);
          else move(input, 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          move(input, -1);
          break;
        case "Enter": {
          const active = activeOf(input);
          if (isOpen(input) && active) {
            event.preventDefault(); // pick, do not submit the surrounding form
            pick(input, active);
          }
          break;
        }
        case "Escape":
          if (isOpen(input)) {
            event.preventDefault();
            close(input);
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            const hidden = hiddenOf(input);
            if (hidden) hidden.value = "";
          }
          break;
        case "Tab":
          close(input);
          break;
      }
      return;
    }
    // Enter in an inline create form saves that form, not the form around it.
    const slot = input.closest && input.closest("[data-combobox-create-for]");
    if (slot && event.key === "Enter" && input.tagName !== "TEXTAREA") {
      const save = slot.querySelector("[data-inline-save]");
      if (save) {
        event.preventDefault();
        save.click();
      }
    } else if (slot && event.key === "Escape") {
      const owner = document.getElementById(slot.dataset.comboboxCreateFor);
      slot.replaceChildren();
      if (owner) owner.focus();
    }
  });

  document.addEventListener("input", (event) => {
    const input = event.target;
    if (!(input.matches && input.matches(COMBOBOX))) return;
    // Typing changes the choice: the pk no longer matches the text.
    if (input.value !== input.dataset.chosenLabel) {
      const hidden = hiddenOf(input);
      if (hidden && hidden.value) {
        hidden.value = "";
        hidden.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  });

  // Keep focus in the text field while an option is clicked.
  document.addEventListener("mousedown", (event) => {
    if (event.target.closest && event.target.closest("[role=listbox]")) event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const option = event.target.closest && event.target.closest("[role=option]");
    if (option) {
      const listbox = option.closest("[role=listbox]");
      const input = listbox && inputOf(listbox);
      if (input && option.getAttribute("aria-disabled") !== "true") {
        pick(input, option);
        input.focus();
      }
      return;
    }
    const cancel = event.target.closest && event.target.closest("[data-inline-cancel]");
    if (cancel) {
      const slot = cancel.closest("[data-combobox-create-for]");
      const owner = slot && document.getElementById(slot.dataset.comboboxCreateFor);
      if (slot) slot.replaceChildren();
      if (owner) owner.focus();
    }
  });

  document.addEventListener("focusout", (event) => {
    const input = event.target;
    if (input.matches && input.matches(COMBOBOX)) close(input);
  });

  // The endpoints read `q`; the field itself posts as `{name}_search`.
  document.addEventListener("htmx:configRequest", (event) => {
    const input = event.detail.elt;
    if (input.matches && input.matches(COMBOBOX)) {
      event.detail.parameters.q = input.value;
    }
  });

  document.addEventListener("htmx:afterSwap", (event) => {
    const listbox = event.detail.target;
    if (!listbox || listbox.getAttribute("role") !== "listbox") return;
    const input = inputOf(listbox);
    if (!input) return;
    setActive(input, null);
    // Focusing a field that already holds its choice fetches options but leaves them closed
    // (ArrowDown opens them); typing opens them at once.
    const settled = hiddenOf(input)?.value && input.value === input.dataset.chosenLabel;
    if (document.activeElement === input && listbox.children.length && !settled) open(input);
    else close(input);
  });

  // An inline create form answered "created": select the new record in its combobox.
  document.addEventListener("combobox:created", (event) => {
    const slot = event.target.closest && event.target.closest("[data-combobox-create-for]");
    const input = slot && document.getElementById(slot.dataset.comboboxCreateFor);
    if (!input) return;
    choose(input, String(event.detail.value), event.detail.label);
    // The server answers with an empty body, which clears the slot; focus goes back.
    setTimeout(() => input.focus(), 0);
  });
})();
