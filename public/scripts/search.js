// The search page: Pagefind's UI over the index built with the site. Kept in a file of its
// own (not inline) so the Content-Security-Policy can forbid inline scripts.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  // The past (ended events, closed recruitments, old reports) is a bundle of its own, merged in
  // only when the resident asks (src/integrations/search-index.ts, BUNDLE_FOLDERS).
  var PAST_BUNDLE = '/pagefind-past/';
  var PAST_WHEN_SORTED = 1e-6;
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
  function create(sort, withPast, reachable) {
    var merged = reachable.map(function (town) {
      return { bundlePath: town.bundle, baseUrl: town.site };
    });
    // Pagefind orders merged results by score, and a sorted result's score is its rank in its
    // own bundle, so by date the two bundles would interleave by rank, not date. Weighed
    // down, the past follows what is current, each newest first (all but the current
    // bundle's oldest dated page, whose rank and so score is 0 whatever the weight).
    if (withPast) merged.unshift({ bundlePath: PAST_BUNDLE, indexWeight: sort ? PAST_WHEN_SORTED : 1 });
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
  // A town whose site is down or slow is left out rather than keeping the search from starting:
  // its bundle's entry file must answer within TOWN_WAIT_MS.
  function reachableTowns() {
    return Promise.all(
      towns.map(function (town) {
        var controller = window.AbortController ? new window.AbortController() : undefined;
        var timer = window.setTimeout(function () {
          if (controller) controller.abort();
        }, TOWN_WAIT_MS);
        return fetch(town.bundle + 'pagefind-entry.json', { signal: controller && controller.signal }).then(
          function (response) {
            window.clearTimeout(timer);
            return response.ok ? town : null;
          },
          function () {
            window.clearTimeout(timer);
            return null;
          },
        );
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
  function start(withPast) {
    if (!towns.length) return begin(withPast, []);
    reachableTowns().then(function (reachable) {
      begin(withPast, reachable);
    });
  }
  function begin(withPast, reachable) {
    ui = create(byDate ? { date: 'desc' } : undefined, withPast, reachable);
    if (Object.keys(filters).length) ui.triggerFilters(filters);
    var term = params.get('q');
    if (term) type(term);
  }
  var pastNone = document.getElementById('search-past-none');
  if (past) {
    // A new site has nothing past yet, and so no past bundle: say so rather than fail.
    fetch(PAST_BUNDLE + 'pagefind-entry.json', { method: 'HEAD' }).then(
      function (response) {
        if (!response.ok && pastNone) pastNone.hidden = false;
        start(response.ok);
      },
      function () {
        start(false);
      },
    );
  } else start(false);

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
