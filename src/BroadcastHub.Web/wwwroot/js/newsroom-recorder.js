// BroadcastHub newsroom: record a bulletin from the microphone on the library page. MediaRecorder records; an
// AnalyserNode drives the level meter; after Stop the take is decoded with Web Audio, trimmed in the browser and saved
// as a WAV through the library's own upload (same URL, antiforgery token, analysis and approval).
(function () {
    'use strict';
    var box = document.getElementById('recorder');
    var form = document.getElementById('recorder-form');
    if (!box || !form || !window.MediaRecorder || !navigator.mediaDevices || !window.AudioContext) return;
    box.hidden = false;
    var el = function (id) { return document.getElementById(id); };
    var startButton = el('rec-start'), pauseButton = el('rec-pause'), stopButton = el('rec-stop');
    var counter = el('rec-counter'), level = el('rec-level'), status = el('rec-status');
    var trimStart = el('rec-trim-start'), trimEnd = el('rec-trim-end'), length = el('rec-length');
    var recorder = null, stream = null, context = null, analyser = null, chunks = [], decoded = null;
    var elapsed = 0, resumedAt = 0, ticking = 0;

    function clock(seconds) {
        var m = Math.floor(seconds / 60), s = seconds - m * 60;
        return (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s.toFixed(1);
    }

    function tick() {
        var running = recorder && recorder.state === 'recording';
        counter.textContent = clock(elapsed + (running ? (performance.now() - resumedAt) / 1000 : 0));
        if (analyser) {
            var samples = new Float32Array(analyser.fftSize);
            analyser.getFloatTimeDomainData(samples);
            var sum = 0;
            for (var i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
            var db = 20 * Math.log10(Math.sqrt(sum / samples.length) || 1e-6);
            level.style.width = Math.max(0, Math.min(100, (db + 60) / 60 * 100)) + '%';
        }
        ticking = requestAnimationFrame(tick);
    }

    function frames() {
        var rate = decoded.sampleRate;
        var start = Math.round(parseFloat(trimStart.value) * rate);
        var end = decoded.length - Math.round(parseFloat(trimEnd.value) * rate);
        return { start: start, end: Math.max(start, end), rate: rate };
    }

    function showTrim() {
        el('rec-trim-start-value').textContent = parseFloat(trimStart.value).toFixed(1);
        el('rec-trim-end-value').textContent = parseFloat(trimEnd.value).toFixed(1);
        var f = frames();
        length.dataset.frames = String(f.end - f.start);
        length.dataset.rate = String(f.rate);
        length.dataset.total = String(decoded.length);
        length.textContent = ((f.end - f.start) / f.rate).toFixed(1) + ' s';
    }

    function trimmed() {
        var f = frames();
        return window.NewsroomWav.encode(decoded, f.start, f.end);
    }

    startButton.addEventListener('click', function () {
        navigator.mediaDevices.getUserMedia({ audio: true }).then(function (s) {
            stream = s;
            context = new AudioContext();
            analyser = context.createAnalyser();
            analyser.fftSize = 2048;
            context.createMediaStreamSource(stream).connect(analyser);
            chunks = [];
            recorder = new MediaRecorder(stream);
            recorder.ondataavailable = function (e) { if (e.data.size > 0) chunks.push(e.data); };
            recorder.onstop = finished;
            recorder.start(250);
            elapsed = 0;
            resumedAt = performance.now();
            el('rec-review').hidden = true;
            status.textContent = '';
            startButton.disabled = true;
            pauseButton.disabled = stopButton.disabled = false;
            pauseButton.textContent = pauseButton.dataset.pause;
            ticking = requestAnimationFrame(tick);
        }, function () { status.textContent = form.dataset.denied; });
    });

    pauseButton.addEventListener('click', function () {
        if (recorder.state === 'recording') {
            recorder.pause();
            elapsed += (performance.now() - resumedAt) / 1000;
            pauseButton.textContent = pauseButton.dataset.resume;
        } else if (recorder.state === 'paused') {
            recorder.resume();
            resumedAt = performance.now();
            pauseButton.textContent = pauseButton.dataset.pause;
        }
    });

    stopButton.addEventListener('click', function () {
        if (recorder.state === 'recording') elapsed += (performance.now() - resumedAt) / 1000;
        recorder.stop();
        stream.getTracks().forEach(function (t) { t.stop(); });
        pauseButton.disabled = stopButton.disabled = true;
        startButton.disabled = false;
    });

    function finished() {
        cancelAnimationFrame(ticking);
        level.style.width = '0%';
        var blob = new Blob(chunks, { type: recorder.mimeType });
        blob.arrayBuffer().then(function (bytes) { return context.decodeAudioData(bytes); }).then(function (buffer) {
            decoded = buffer;
            var seconds = buffer.length / buffer.sampleRate;
            counter.textContent = clock(seconds);
            [trimStart, trimEnd].forEach(function (r) { r.max = String(Math.floor(seconds * 10) / 10); r.value = '0'; });
            showTrim();
            el('rec-audio').src = URL.createObjectURL(blob);
            el('rec-review').hidden = false;
            context.close();
        }, function () { status.textContent = form.dataset.failed; });
    }

    [trimStart, trimEnd].forEach(function (r) { r.addEventListener('input', showTrim); });
    el('rec-listen').addEventListener('click', function () {
        var audio = el('rec-audio');
        audio.src = URL.createObjectURL(trimmed());
        audio.play().catch(function () { /* autoplay refused: the controls are shown */ });
    });

    form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (!decoded) return;
        var data = new FormData(form);
        data.append('file', trimmed(), 'recording.wav');
        status.textContent = form.dataset.saving;
        el('rec-save').disabled = true;
        fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (response) {
                return response.json().then(function (body) {
                    if (response.status === 201) { window.location.href = '/library/' + body.id; return; }
                    status.textContent = (body && body.message) || form.dataset.failed;
                    el('rec-save').disabled = false;
                });
            }, function () { status.textContent = form.dataset.failed; el('rec-save').disabled = false; });
    });
}());
