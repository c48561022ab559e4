// The search page: Pagefind's UI over the index built with the site. Kept in a file of its
// own (not inline) so the Content-Security-Policy can forbid inline scripts.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  // The past (ended events, closed recruitments, old reports) is a bundle of its own, merged in
  // only when the resident asks (src/lib/search/shards.ts, BUNDLE_FOLDERS).
  var OWN_BUNDLE = '/pagefind/';
  var PAST_BUNDLE = '/pagefind-past/';
  // By date, each part weighs this much less than the one before (see create).
  var DATE_STEP = 1e-6;
  // The language of the index this page searches, as Pagefind looks it up (<html lang>, lower case).
  var lang = (document.documentElement.getAttribute('lang') || 'unknown').toLowerCase();
  // Other towns' bundles (site settings otherTowns), searched too; each result of one is
  // labelled with its town's name. Pagefind puts the town's site before its result paths.
  var towns = [];
  try {
    towns = JSON.parse(element.getAttribute('data-towns') || '[]') || [];
  } catch (e) {
    towns = [];
  }
  var townLabel = element.getAttribute('data-town-label') || '';
  // How Japanese was typed is forgiven (search-terms.js): the query becomes the index's keys.
  var terms = window.searchTerms;
  var termData = {};
  try {
    termData = JSON.parse(element.getAttribute('data-terms') || '{}') || {};
  } catch (e) {
    termData = {};
  }
  var TOWN_WAIT_MS = 5000;
  // What the resident typed, to mark in the excerpts (search-terms.js, markTyped).
  var typed = '';
  // Pagefind's UI deletes the options it reads, so each instance gets a fresh object.
  // `own`: this site's further parts; `past`: the past bundle and its parts, or null; `reachable`:
  // the other towns that answered, each with its parts.
  function create(sort, own, past, reachable) {
    // Pagefind orders merged results by score, and a sorted result's score is its rank in its
    // own bundle, so by date the parts would interleave by rank, not date. Each part holds
    // older pages than the one before (src/lib/search/shards.ts) and the past follows what is
    // current, so each weighed down by DATE_STEP from the one before keeps them in order,
    // newest first (all but each part's oldest dated page, whose rank and so score is 0
    // whatever the weight).
    var step = 0;
    var weigh = function (bundlePath) {
      step += 1;
      return { bundlePath: bundlePath, indexWeight: sort ? Math.pow(DATE_STEP, step) : 1 };
    };
    var merged = own.map(weigh).concat((past || []).map(weigh));
    reachable.forEach(function (town) {
      [town.bundle].concat(town.parts).forEach(function (bundlePath) {
        merged.push({ bundlePath: bundlePath, baseUrl: town.site });
      });
    });
    return new PagefindUI({
      element: '#search',
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      sort: sort,
      mergeIndex: merged.length ? merged : undefined,
      processTerm: function (term) {
        typed = term;
        return terms ? terms.queryText(term, termData) : term;
      },
      processResult: function (result) {
        if (terms && result.excerpt) result.excerpt = terms.markTyped(terms.stripKeys(result.excerpt), typed);
        return labelTown(showDate(result), reachable);
      },
      translations: { placeholder: element.getAttribute('data-placeholder') || '' },
    });
  }
  // Pagefind would print the sort key as "Date: 2027-02-19"; show it as 日付: 2027年2月19日.
  var dateLabel = element.getAttribute('data-date-label') || '';
  function showDate(result) {
    var date = result.meta && result.meta.date;
    if (date && dateLabel) {
      var parts = date.split('-');
      delete result.meta.date;
      result.meta[dateLabel] = Number(parts[0]) + '年' + Number(parts[1]) + '月' + Number(parts[2]) + '日';
    }
    return result;
  }
  // A result from another town's bundle is labelled with the town's name, and is that site's
  // data: Pagefind's UI writes a result's excerpt as HTML, so everything but the <mark> of the
  // words found is made text again, and only its http(s) address and no picture is kept.
  function labelTown(result, reachable) {
    for (var i = 0; i < reachable.length; i++) {
      if (!result.url || result.url.indexOf(reachable[i].site) !== 0) continue;
      result.meta = result.meta || {};
      delete result.meta.image;
      delete result.meta.image_alt;
      if (!/^https?:\/\//.test(result.meta.url || 'https://')) delete result.meta.url;
      result.excerpt = String(result.excerpt || '').replace(/<(?!\/?mark>)/g, '&lt;');
      if (townLabel) result.meta[townLabel] = reachable[i].name;
    }
    return result;
  }
  // A bundle's pagefind-entry.json, or null if it is not there or does not answer within
  // `waitMs`: a town whose site is down or slow is left out rather than keeping the search from
  // starting.
  function entryOf(bundle, waitMs) {
    var controller = waitMs && window.AbortController ? new window.AbortController() : undefined;
    var timer = controller
      ? window.setTimeout(function () {
          controller.abort();
        }, waitMs)
      : 0;
    var done = function (entry) {
      window.clearTimeout(timer);
      return entry;
    };
    return fetch(bundle + 'pagefind-entry.json', { signal: controller && controller.signal })
      .then(function (response) {
        return response.ok
          ? response.json().then(done, function () {
              return done({});
            })
          : done(null);
      })
      .catch(function () {
        return done(null);
      });
  }
  // A large town's bundle comes in parts (src/lib/search/shards.ts), which its entry file lists
  // with the languages each holds: the ones with this page's language, on the bundle's own site.
  // Pagefind would search another language's index in a part without it.
  function partsOf(bundle, entry) {
    var listed = entry && entry.tsunagari && Array.isArray(entry.tsunagari.shards) ? entry.tsunagari.shards : [];
    var base = new URL(bundle, window.location.href);
    return listed
      .filter(function (part) {
        var languages = part && Array.isArray(part.languages) ? part.languages : [];
        return (
          !!part &&
          typeof part.bundle === 'string' &&
          (languages.indexOf(lang) >= 0 || languages.indexOf(lang.split('-')[0]) >= 0)
        );
      })
      .map(function (part) {
        return new URL(part.bundle, base);
      })
      .filter(function (url) {
        return url.origin === base.origin;
      })
      .map(function (url) {
        return url.origin === window.location.origin ? url.pathname : url.href;
      });
  }
  function reachableTowns() {
    return Promise.all(
      towns.map(function (town) {
        return entryOf(town.bundle, TOWN_WAIT_MS).then(function (entry) {
          return entry
            ? { name: town.name, site: town.site, bundle: town.bundle, parts: partsOf(town.bundle, entry) }
            : null;
        });
      }),
    ).then(function (found) {
      return found.filter(Boolean);
    });
  }
  // 関連度順 / 日付順 and 終わったものも探す come from the address (?sort=date&past=1&q=…&f=…):
  // Pagefind's UI takes them only when created, and a second UI on the same page sometimes never
  // finished loading (a resident was left at 「検索しています」), so a change loads the page afresh.
  var params = new URLSearchParams(window.location.search);
  var byDate = params.get('sort') === 'date';
  var past = params.get('past') === '1';
  var ui;
  var filters;
  try {
    filters = JSON.parse(params.get('f') || '{}') || {};
  } catch (e) {
    filters = {};
  }
  var pastNone = document.getElementById('search-past-none');
  // This site's parts, the past's when asked for (a new site has nothing past yet, and so no
  // past bundle: the page then says so), and the other towns that answer.
  Promise.all([entryOf(OWN_BUNDLE), past ? entryOf(PAST_BUNDLE) : null, reachableTowns()]).then(function (found) {
    if (past && !found[1] && pastNone) pastNone.hidden = false;
    var pastParts = found[1] ? [PAST_BUNDLE].concat(partsOf(PAST_BUNDLE, found[1])) : null;
    ui = create(byDate ? { date: 'desc' } : undefined, partsOf(OWN_BUNDLE, found[0]), pastParts, found[2]);
    if (Object.keys(filters).length) ui.triggerFilters(filters);
    var term = params.get('q');
    if (term) type(term);
  });

  var controls = document.getElementById('search-controls');
  if (!controls) return;
  controls.hidden = false;
  var chosen = controls.querySelector('input[name="sort"][value="' + (byDate ? 'date' : 'relevance') + '"]');
  if (chosen) chosen.checked = true;
  var pastInput = controls.querySelector('input[name="past"]');
  if (pastInput) pastInput.checked = past;
  // Back where the resident was: on the control they changed, with the keyboard.
  var changed = params.get('changed');
  if (changed === 'sort' && chosen) chosen.focus();
  if (changed === 'past' && pastInput) pastInput.focus();
  controls.addEventListener('change', function (event) {
    var box = element.querySelector('input[type="search"], input[type="text"]');
    var ticked = element.querySelectorAll('input[type="checkbox"]:checked');
    var chosenFilters = {};
    for (var i = 0; i < ticked.length; i++) {
      (chosenFilters[ticked[i].name] = chosenFilters[ticked[i].name] || []).push(ticked[i].value);
    }
    var sortInput = controls.querySelector('input[name="sort"]:checked');
    var next = new URLSearchParams();
    next.set('sort', sortInput ? sortInput.value : 'relevance');
    if (pastInput && pastInput.checked) next.set('past', '1');
    if (box && box.value) next.set('q', box.value);
    if (Object.keys(chosenFilters).length) next.set('f', JSON.stringify(chosenFilters));
    next.set('changed', event.target.name);
    window.location.replace(window.location.pathname + '?' + next.toString());
  });

  // The words go into the search box as if typed, the way Pagefind's UI searches reliably.
  function type(words) {
    var box = element.querySelector('input[type="search"], input[type="text"]');
    if (!box) return ui.triggerSearch(words);
    box.value = words;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
})();
