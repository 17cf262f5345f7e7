// Progressive enhancement for the participant pages. Without this file every page still works:
// the section form posts all its answers at once. With it, each tap is saved at once, a lost
// connection is retried quietly, and waiting pages move on by themselves when the facilitator acts.
(function () {
  "use strict";

  var form = document.getElementById("answers");
  var pending = {};  // item id -> the latest value not yet confirmed by the server
  var delay = 1000;
  // Words in the page's language, from data-t-* attributes on <body> (no inline script is allowed).
  var texts = document.body.dataset;
  function t(name, english) { return texts["t" + name] || english; }

  function status(fieldset, text, kind) {
    var line = fieldset.querySelector(".status");
    if (!line) return;
    line.textContent = text;
    line.className = "status" + (kind ? " " + kind : "");
  }

  function valuesOf(fieldset) {
    var item = fieldset.dataset.item;
    var inputs = fieldset.querySelectorAll("[name='" + item + "']");
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      values.push(input.value);
    });
    return values;
  }

  function send(item) {
    var fieldset = document.getElementById("q-" + item);
    var body = new URLSearchParams();
    body.append("item", item);
    pending[item].forEach(function (value) { body.append("value", value); });
    var sent = pending[item];
    fetch(form.dataset.save, {method: "POST", body: body, headers: {"Accept": "application/json"},
                              credentials: "same-origin"})
      .then(function (response) {
        return response.json().then(function (data) { return {ok: response.ok, code: response.status, data: data}; });
      })
      .then(function (result) {
        if (result.code >= 500) throw new Error("server");
        delay = 1000;
        if (pending[item] === sent) delete pending[item];
        if (!result.ok) {
          status(fieldset, result.data.error || t("NotSaved", "Not saved."), "error");
          if (result.data.reload) window.setTimeout(function () { window.location.reload(); }, 1500);
          return;
        }
        status(fieldset, t("Saved", "Saved"), "saved");
        if (result.data.reload) window.location.reload();
      })
      .catch(function () {
        status(fieldset, t("Reconnecting", "Reconnecting… your answer will be saved when the connection is back."), "");
        window.setTimeout(function () { if (pending[item]) send(item); }, delay);
        delay = Math.min(delay * 2, 15000);
      });
  }

  if (form) {
    var typing = {};
    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest("fieldset[data-item]");
      if (!fieldset) return;
      var most = Number(fieldset.dataset.max || 0);
      if (most && event.target.checked && valuesOf(fieldset).length > most) {
        event.target.checked = false;  // the choices already saved stay; the one too many is undone
        status(fieldset, fieldset.dataset.tooMany, "error");
        return;
      }
      pending[fieldset.dataset.item] = valuesOf(fieldset);
      send(fieldset.dataset.item);
    });
    form.addEventListener("input", function (event) {  // text: save after a pause in typing
      var fieldset = event.target.closest("fieldset[data-item]");
      if (!fieldset || event.target.tagName !== "TEXTAREA") return;
      window.clearTimeout(typing[fieldset.dataset.item]);
      typing[fieldset.dataset.item] = window.setTimeout(function () {
        pending[fieldset.dataset.item] = valuesOf(fieldset);
        send(fieldset.dataset.item);
      }, 800);
    });
  }

  // Waiting for the facilitator: ask the server (it answers as soon as something changes).
  var body = document.body;
  if (body.dataset.follow && body.dataset.state) {
    var wait = function (retry) {
      fetch(body.dataset.state + "?v=" + encodeURIComponent(body.dataset.version),
            {headers: {"Accept": "application/json"}, cache: "no-store"})
        .then(function (response) { if (!response.ok) throw new Error("server"); return response.json(); })
        .then(function (data) {
          if (data.version !== body.dataset.version) {
            // A whole room reloads at once when results are revealed: spread it over a second.
            window.setTimeout(function () { window.location.reload(); }, Math.random() * 1000);
          } else {
            wait(1000);
          }
        })
        .catch(function () { window.setTimeout(function () { wait(Math.min(retry * 2, 15000)); }, retry); });
    };
    wait(1000);
  }
})();
