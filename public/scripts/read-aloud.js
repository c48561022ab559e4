// 読み上げ: reads the page's main content aloud with the browser's own speech synthesis (Web
// Speech API), in the page's language (<html lang>), with no outside service. The 読み上げ switch
// starts and stops, 一時停止 pauses and resumes; the status line (role=status) says what happens,
// or why nothing can: no speechSynthesis, or no voice for the page's language. Its words come from
// the page (data-msg-*, src/i18n/ja.ts). Loaded with defer beside prefs.js.
(function () {
  var play = document.querySelector('[data-read-aloud]');
  var pause = document.querySelector('[data-read-pause]');
  var status = document.querySelector('[data-read-status]');
  if (!play || !pause || !status) return;
  var synth = window.speechSynthesis;
  var lang = document.documentElement.lang || 'ja';
  var primary = lang.toLowerCase().split('-')[0];
  // Each start gets a number, so the end of an utterance from a reading since stopped is ignored.
  var run = 0;
  var state = 'idle';

  function say(key) {
    status.textContent = play.getAttribute('data-msg-' + key) || '';
  }
  function set(next) {
    state = next;
    play.setAttribute('aria-pressed', String(next !== 'idle'));
    pause.hidden = next === 'idle';
    pause.setAttribute('aria-pressed', String(next === 'paused'));
  }
  function voiceFor(voices) {
    for (var i = 0; i < voices.length; i++) {
      var voiceLang = (voices[i].lang || '').toLowerCase().replace('_', '-');
      if (voiceLang.split('-')[0] === primary) return voices[i];
    }
    return null;
  }
  // Chromium lists its voices only after voiceschanged; a browser with none may never fire it.
  function withVoices(done) {
    var voices = synth.getVoices();
    if (voices.length) return done(voices);
    var finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      synth.removeEventListener('voiceschanged', finish);
      done(synth.getVoices());
    }
    synth.addEventListener('voiceschanged', finish);
    setTimeout(finish, 1500);
  }
  // Pieces of at most about 200 characters, cut after a sentence: Chromium stops a long utterance.
  function pieces(text) {
    // Each sentence with its closing marks; no lookbehind, which older phones' browsers lack.
    var sentences = text.match(/[^。！？!?\n]+[。！？!?\n]*|[。！？!?\n]+/g) || [];
    var out = [];
    var current = '';
    for (var i = 0; i < sentences.length; i++) {
      if (current && current.length + sentences[i].length > 200) {
        out.push(current);
        current = '';
      }
      current += sentences[i];
    }
    if (current.trim()) out.push(current);
    return out.filter(function (p) {
      return p.trim();
    });
  }
  function mainText() {
    var main = document.querySelector('main') || document.body;
    // ふりがな shown would be read too (見守みまもり): take the text without them, then show them again.
    var root = document.documentElement;
    var furigana = root.getAttribute('data-furigana');
    if (furigana === 'on') root.setAttribute('data-furigana', 'off');
    try {
      return main.innerText.replace(/[ \t]+/g, ' ').trim();
    } finally {
      if (furigana === 'on') root.setAttribute('data-furigana', 'on');
    }
  }
  function start() {
    if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') return say('unsupported');
    var mine = ++run;
    withVoices(function (voices) {
      if (mine !== run) return;
      var voice = voiceFor(voices);
      if (!voice) return say('novoice');
      var parts = pieces(mainText());
      synth.cancel();
      set('reading');
      say('reading');
      parts.forEach(function (part, i) {
        var utterance = new window.SpeechSynthesisUtterance(part);
        utterance.lang = lang;
        utterance.voice = voice;
        if (i === parts.length - 1)
          utterance.onend = function () {
            if (mine !== run) return;
            set('idle');
            say('done');
          };
        utterance.onerror = function (event) {
          if (mine !== run || event.error === 'interrupted' || event.error === 'canceled') return;
          run++;
          set('idle');
          say('error');
        };
        synth.speak(utterance);
      });
    });
  }
  function stop() {
    run++;
    if (synth) synth.cancel();
    set('idle');
    say('stopped');
  }

  play.hidden = false;
  play.addEventListener('click', function () {
    if (state === 'idle') start();
    else stop();
  });
  pause.addEventListener('click', function () {
    if (state === 'reading') {
      synth.pause();
      set('paused');
      say('paused');
    } else if (state === 'paused') {
      synth.resume();
      set('reading');
      say('reading');
    }
  });
  // Leaving the page stops its voice: the browser would otherwise read on over the next page.
  window.addEventListener('pagehide', function () {
    if (state !== 'idle') stop();
  });
})();
