// The copy button of an article's share links (layouts/partials/share.html).
// Without this script the story's address stays in a read-only box a
// reader can select; with it, a button copies the address in one tap.
(function () {
  "use strict";
  function start() {
    for (const button of document.querySelectorAll("button[data-copy]")) {
      const input = document.getElementById(button.dataset.copy);
      if (!input || !navigator.clipboard) continue;
      const label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(input.value);
          button.textContent = button.dataset.done;
        } catch (e) {
          input.select(); // the reader copies it themselves
          return;
        }
        setTimeout(() => { button.textContent = label; }, 2000);
      });
    }
    // Selecting the whole address on focus saves a reader the fiddly
    // selection of a long URL on a phone.
    for (const input of document.querySelectorAll("input.share-url")) {
      input.addEventListener("focus", () => input.select());
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
