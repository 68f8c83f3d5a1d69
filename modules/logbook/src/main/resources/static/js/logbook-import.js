// Progressive enhancement for the import pages: upload without leaving the page, then
// follow the import's server-sent events with a progress bar. Without this script the
// forms post normally and the status page offers a refresh link.
(function () {
  'use strict';

  function csrfToken(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : null;
  }

  function anchor(href, text, className) {
    var link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    if (className) { link.className = className; }
    return link;
  }

  function follow(importId, bar, label, result) {
    var source = new EventSource('/api/v1/logbook/imports/' + importId + '/events');
    function show(view) {
      if (view.status === 'queued') { bar.value = 10; label.textContent = 'Waiting for a worker…'; }
      if (view.status === 'running') { bar.value = view.rowsRead > 0 ? 70 : 40; label.textContent = 'Reading ' + view.rowsRead + ' rows…'; }
      if (view.status === 'succeeded') {
        bar.value = 100;
        label.textContent = 'Done: ' + view.ticksAdded + ' added, ' + view.ticksUpdated + ' updated, '
          + view.ticksUnchanged + ' unchanged, ' + view.ticksSkipped + ' skipped.'
          + (view.ticksKeptDeleted > 0 ? ' ' + view.ticksKeptDeleted + ' you had deleted were not imported again.' : '');
      }
      if (view.status === 'failed') { bar.value = 100; label.textContent = 'Failed: ' + view.error; }
      if (result && (view.status === 'succeeded' || view.status === 'failed')) {
        result.innerHTML = '';
        // After a good import, where the climber wants to go next: what it says about them.
        if (view.status === 'succeeded') {
          result.appendChild(anchor('/dashboard', 'See your dashboard', 'button'));
          result.appendChild(document.createTextNode(' '));
          result.appendChild(anchor('/pyramid', 'See your pyramid', 'button secondary'));
          result.appendChild(document.createTextNode(' '));
        }
        result.appendChild(anchor('/logbook/imports/' + view.id,
          'See the details' + (view.warnings && view.warnings.length ? ' and ' + view.warnings.length + ' warning(s)' : '')));
      }
    }
    source.addEventListener('progress', function (event) { show(JSON.parse(event.data)); });
    source.addEventListener('done', function (event) { show(JSON.parse(event.data)); source.close(); });
    source.onerror = function () { source.close(); };
  }

  var form = document.getElementById('upload-form');
  if (form) {
    var panel = document.getElementById('progress');
    var bar = document.getElementById('progress-bar');
    var label = document.getElementById('progress-label');
    var result = document.getElementById('progress-result');
    var zone = form.querySelector('.dropzone');
    var input = form.querySelector('input[type=file]');
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (event) {
      if (event.dataTransfer.files.length) { input.files = event.dataTransfer.files; }
    });
    form.addEventListener('submit', function (event) {
      if (!input.files.length) { return; }
      event.preventDefault();
      panel.hidden = false;
      bar.value = 5;
      label.textContent = 'Uploading ' + input.files[0].name + '…';
      var data = new FormData();
      data.append('file', input.files[0]);
      fetch('/api/v1/logbook/imports', {
        method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': csrfToken(form), 'Accept': 'application/json' }
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (!answer.ok) { bar.value = 100; label.textContent = answer.body.detail || 'The import was refused.'; return; }
        follow(answer.body.id, bar, label, result);
      }).catch(function () { label.textContent = 'The upload failed. Check your connection and try again.'; });
    });
  }

  var status = document.getElementById('import-status');
  if (status && status.dataset.status !== 'succeeded' && status.dataset.status !== 'failed') {
    follow(status.dataset.importId, document.getElementById('progress-bar'), document.getElementById('progress-label'), null);
  }
})();
