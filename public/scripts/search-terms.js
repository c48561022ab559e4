// What a resident typed, as the query the Japanese index understands: src/lib/search/terms.ts
// (queryText, splitWords, stripKeys) in the browser, where the search page loads it before search.js. The
// variant spellings come from the page (data-terms on #search, termData()). A unit test runs
// this file against terms.ts, so keep the two the same.
(function (root) {
  var PREFIX = 'qq';
  // The kana spelt with one letter, the others with two (terms.ts says why).
  var ONE_LETTER_KANA = 'いうしんかくょきちたりさこつだじみどあとまな';
  var ONE_LETTERS = 'abcdefghijklmnopqrstuv';
  var LEADS = 'wxy';
  var CODES = {};
  var rest = 0;
  for (var k = 0; k <= 0x56; k++) {
    var kana = k < 0x56 ? String.fromCharCode(0x3041 + k) : 'ー';
    var one = ONE_LETTER_KANA.indexOf(kana);
    if (one >= 0) CODES[kana] = ONE_LETTERS.charAt(one);
    else {
      CODES[kana] = LEADS.charAt(Math.floor(rest / 26)) + String.fromCharCode(0x61 + (rest % 26));
      rest++;
    }
  }
  var PIECES =
    /[\p{Script=Han}々〆ヵヶ]+[\u3041-\u3096]*|[\u30a1-\u30faー]+|[\u3041-\u3096ー]+|[^\p{Script=Han}々〆\u3041-\u3096\u30a1-\u30faー]+/gu;
  var HIRAGANA_RUN = /^[\u3041-\u3096ー]+$/;
  var KANJI_START = /^[\p{Script=Han}々〆ヵヶ]/u;
  var KANJI = /[\p{Script=Han}々〆]/u;
  // Where the index and the query split words: ICU's Japanese word segmentation (terms.ts, splitWords).
  var JAPANESE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uffef]/u;
  var wordSegmenter;
  function splitWords(text) {
    if (typeof Intl === 'undefined' || !Intl.Segmenter) return text;
    wordSegmenter = wordSegmenter || new Intl.Segmenter('ja', { granularity: 'word' });
    var out = '';
    var before = '';
    for (var it = wordSegmenter.segment(text)[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) {
      var chars = Array.from(s.value.segment);
      var first = chars[0] || '';
      if (
        before &&
        !/\s/.test(before) &&
        !/\s/.test(first) &&
        (JAPANESE_CHAR.test(before) || JAPANESE_CHAR.test(first))
      )
        out += ' ';
      out += s.value.segment;
      before = chars[chars.length - 1] || before;
    }
    return out;
  }
  var SPACED = /([^\s.])((?:<\/mark>)?)[ \u200b]+((?:<mark>)?)(?=([^\s<]))/gu;
  function foldKana(text) {
    return text.normalize('NFKC').replace(/[\u30a1-\u30f6]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    });
  }
  function isKana(folded) {
    return /^[\u3041-\u3096ー]+$/.test(folded);
  }
  function kanaKey(reading) {
    var folded = foldKana(reading);
    var key = PREFIX;
    for (var i = 0; i < folded.length; i++) key += CODES[folded.charAt(i)];
    return key;
  }
  function queryText(typed, data) {
    var text = typed.normalize('NFKC');
    var variants = (data && data.variants) || [];
    for (var v = 0; v < variants.length; v++) text = text.split(variants[v][0]).join(' ' + variants[v][1] + ' ');
    var words = [];
    text
      .split(/\s+/)
      .filter(Boolean)
      .forEach(function (word) {
        var pieces = word.match(PIECES) || [];
        var plain = '';
        pieces.forEach(function (piece, i) {
          var next = pieces[i + 1];
          var prefix = HIRAGANA_RUN.test(piece) && piece.length === 1 && next !== undefined && KANJI_START.test(next);
          if (isKana(foldKana(piece)) && !prefix) {
            if (plain) words.push(plain);
            plain = '';
            words.push(kanaKey(piece));
          } else plain += piece;
        });
        if (plain) words.push(plain);
      });
    return words
      .map(function (w) {
        return w.indexOf(PREFIX) === 0 ? w : data && data.surface ? kanjiKeys(splitWords(w)) : splitWords(w);
      })
      .filter(Boolean)
      .join(' ');
  }
  // Runs of words with kanji as the index's surface keys, hiragana words between them left out.
  function kanjiCode(char) {
    var n = ((((char.codePointAt(0) || 0) - 0x4e00) % 17576) + 17576) % 17576;
    var out = '';
    for (var i = 0; i < 3; i++, n = Math.floor(n / 26)) out = String.fromCharCode(0x61 + (n % 26)) + out;
    return 'z' + out;
  }
  function surfaceKey(span) {
    var from = span.search(KANJI);
    if (from < 0) return undefined;
    return Array.from(foldKana(span.slice(from))).reduce(function (key, c) {
      return key + (CODES[c] || kanjiCode(c));
    }, PREFIX);
  }
  function kanjiKeys(split) {
    return kanjiRuns(split)
      .map(function (run) {
        return KANJI.test(run) ? surfaceKey(run) : run;
      })
      .join(' ');
  }
  function kanjiRuns(split) {
    var out = [];
    var run = '';
    function end() {
      if (run) out.push(run);
      run = '';
    }
    split
      .split(' ')
      .filter(Boolean)
      .forEach(function (word) {
        if (KANJI.test(word)) run += run ? word : word.slice(word.search(KANJI));
        else {
          end();
          if (!isKana(foldKana(word))) out.push(word);
        }
      });
    end();
    return out;
  }
  // What was typed, marked in an excerpt (the marks Pagefind put on keys go with them).
  function markTyped(excerpt, typed) {
    var words = [];
    typed
      .normalize('NFKC')
      .split(/\s+/)
      .filter(Boolean)
      .forEach(function (word) {
        (word.match(PIECES) || []).forEach(function (piece) {
          if (isKana(foldKana(piece)) && piece.length > 1)
            words.push(
              Array.from(foldKana(piece))
                .map(function (c) {
                  return /[\u3041-\u3096]/.test(c) ? '[' + c + String.fromCharCode(c.charCodeAt(0) + 0x60) + ']' : c;
                })
                .join(''),
            );
        });
        kanjiRuns(splitWords(word)).forEach(function (run) {
          if (KANJI.test(run)) words.push(run.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
        });
      });
    if (!words.length) return excerpt;
    var found = new RegExp(
      words
        .sort(function (a, b) {
          return b.length - a.length;
        })
        .join('|'),
      'g',
    );
    return excerpt
      .split(/(<mark>[\s\S]*?<\/mark>|<[^>]*>)/)
      .map(function (part, i) {
        return i % 2 ? part : part.replace(found, '<mark>$&</mark>');
      })
      .join('');
  }
  function stripKeys(excerpt) {
    return excerpt
      .replace(/\s*(?:<mark>)?qq[a-z]+(?:<\/mark>)?/g, '')
      .replace(SPACED, function (spaced, before, close, open, after) {
        return JAPANESE_CHAR.test(before) || JAPANESE_CHAR.test(after) ? before + close + open : spaced;
      });
  }
  root.searchTerms = { queryText: queryText, stripKeys: stripKeys, markTyped: markTyped };
})(typeof window === 'undefined' ? globalThis : window);
