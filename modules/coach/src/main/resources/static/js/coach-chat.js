// The coach page: asks through the API and shows the answer as it streams (server-sent events
// over fetch, since EventSource cannot POST). Without scripts the form posts to the page instead.
(function () {
  'use strict';
  var form = document.getElementById('ask-form');
  if (!form || !window.fetch || !window.TextDecoder) { return; }
  var list = document.getElementById('messages');
  var status = document.getElementById('coach-status');
  var askButton = document.getElementById('ask-button');
  var cancelButton = document.getElementById('cancel-button');
  var conversation = form.dataset.conversation;
  var answerId = null;

  function csrfToken() {
    var field = form.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function bubble(role, text) {
    var item = document.createElement('li');
    item.className = 'chat-message ' + role;
    var meta = document.createElement('p');
    meta.className = 'chat-meta';
    var who = document.createElement('strong');
    who.textContent = role === 'user' ? 'You' : 'Coach';
    meta.appendChild(who);
    var body = document.createElement('div');
    body.className = 'chat-text';
    body.textContent = text;
    item.appendChild(meta);
    item.appendChild(body);
    list.appendChild(item);
    return body;
  }

  // The same rules as ChatText on the server, once an answer has streamed in: paragraphs, and
  // lines starting "- ", "* " or "1. " as lists. Text only (textContent): an answer brings no markup.
  function format(body, content) {
    var blocks = [], kind = null, lines = [];
    content.split(/\r?\n/).forEach(function (line) {
      var bullet = /^\s*[-*\u2022]\s+(.*)$/.exec(line), numbered = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
      var lineKind = !line.trim() ? null : bullet ? 'ul' : numbered ? 'ol' : 'p';
      var text = bullet ? bullet[1] : numbered ? numbered[1] : line;
      if (lineKind === 'p' && (kind === 'ul' || kind === 'ol') && line.charAt(0) === ' ') {
        lines[lines.length - 1] += ' ' + line.trim();
        return;
      }
      if (lineKind !== kind) {
        if (kind) { blocks.push({ kind: kind, lines: lines }); }
        lines = [];
        kind = lineKind;
      }
      if (lineKind) { lines.push(text); }
    });
    if (kind) { blocks.push({ kind: kind, lines: lines }); }
    body.textContent = '';
    blocks.forEach(function (block) {
      var element = document.createElement(block.kind);
      if (block.kind === 'p') {
        element.textContent = block.lines.join('\n');
      } else {
        block.lines.forEach(function (line) {
          var item = document.createElement('li');
          item.textContent = line;
          element.appendChild(item);
        });
      }
      body.appendChild(element);
    });
  }

  // The allowance left and the title (named after the first question) change with each answer.
  function refreshMeta() {
    var headers = { 'Accept': 'application/json' };
    fetch('/api/v1/coach/allowance', { credentials: 'same-origin', headers: headers })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (a) {
        if (a) {
          document.getElementById('allowance-left').textContent = a.description
            + (a.remainingToday === null ? '' : ', ' + a.remainingToday + ' left today');
        }
      });
    fetch('/api/v1/coach/conversations/' + conversation, { credentials: 'same-origin', headers: headers })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) { if (c) { document.getElementById('conversation-title').textContent = c.title; } });
  }

  function finish(message) {
    status.textContent = message;
    askButton.disabled = false;
    cancelButton.hidden = true;
    answerId = null;
    refreshMeta();
  }

  cancelButton.addEventListener('click', function () {
    if (!answerId) { return; }
    fetch('/api/v1/coach/conversations/' + conversation + '/messages/' + answerId + '/cancel', {
      method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken() }
    });
  });

  form.addEventListener('submit', function (event) {
    var question = form.querySelector('#content').value.trim();
    if (!question) { return; }
    event.preventDefault();
    bubble('user', question);
    var answer = bubble('assistant', '');
    var written = '';
    askButton.disabled = true;
    status.textContent = 'The coach is writing…';
    fetch('/api/v1/coach/conversations/' + conversation + '/messages', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream, application/problem+json',
                 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ content: question })
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (problem) {
          answer.parentNode.remove();
          finish(problem.detail || 'The coach could not take the question.');
          if (problem.upgradeUrl) {
            var link = document.createElement('a');
            link.href = problem.upgradeUrl;
            link.textContent = ' See premium';
            status.appendChild(link);
          }
        });
      }
      form.querySelector('#content').value = '';
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function handle(block) {
        var type = 'message';
        var data = '';
        block.split('\n').forEach(function (line) {
          if (line.indexOf('event:') === 0) { type = line.slice(6).trim(); }
          if (line.indexOf('data:') === 0) { data += line.slice(5); }
        });
        if (!data) { return; }
        var payload = JSON.parse(data);
        if (type === 'started') { answerId = payload.messageId; cancelButton.hidden = false; }
        if (type === 'token') { answer.textContent += payload.text; written += payload.text; }
        if (type === 'done') { format(answer, written); finish(payload.status === 'cancelled' ? 'Stopped. What was written is kept.' : 'Done.'); }
        if (type === 'error') { finish(payload.text); }
      }
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { if (answerId) { finish('Done.'); } return; }
          buffer += decoder.decode(chunk.value, { stream: true });
          var blocks = buffer.split('\n\n');
          buffer = blocks.pop();
          blocks.forEach(handle);
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      finish('The connection dropped. The answer is still being written and will be here when you reload.');
    });
  });
})();
