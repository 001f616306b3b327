// SPDX-License-Identifier: EUPL-1.2
// What a person wrote survives the two ways a page is loaded again without being sent
// (docs/adr/0033):
// - A form refused as too old. A new login renews the token that guards every form, so a page
//   opened before it cannot be sent (docs/adr/0032), and Back reloads the page empty
//   (docs/adr/0029). What a form in the page sends is copied into this window's sessionStorage
//   as it is sent, and forgotten on the next page, unless that page is the refusal: then the copy
//   waits, and the page it was written on fills it in when it is opened again, under a notice.
// - A change of language. The language form reloads the page; what was written in the page's
//   form is carried across and filled in again, in the same fields.
// Only what the person typed into this page is kept, never anything from a refused request, and
// it is filled in only under the login it was written in.
// Forms that save no one's words (the language form, "Stay logged in") are not refused as too
// old at all: they send the browser's current token (data-token-cookie).
// An enhancement: without JavaScript the refusal page links to the page, which opens empty.
(function () {
  "use strict";
  var KEY = "bistand-sent";
  // Hidden inputs the page renews, which therefore do not tell one form from another.
  var RENEWED = ["csrfmiddlewaretoken", "submission_key"];
  var NOT_WRITTEN = ["submit", "button", "reset", "image", "password", "file", "hidden"];

  function read() {
    try {
      return JSON.parse(window.sessionStorage.getItem(KEY));
    } catch (error) {
      return null;
    }
  }
  function write(sent) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(sent));
    } catch (error) {
      // Storage refused (a private window, or full): the page is sent as it always is.
    }
  }
  function forget() {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch (error) {
      // Nothing was kept.
    }
  }
  function here() {
    return window.location.href.split("#")[0];
  }
  function ownPage(address) {
    try {
      return new URL(address, window.location.href).origin === window.location.origin;
    } catch (error) {
      return false;
    }
  }
  // A form's own properties are shadowed by its controls' names: the journal's new-entry form
  // has an input named "action", so form.action is that input. Read the attributes instead.
  function actionOf(form) {
    return new URL(form.getAttribute("action") || "", window.location.href).href;
  }
  function sendsByPost(form) {
    return (form.getAttribute("method") || "").toLowerCase() === "post";
  }
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && !field.disabled && /^(INPUT|SELECT|TEXTAREA)$/.test(field.tagName);
    });
  }
  function identity(form) {
    // The hidden inputs that tell this form from others sending to the same address (the rows
    // of a journal): the entry it changes, the action it takes.
    return fields(form)
      .filter(function (field) {
        return field.type === "hidden" && RENEWED.indexOf(field.name) < 0;
      })
      .map(function (field) {
        return [field.name, field.value];
      });
  }

  function record(form, carried) {
    var written = [];
    var choices = [];
    var hadFiles = false;
    fields(form).forEach(function (field) {
      if (field.type === "file") {
        hadFiles = hadFiles || field.files.length > 0;
      }
      if (NOT_WRITTEN.indexOf(field.type) >= 0) {
        return;
      }
      if (field.type === "checkbox" || field.type === "radio" || field.tagName === "SELECT") {
        if (choices.indexOf(field.name) < 0) {
          choices.push(field.name); // so that what was not chosen is shown not chosen
        }
      }
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked) {
          written.push([field.name, field.value]);
        }
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.selectedOptions, function (option) {
          written.push([field.name, option.value]);
        });
      } else {
        written.push([field.name, field.value]);
      }
    });
    write({
      page: here(),
      action: actionOf(form),
      identity: identity(form),
      written: written,
      choices: choices,
      hadFiles: hadFiles,
      refused: false,
      carried: carried,
      writer: document.body.dataset.writer || "",
    });
  }

  function sameForm(form, sent) {
    if (!sendsByPost(form) || actionOf(form) !== sent.action) {
      return false;
    }
    var own = identity(form).map(JSON.stringify);
    return sent.identity.every(function (pair) {
      return own.indexOf(JSON.stringify(pair)) >= 0;
    });
  }

  function fill(form, sent) {
    // Each value into the control it came from, in order; returns the values with no place
    // (all of them when the form is not on the page).
    var left = {};
    sent.written.forEach(function (pair) {
      (left[pair[0]] = left[pair[0]] || []).push(pair[1]);
    });
    function take(name, value) {
      var index = (left[name] || []).indexOf(value);
      if (index >= 0) {
        left[name].splice(index, 1);
      }
      return index >= 0;
    }
    (form ? fields(form) : []).forEach(function (field) {
      var name = field.name;
      if (NOT_WRITTEN.indexOf(field.type) >= 0) {
        return;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        if (sent.choices.indexOf(name) >= 0) {
          field.checked = take(name, field.value);
        }
      } else if (field.tagName === "SELECT") {
        if (sent.choices.indexOf(name) >= 0) {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = take(name, option.value);
          });
        }
      } else if (left[name] && left[name].length) {
        field.value = left[name].shift();
      }
    });
    return Object.keys(left).reduce(function (all, name) {
      return all.concat(
        left[name].filter(function (value) {
          return value.trim() !== "";
        })
      );
    }, []);
  }

  function texts() {
    // The notice's words, in the person's language, from the refusal page (403_csrf.html): they
    // travel with what was written, so that no other page need carry them.
    var template = document.getElementById("refilled-notice");
    var words = {};
    if (template) {
      ["title", "placed", "files", "left"].forEach(function (part) {
        var element = template.content.querySelector("[data-refilled-" + part + "]");
        words[part] = element ? element.textContent.trim() : "";
      });
    }
    return words;
  }

  function paragraph(text, strong) {
    var element = document.createElement("p");
    if (strong) {
      element.appendChild(document.createElement("strong")).textContent = text;
    } else {
      element.textContent = text;
    }
    return element;
  }

  function tell(sent, placed, notPlaced) {
    // A notice above the page, like the server's own for a form kept after a login (base.html).
    // A change of language has none: the fields are as the person left them.
    var main = document.getElementById("main");
    var words = sent.texts || {};
    if (!main || !words.title) {
      return;
    }
    var notice = document.createElement("div");
    notice.className = "callout unsent";
    notice.setAttribute("role", "status");
    notice.appendChild(paragraph(words.title, true));
    if (placed) {
      notice.appendChild(paragraph(words.placed));
    }
    if (sent.hadFiles) {
      notice.appendChild(paragraph(words.files));
    }
    if (notPlaced.length) {
      notice.appendChild(paragraph(words.left));
      var list = notice.appendChild(document.createElement("ul"));
      notPlaced.forEach(function (value) {
        var item = list.appendChild(document.createElement("li"));
        item.dir = "auto";
        item.textContent = value;
      });
    }
    main.insertBefore(notice, main.firstChild);
  }

  function refilled(sent) {
    var form =
      Array.prototype.filter.call(document.forms, function (candidate) {
        return sameForm(candidate, sent);
      })[0] || null;
    var notPlaced = fill(form, sent);
    for (var parent = form && form.parentElement; parent; parent = parent.parentElement) {
      if (parent.tagName === "DETAILS") {
        parent.open = true; // a row's form folded away (a journal entry's correction)
      }
    }
    tell(sent, form !== null, notPlaced);
  }

  function currentToken(event) {
    // A form marked data-token-cookie (the language form, "Stay logged in") sends the browser's
    // current token, which a login in another tab renews, rather than its page's: they save no
    // one's words, so a page older than the login need not be refused for them (docs/adr/0033).
    // Run before the form's own listeners, which may send it themselves (session.js).
    var form = event.target;
    if (!form.dataset || !form.dataset.tokenCookie) {
      return;
    }
    var prefix = form.dataset.tokenCookie + "=";
    var current = document.cookie.split("; ").filter(function (cookie) {
      return cookie.indexOf(prefix) === 0;
    })[0];
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (current && field) {
      field.value = decodeURIComponent(current.slice(prefix.length));
    }
  }

  var writtenIn = null; // the form in the page the person last wrote in

  function remember(event) {
    var form = event.target.form;
    var main = document.getElementById("main");
    if (form && sendsByPost(form) && main && main.contains(form)) {
      writtenIn = form;
    }
  }

  function sending(event) {
    var form = event.target;
    var main = document.getElementById("main");
    if (event.defaultPrevented || !form || form.tagName !== "FORM" || !sendsByPost(form)) {
      return;
    }
    if (main && main.contains(form)) {
      record(form, false);
    } else if (form.hasAttribute("data-carries-writing") && writtenIn) {
      record(writtenIn, true);
    }
  }

  function byThisWriter(sent) {
    // Only under the login it was written in: on a shared computer, someone who has logged in
    // since is never shown another person's words to send as their own (docs/adr/0024).
    return sent.writer === (document.body.dataset.writer || "");
  }

  var sent = read();
  var refusal = document.querySelector("[data-refused-kept]");
  if (refusal) {
    if (sent && (!ownPage(sent.page) || !byThisWriter(sent))) {
      forget();
      sent = null;
    }
    if (sent) {
      sent.refused = true;
      sent.texts = texts();
      write(sent);
      var back = document.querySelector("[data-refused-page]");
      back.href = sent.page;
      back.parentElement.hidden = false;
      refusal.hidden = false;
      document.querySelector("[data-refused-lost]").hidden = true;
    }
  } else if (sent) {
    forget(); // sent, or shown again with its errors, or left: nothing more to keep
    if ((sent.refused || sent.carried) && sent.page === here() && byThisWriter(sent)) {
      refilled(sent);
    }
  }
  document.addEventListener("input", remember);
  document.addEventListener("change", remember);
  document.addEventListener("submit", currentToken, true);
  document.addEventListener("submit", sending);
  // session.js sends the form the person wrote in with form.submit(), which raises no event.
  document.addEventListener("bistand:sending", sending);
})();
