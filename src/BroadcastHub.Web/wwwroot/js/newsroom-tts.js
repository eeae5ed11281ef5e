// BroadcastHub newsroom: the text-to-speech page's "show the reading" and "preview" buttons. Both post the same form
// (with its antiforgery token) to /newsroom/tts/normalise and /newsroom/tts/preview; saving is the form's own submit.
(function () {
    'use strict';
    var form = document.getElementById('tts-form');
    if (!form || !window.fetch) return;
    var status = document.getElementById('tts-status');
    var audio = document.getElementById('tts-audio');

    function post(path) {
        return fetch(path, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
    }

    function fail(response) {
        return response.json().then(function (body) { status.textContent = body.message || response.status; },
            function () { status.textContent = 'HTTP ' + response.status; });
    }

    function cell(row, text) {
        var td = document.createElement('td');
        td.textContent = text;
        row.appendChild(td);
    }

    document.getElementById('tts-normalise').addEventListener('click', function () {
        post('/newsroom/tts/normalise').then(function (response) {
            if (!response.ok) return fail(response);
            return response.json().then(function (body) {
                status.textContent = '';
                document.getElementById('tts-spoken').textContent = body.text;
                var rows = document.querySelector('#tts-tokens tbody');
                rows.textContent = '';
                body.tokens.forEach(function (t) {
                    var row = document.createElement('tr');
                    cell(row, t.original);
                    cell(row, t.spoken);
                    cell(row, t.kind);
                    rows.appendChild(row);
                });
                document.getElementById('tts-reading').hidden = false;
            });
        });
    });

    document.getElementById('tts-preview').addEventListener('click', function () {
        status.textContent = status.dataset.working;
        post('/newsroom/tts/preview').then(function (response) {
            if (!response.ok) return fail(response);
            return response.blob().then(function (blob) {
                status.textContent = '';
                if (audio.src) URL.revokeObjectURL(audio.src);
                audio.src = URL.createObjectURL(blob);
                audio.hidden = false;
                audio.play().catch(function () { /* autoplay refused: the controls are shown */ });
            });
        });
    });
}());
