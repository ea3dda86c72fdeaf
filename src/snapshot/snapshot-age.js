// Vigie static copy: optional. Says how old the figures are and, once the copy is older than the
// freshness window, shows every service as unknown, as the live site would. The page is complete
// and truthful without it (it says when it was generated). Looked up at each tick: the optional
// auto-refresh may have replaced the page's content meanwhile.
(function () {
  'use strict';
  function update() {
    var notice = document.querySelector('.snapshot-notice');
    if (!notice) return;
    var ageMs = Date.now() - Date.parse(notice.getAttribute('data-generated-at'));
    var ageText = notice.querySelector('.snapshot-age');
    if (!(ageMs >= 0) || !ageText) return;
    var text = notice.getAttribute('data-age').replace('{n}', String(Math.floor(ageMs / 60000)));
    if (ageMs <= Number(notice.getAttribute('data-window-ms'))) {
      ageText.textContent = text;
      return;
    }
    ageText.textContent = text + ' ' + notice.getAttribute('data-too-old');
    var unknown = notice.getAttribute('data-unknown');
    [].forEach.call(document.querySelectorAll('main .state'), function (state) {
      if (/\bis-maintenance\b/.test(state.className)) return;
      state.className = 'state is-unknown';
      var word = state.querySelector('span:last-child');
      if (word) word.textContent = unknown;
    });
  }

  update();
  setInterval(update, 30000);
})();
