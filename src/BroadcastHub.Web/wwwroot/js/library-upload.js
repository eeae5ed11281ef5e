// BroadcastHub: the library's upload form with drag and drop and a progress bar. Posts the same form (fields and
// antiforgery token) to the same URL with XMLHttpRequest, asking for JSON; without this script the form still works.
(function () {
    'use strict';
    var form = document.getElementById('upload-form');
    var zone = document.getElementById('drop-zone');
    var input = document.getElementById('up-file');
    var status = document.getElementById('upload-status');
    if (!form || !zone || !input || !status || !window.FormData || !window.XMLHttpRequest) return;
    var progress = document.getElementById('upload-progress');
    var bar = progress.querySelector('.progress-bar');
    var message = document.getElementById('upload-message');
    var title = document.getElementById('up-title');
    var button = form.querySelector('button[type="submit"]');
    var duplicate = document.getElementById('duplicate-warning');
    var anyway = document.getElementById('upload-anyway');

    function showDuplicate(body) {
        if (!duplicate || !body || body.error !== 'duplicate_upload') return false;
        var link = document.getElementById('duplicate-link');
        link.href = duplicate.dataset.linkBase + body.existingId;
        link.textContent = body.existingTitle;
        document.getElementById('duplicate-id').textContent = '(#' + body.existingId + ')';
        duplicate.hidden = false;
        status.hidden = true;
        return true;
    }

    function bodyOf(xhr) {
        try {
            return JSON.parse(xhr.responseText);
        } catch (ignored) {
            return null;
        }
    }

    function show(percent, text, failed) {
        status.hidden = false;
        progress.setAttribute('aria-valuenow', String(percent));
        bar.style.width = (failed ? 100 : percent) + '%';
        bar.textContent = failed ? status.dataset.failed : percent + '%';
        bar.classList.toggle('bg-danger', !!failed);
        bar.classList.toggle('bg-success', percent === 100 && !failed);
        message.textContent = text;
        message.className = 'small mt-1' + (failed ? ' text-danger fw-semibold' : '');
    }

    function chose(files) {
        if (!files || files.length === 0) return;
        if (files !== input.files) {
            var transfer = new DataTransfer();
            transfer.items.add(files[0]);
            input.files = transfer.files;
        }
        if (title && !title.value.trim()) title.value = files[0].name.replace(/\.[^.]+$/, '');
        zone.classList.add('has-file');
    }

    ['dragenter', 'dragover'].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (e) { chose(e.dataTransfer && e.dataTransfer.files); });
    input.addEventListener('change', function () {
        chose(input.files);
        if (duplicate) duplicate.hidden = true;
    });

    function errorOf(xhr) {
        try {
            var body = JSON.parse(xhr.responseText);
            if (body && body.message) return body.message;
        } catch (ignored) { /* not JSON: a proxy's or the server's plain text */ }
        var text = (xhr.responseText || '').trim();
        return status.dataset.failed + ' (HTTP ' + xhr.status + ')' + (text && text.length < 300 && text.indexOf('<') < 0 ? ': ' + text : '');
    }

    form.addEventListener('submit', function (e) {
        if (!form.checkValidity()) return;
        e.preventDefault();
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.addEventListener('progress', function (p) {
            if (!p.lengthComputable) return;
            var percent = Math.min(99, Math.floor(p.loaded * 100 / p.total));
            show(percent, percent >= 99 ? status.dataset.checking : status.dataset.sending, false);
        });
        xhr.addEventListener('load', function () {
            button.disabled = false;
            if (anyway) anyway.disabled = false;
            if (xhr.status === 409 && showDuplicate(bodyOf(xhr))) return;
            if (xhr.status === 201) {
                show(100, status.dataset.done, false);
                form.dataset.uploaded = JSON.parse(xhr.responseText).id;
                window.setTimeout(function () { window.location.assign(form.action.replace(/\/upload$/, '')); }, 700);
            } else {
                show(0, errorOf(xhr), true);
            }
        });
        xhr.addEventListener('error', function () {
            button.disabled = false;
            if (anyway) anyway.disabled = false;
            show(0, status.dataset.failed, true);
        });
        var data = new FormData(form);
        if (e.submitter && e.submitter.name) data.append(e.submitter.name, e.submitter.value);
        button.disabled = true;
        if (anyway) anyway.disabled = true;
        if (duplicate) duplicate.hidden = true;
        show(0, status.dataset.sending, false);
        xhr.send(data);
    });
})();
