// KAM Assistant console: the chat without page reloads, reply buttons, and small conveniences.
// Every page also works without this script (plain forms).
(function () {
  

  // "Acting as": switch as soon as another user is picked.
  document.querySelectorAll('form[data-autosubmit] select').forEach(function (select) {
    select.addEventListener('change', function () {
      select.form.submit();
    });
  });

  // Sections that take longer to build (the roadmap) load after the page; the link stays for
  // anyone without this script.
  document.querySelectorAll('[data-fragment]').forEach(function (slot) {
    slot.setAttribute('aria-busy', 'true');
    fetch(slot.getAttribute('data-fragment'), { credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.text();
      })
      .then(function (markup) {
        // Server-rendered and escaped by the console itself.
        slot.innerHTML = markup;
        slot.removeAttribute('aria-busy');
      })
      .catch(function () {
        slot.removeAttribute('aria-busy');
        slot.insertAdjacentHTML('afterbegin', '<p class="flash error"></p>');
        slot.querySelector('.flash').textContent = slot.getAttribute('data-error');
      });
  });

  var chat = document.querySelector('[data-chat]');
  if (!chat) return;
  var log = chat.querySelector('.chat-log');
  var form = chat.querySelector('.chat-form');
  var input = form.querySelector('textarea');
  var sendButton = form.querySelector('button[type=submit]');
  var empty = log.querySelector('.chat-empty');
  var storeKey = 'kam-chat:' + chat.getAttribute('data-store-key');
  var busy = false;

  function save() {
    try {
      const items = Array.prototype.filter.call(log.children, function (el) {
        return el.classList.contains('msg') && !el.classList.contains('pending');
      });
      sessionStorage.setItem(storeKey, items.map(function (el) { return el.outerHTML; }).join(''));
    } catch (_e) {
      // Storage full or disabled: the conversation simply does not survive a reload.
    }
  }

  function restore() {
    if (chat.getAttribute('data-restore') !== 'yes') return;
    try {
      const saved = sessionStorage.getItem(storeKey);
      if (saved) {
        // Only markup this page rendered itself (server-escaped replies) is ever stored here.
        log.insertAdjacentHTML('beforeend', saved);
        if (empty) empty.hidden = true;
      }
    } catch (_e) {
      // Ignore: start with an empty log.
    }
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function bubble(kind, who) {
    var wrap = document.createElement('div');
    wrap.className = 'msg ' + kind;
    var label = document.createElement('div');
    label.className = 'who';
    label.textContent = who;
    wrap.appendChild(label);
    log.appendChild(wrap);
    if (empty) empty.hidden = true;
    return wrap;
  }

  function showMine(text) {
    var wrap = bubble('me', chat.getAttribute('data-you'));
    var b = document.createElement('div');
    b.className = 'bubble';
    b.textContent = text;
    wrap.appendChild(b);
  }

  function send(body, shown) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    showMine(shown);
    var pending = bubble('bot pending', chat.getAttribute('data-bot'));
    var dots = document.createElement('div');
    dots.className = 'typing';
    dots.textContent = '…';
    pending.appendChild(dots);
    scrollDown();
    fetch(chat.getAttribute('data-api'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (answer) {
        pending.classList.remove('pending');
        pending.removeChild(dots);
        pending.insertAdjacentHTML('beforeend', answer.html);
      })
      .catch(function () {
        pending.classList.remove('pending');
        dots.textContent = chat.getAttribute('data-error');
        dots.classList.add('error');
      })
      .then(function () {
        busy = false;
        sendButton.disabled = false;
        scrollDown();
        save();
        input.focus();
      });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text: text }, text);
  });

  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  // Example questions: one click asks them.
  chat.querySelectorAll('[data-example]').forEach(function (chip) {
    chip.addEventListener('click', function () {
      var text = chip.getAttribute('data-example');
      send({ text: text }, text);
    });
  });

  // Buttons of any reply on the page (the log and "pushed to me") are sent as button presses.
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('.reply-button') : null;
    if (!button) return;
    var value = {};
    try {
      value = JSON.parse(button.getAttribute('data-value') || '{}');
    } catch (_err) {
      value = {};
    }
    button.classList.add('used');
    send({ action: button.getAttribute('data-action'), value: value }, button.textContent);
  });

  chat.querySelector('[data-chat-clear]').addEventListener('click', function () {
    Array.prototype.slice.call(log.querySelectorAll('.msg')).forEach(function (el) { el.remove(); });
    if (empty) empty.hidden = false;
    try { sessionStorage.removeItem(storeKey); } catch (_e) { /* nothing stored */ }
  });

  restore();
  if (log.querySelector('.msg')) save();
  scrollDown();
})();
