// The intake form's live decision: each change posts the form to /intake/preview, which answers
// the server-rendered verdict fragment. Nothing is decided here; without JavaScript the form
// still works and the decision shows after submitting.
(function () {
  "use strict";
  var form = document.getElementById("intake-form");
  var region = document.getElementById("verdict");
  if (!form || !region) { return; }
  var timer = null;
  var sent = 0;
  function refresh() {
    var mine = ++sent;
    fetch("/intake/preview", { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        if (mine === sent) { region.innerHTML = html; region.setAttribute("data-updated", String(mine)); }
      })
      .catch(function () { region.textContent = "The decision could not be fetched; submit the form to see it."; });
  }
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 200); }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  refresh();
})();
