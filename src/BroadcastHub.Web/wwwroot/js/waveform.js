// BroadcastHub: draws a bulletin's waveform (min/max peaks from the server) on a canvas, with the player's position;
// a click on the waveform seeks. Decoder warnings from the waveform are added to the page's warning list.
(function () {
    'use strict';
    var canvas = document.getElementById('waveform');
    var player = document.getElementById('player');
    if (!canvas || !player) return;
    var peaks = null;

    function draw() {
        var ratio = window.devicePixelRatio || 1;
        var width = canvas.clientWidth, height = canvas.clientHeight || 120;
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        var g = canvas.getContext('2d');
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
        g.clearRect(0, 0, width, height);
        g.fillStyle = '#eef1f5';
        g.fillRect(0, 0, width, height);
        if (!peaks) return;
        var mid = height / 2, n = peaks.points;
        var played = player.duration > 0 ? player.currentTime / player.duration : 0;
        for (var x = 0; x < width; x++) {
            var i = Math.min(n - 1, Math.floor(x * n / width));
            var top = mid - peaks.max[i] * mid, bottom = mid - peaks.min[i] * mid;
            g.fillStyle = x / width <= played ? '#0d6efd' : '#6c8ebf';
            g.fillRect(x, top, 1, Math.max(1, bottom - top));
        }
        g.fillStyle = '#dc3545';
        g.fillRect(Math.round(played * width), 0, 2, height);
    }

    function addWarnings(list) {
        var target = document.getElementById('warnings');
        if (!target || !list || list.length === 0) return;
        var none = document.getElementById('no-warnings');
        if (none) none.remove();
        list.forEach(function (text) {
            var li = document.createElement('li');
            li.className = 'text-warning-emphasis decoder-warning';
            li.textContent = text;
            target.appendChild(li);
        });
    }

    fetch(canvas.dataset.src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (json) {
            peaks = json;
            canvas.dataset.points = String(json.points);
            addWarnings(json.warnings);
            draw();
        })
        .catch(function () {
            canvas.insertAdjacentHTML('afterend', '<p class="small text-danger" id="waveform-error"></p>');
            document.getElementById('waveform-error').textContent = canvas.dataset.failed;
        });

    canvas.addEventListener('click', function (e) {
        if (!(player.duration > 0)) return;
        var rect = canvas.getBoundingClientRect();
        player.currentTime = Math.max(0, Math.min(1, (e.clientX - rect.left) / rect.width)) * player.duration;
        draw();
    });
    player.addEventListener('timeupdate', draw);
    player.addEventListener('seeked', draw);
    window.addEventListener('resize', draw);
    draw();
})();
