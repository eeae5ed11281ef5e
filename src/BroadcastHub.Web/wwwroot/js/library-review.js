// BroadcastHub: a refused review is answered at /library/{id}/reject; put the bulletin's own address in the location bar
// so the page reads as that bulletin's page and a reload fetches it instead of posting the form again.
(function () {
    'use strict';
    var tag = document.getElementById('review-address');
    if (tag && tag.dataset.page && window.history && window.history.replaceState) {
        window.history.replaceState(null, '', tag.dataset.page);
    }
})();
