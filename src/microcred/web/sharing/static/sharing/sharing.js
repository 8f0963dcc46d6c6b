// Copy buttons of the sharing panel: copy, say so (aria-live), and count the share with a
// small same-origin POST. Without this file the fields stay selectable to copy by hand.
(function () {
  "use strict";
  if (window.microcredSharing) return; // the panel and the page's section may both load it
  window.microcredSharing = true;

  function announce(box, text) {
    var status = box.querySelector("[data-share-status]");
    if (!status) return;
    status.textContent = "";
    // A fresh text node, so screen readers announce the same message twice in a row.
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function count(box, url) {
    if (!url) return;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "X-CSRFToken": box.getAttribute("data-csrf") || "" }
    }).catch(function () {});
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("no clipboard"));
  }

  function copyHtml(element, fallback) {
    if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem) {
      var item = new ClipboardItem({
        "text/html": new Blob([element.innerHTML], { type: "text/html" }),
        "text/plain": new Blob([element.innerText], { type: "text/plain" })
      });
      return navigator.clipboard.write([item]).catch(function () { return copyText(fallback); });
    }
    return copyText(fallback);
  }

  function flash(button) {
    button.classList.add("copied");
    window.setTimeout(function () { button.classList.remove("copied"); }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy], button[data-copy-html]");
    if (!button) return;
    var box = button.closest("[data-share]");
    if (!box) return;
    var done;
    if (button.hasAttribute("data-copy-html")) {
      var preview = document.getElementById(button.getAttribute("data-copy-html"));
      var source = document.getElementById(button.getAttribute("data-copy-fallback"));
      done = copyHtml(preview, source ? source.value : preview.innerText);
    } else {
      var field = document.getElementById(button.getAttribute("data-copy"));
      done = copyText(field.value !== undefined ? field.value : field.textContent);
    }
    done.then(function () {
      flash(button);
      announce(box, box.getAttribute("data-copied"));
      count(box, button.getAttribute("data-count"));
    }, function () {
      var field = document.getElementById(button.getAttribute("data-copy") || button.getAttribute("data-copy-fallback"));
      if (field && field.select) field.select();
      announce(box, box.getAttribute("data-copy-failed"));
    });
  });

  function reveal() {
    if (!(navigator.clipboard && window.isSecureContext)) return;
    document.querySelectorAll("[data-share] button[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
