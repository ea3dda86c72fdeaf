// Vigie's optional auto-refresh. Every 60 s while the tab is visible, it asks for the same page
// with If-None-Match and, when the data changed, swaps the content of <main>. The page is
// complete without it. It leaves the page alone while someone is reading inside it with the keyboard.
(function () {
  'use strict';
  var PERIOD = 60000;
  var etag = null;
  var last = Date.now();

  function busy(main) {
    var active = document.activeElement;
    return active && active !== main && main.contains(active);
  }

  function swap(html) {
    var main = document.querySelector('main');
    var next = new DOMParser().parseFromString(html, 'text/html');
    var fresh = next.querySelector('main');
    if (!main || !fresh || busy(main)) return;
    var open = [].map.call(main.querySelectorAll('details'), function (d) {
      return d.open;
    });
    main.innerHTML = fresh.innerHTML;
    [].forEach.call(main.querySelectorAll('details'), function (d, i) {
      if (open[i]) d.open = true;
    });
    if (next.title) document.title = next.title;
  }

  function refresh() {
    if (document.visibilityState !== 'visible' || !window.fetch) return;
    last = Date.now();
    var headers = etag ? { 'If-None-Match': etag } : {};
    fetch(location.href, { headers: headers, cache: 'no-cache', credentials: 'omit' })
      .then(function (res) {
        if (res.status !== 200) return null;
        etag = res.headers.get('etag');
        return res.text();
      })
      .then(function (html) {
        if (html) swap(html);
      })
      .catch(function () {
        /* Offline or server busy: the page on screen stays as it is. */
      });
  }

  setInterval(refresh, PERIOD);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && Date.now() - last >= PERIOD) refresh();
  });
})();
