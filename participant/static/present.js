// The projector: the facilitator key arrives after "#" and goes to this tab's session storage (the
// room can read a projected address bar); screens are fetched with it and refreshed every 2 s.
(function () {
  "use strict";
  var match = window.location.hash.match(/key=([^&]+)/);
  var store = "facilitator-key:" + window.location.pathname;
  if (match) {
    window.sessionStorage.setItem(store, decodeURIComponent(match[1]));
    window.history.replaceState(null, "", window.location.pathname);
  }
  var key = window.sessionStorage.getItem(store) || "";
  var screen = document.getElementById("screen");
  var position = document.getElementById("position");
  var index = 0, count = 1, name = "", timer = null;

  // A refresh asks for the screen on show by its name: a contested statement or a list question that
  // reaches the threshold adds a screen before it, and the number alone would jump elsewhere.
  function show(n, keep) {
    window.clearTimeout(timer);
    var query = "?n=" + n + (keep && name ? "&screen=" + encodeURIComponent(name) : "");
    fetch(document.body.dataset.screen + query, {headers: {"X-Facilitator-Key": key}, cache: "no-store"})
      .then(function (response) {
        if (response.status === 403) {
          return response.json().then(function (data) { throw new Error(data.error); });
        }
        if (!response.ok) throw new Error("");
        return response.text();
      })
      .then(function (html) {
        screen.innerHTML = html;  // server-rendered with every user text escaped
        var section = screen.querySelector("section");
        index = parseInt(section.dataset.index, 10);
        count = parseInt(section.dataset.count, 10);
        name = section.dataset.name || "";
        position.textContent = (index + 1) + " / " + count;
        timer = window.setTimeout(function () { show(index, true); }, 2000);
      })
      .catch(function (error) {
        if (error.message) { screen.textContent = error.message; return; }
        position.textContent = document.body.dataset.tReconnectingShort || "Reconnecting…";
        timer = window.setTimeout(function () { show(index, true); }, 3000);
      });
  }
  function step(delta) { show(Math.max(0, Math.min(count - 1, index + delta))); }
  document.getElementById("previous").addEventListener("click", function () { step(-1); });
  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "ArrowRight" || event.key === "PageDown" || event.key === " ") { step(1); event.preventDefault(); }
    if (event.key === "ArrowLeft" || event.key === "PageUp") { step(-1); event.preventDefault(); }
  });
  show(0);
})();
