// Live dashboard: a Server-Sent Event says something changed; the live part is fetched and swapped in place
// (no page reload). Elapsed and remaining times count locally, corrected by the server's clock.
(function () {
    'use strict';
    const live = document.getElementById('dashboard-live');
    if (!live) return;
    let offset = 0;          // server clock minus this browser's clock, in ms
    let zoneMinutes = 0;     // the station's UTC offset
    let fetching = null;
    let again = false;

    function readOffset() {
        const state = document.getElementById('dashboard-state');
        if (!state) return;
        offset = Number(state.dataset.serverNow) - Date.now();
        zoneMinutes = Number(state.dataset.offsetMinutes);
    }

    function clock(ms) {
        const total = Math.max(0, Math.round(ms / 1000));
        const m = Math.floor(total / 60), s = total % 60;
        return String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
    }

    function tick() {
        const now = Date.now() + offset;
        live.querySelectorAll('[data-elapsed-from]').forEach(e => { e.textContent = clock(now - Number(e.dataset.elapsedFrom)); });
        live.querySelectorAll('[data-remaining-until]').forEach(e => { e.textContent = clock(Number(e.dataset.remainingUntil) - now); });
        const hhmmss = document.getElementById('dashboard-clock');
        if (hhmmss) hhmmss.textContent = new Date(now + zoneMinutes * 60000).toISOString().substring(11, 19);
    }

    async function refresh() {
        if (fetching) { again = true; return; }
        fetching = (async () => {
            do {
                again = false;
                const response = await fetch(live.dataset.liveUrl, { credentials: 'same-origin', cache: 'no-store' });
                if (response.redirected) { window.location.reload(); return; }
                if (!response.ok) return;
                live.innerHTML = await response.text();
                readOffset();
                tick();
                live.dataset.updates = String(Number(live.dataset.updates || 0) + 1);
            } while (again);
        })();
        try { await fetching; } catch { again = false; } finally { fetching = null; }
    }

    function connect() {
        const events = new EventSource(live.dataset.eventsUrl);
        // Changes may have come between the page's rendering (or a lost connection) and this stream: refresh once.
        events.addEventListener('ready', () => { live.dataset.connected = 'true'; refresh(); });
        events.addEventListener('change', refresh);
        events.onerror = () => { live.dataset.connected = 'false'; };
    }

    document.addEventListener('submit', e => {
        const form = e.target;
        if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
        const confirmed = form.querySelector('input[name=confirmed]');
        if (!confirmed || confirmed.value === 'true') return;
        e.preventDefault();
        if (window.confirm(form.dataset.confirm)) {
            confirmed.value = 'true';
            form.submit();
        }
    });

    readOffset();
    tick();
    setInterval(tick, 1000);
    connect();
})();
