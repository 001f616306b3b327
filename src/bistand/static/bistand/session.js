// SPDX-License-Identifier: EUPL-1.2
// Before the login ends, warn and offer to stay logged in without leaving the page (WCAG 2.2.1).
// An enhancement: without JavaScript no warning shows, and a page sent after the login ended is
// kept and offered back after the next login (docs/adr/0014, docs/adr/0015, docs/adr/0016).
// Before warning, and again at the end, the page asks the server how long the login has left:
// another tab may have been used or kept the login going meanwhile. Asking is not activity.
(function () {
  "use strict";
  var body = document.body;
  var dialog = document.getElementById("session-ending");
  var left = Number(body.dataset.sessionLeft);
  var warn = Number(body.dataset.sessionWarn);
  var statusUrl = body.dataset.sessionStatus;
  if (!dialog || typeof dialog.showModal !== "function" || !isFinite(left) || !isFinite(warn)) {
    return;
  }
  var form = dialog.querySelector("form");
  var failed = dialog.querySelector("[data-session-failed]");
  var endsAt = dialog.querySelector("[data-session-ends-at]");
  var main = document.getElementById("main");
  var endedPage = document.getElementById("session-ended");
  var keep = endedPage.querySelector("button[data-session-keep]");
  var writtenIn = null; // the form on the page the person last wrote in
  var ends = 0;
  var timer = 0;
  var endTimer = 0;

  function schedule(secondsLeft) {
    // Counted from now on this device, so that its clock need not agree with the server's.
    ends = Date.now() + secondsLeft * 1000;
    window.clearTimeout(timer);
    window.clearTimeout(endTimer);
    endTimer = window.setTimeout(function () {
      ask(endOrWait);
    }, secondsLeft * 1000);
    if (secondsLeft > warn) {
      timer = window.setTimeout(function () {
        ask(warnOrWait);
      }, (secondsLeft - warn) * 1000);
    }
  }

  function ask(then) {
    // The server's answer, or null if it could not be asked: then this page's own count holds.
    fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status === 401) {
          return { logged_in: false };
        }
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(then, function () {
        then(null);
      });
  }

  function warnOrWait(answer) {
    if (answer && !answer.logged_in) {
      ended();
      return;
    }
    if (answer) {
      schedule(answer.seconds_left);
    }
    if (!answer || answer.seconds_left <= warn) {
      show();
    }
  }

  function endOrWait(answer) {
    if (!answer || !answer.logged_in || answer.seconds_left <= 0) {
      ended();
      return;
    }
    if (answer.seconds_left > warn && dialog.open) {
      dialog.close();
    }
    schedule(answer.seconds_left);
    if (answer.seconds_left <= warn) {
      show();
    }
  }

  function ended() {
    // The login is over. The page may show a person's case on a shared computer: hide it, and
    // offer to log in again. What was written is kept by sending the form it is in: the server
    // keeps it for its writer and shows it filled in after the login (docs/adr/0014, 0028, 0030).
    window.clearTimeout(timer);
    window.clearTimeout(endTimer);
    if (dialog.open) {
      dialog.close();
    }
    main.hidden = true;
    endedPage.hidden = false;
    if (writtenIn) {
      endedPage.querySelectorAll("[data-session-keep]").forEach(function (element) {
        element.hidden = false;
      });
    }
    endedPage.focus();
  }

  function show() {
    endsAt.textContent = new Date(ends).toLocaleTimeString(document.documentElement.lang, {
      hour: "2-digit",
      minute: "2-digit",
    });
    failed.hidden = true;
    if (!dialog.open) {
      dialog.showModal();
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // written.js has put the browser's current token in the form (data-token-cookie).
    var body = new FormData(form);
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (answer) {
        dialog.close();
        schedule(answer.seconds_left);
      })
      .catch(function () {
        failed.hidden = false;
      });
  });
  dialog.querySelector("[data-session-close]").addEventListener("click", function () {
    dialog.close();
  });
  function remember(event) {
    var target = event.target.form;
    if (target && (target.getAttribute("method") || "").toLowerCase() === "post") {
      writtenIn = target;
    }
  }
  main.addEventListener("input", remember);
  main.addEventListener("change", remember);
  keep.addEventListener("click", function () {
    // form.submit() raises no submit event: tell written.js, which keeps a copy in case the
    // form is refused as older than a login made meanwhile in another tab (docs/adr/0033).
    writtenIn.dispatchEvent(new CustomEvent("bistand:sending", { bubbles: true }));
    writtenIn.submit();
  });
  schedule(left);
  if (left <= warn) {
    ask(warnOrWait);
  }
})();
