// Text size, contrast and ふりがな switches, remembered on this device; and "upcoming" lists that stay
// true between daily rebuilds by hiding what has ended (data-ends: an event over, a recruitment
// past its deadline). The page works fully without this file.
(function () {
  var KEY = 'tsunagari-prefs';
  var root = document.documentElement;
  var prefs = {};
  try {
    prefs = JSON.parse(localStorage.getItem(KEY) || '{}') || {};
  } catch (e) {}
  function apply() {
    root.dataset.textSize = prefs.textSize === 'large' ? 'large' : 'normal';
    root.dataset.contrast = prefs.contrast === 'high' ? 'high' : 'normal';
    // The readings are in the page already (src/middleware.ts); this only shows them.
    root.dataset.furigana = prefs.furigana === 'on' ? 'on' : 'off';
  }
  apply();
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-pref]');
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      var name = button.getAttribute('data-pref');
      var on = button.getAttribute('data-on');
      button.hidden = false;
      button.setAttribute('aria-pressed', String(prefs[name] === on));
      button.addEventListener('click', function (event) {
        var b = event.currentTarget;
        var n = b.getAttribute('data-pref');
        prefs[n] = prefs[n] === b.getAttribute('data-on') ? 'normal' : b.getAttribute('data-on');
        try {
          localStorage.setItem(KEY, JSON.stringify(prefs));
        } catch (e) {}
        b.setAttribute('aria-pressed', String(prefs[n] === b.getAttribute('data-on')));
        apply();
      });
    }
    var now = Date.now();
    var timed = document.querySelectorAll('[data-ends]');
    for (var j = 0; j < timed.length; j++) {
      if (Date.parse(timed[j].getAttribute('data-ends')) < now) timed[j].hidden = true;
    }
  });
})();
