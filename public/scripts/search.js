// The search page: Pagefind's UI over the index built with the site. Kept in a file of its
// own (not inline) so the Content-Security-Policy can forbid inline scripts.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  // Pagefind's UI deletes the options it reads, so each instance gets a fresh object.
  function create(sort) {
    return new PagefindUI({
      element: '#search',
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      sort: sort,
      processResult: showDate,
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
  // 関連度順 / 日付順 comes from the address (?sort=date&q=…&f=…): Pagefind's UI takes its sort
  // only when created, and a second UI on the same page sometimes never finished loading (a
  // resident was left at 「検索しています」), so a change of order loads the page afresh.
  var params = new URLSearchParams(window.location.search);
  var byDate = params.get('sort') === 'date';
  var ui = create(byDate ? { date: 'desc' } : undefined);
  var filters;
  try {
    filters = JSON.parse(params.get('f') || '{}') || {};
  } catch (e) {
    filters = {};
  }
  if (Object.keys(filters).length) ui.triggerFilters(filters);
  var term = params.get('q');
  if (term) type(term);

  var sort = document.getElementById('search-sort');
  if (!sort) return;
  sort.hidden = false;
  var chosen = sort.querySelector('input[value="' + (byDate ? 'date' : 'relevance') + '"]');
  if (chosen) {
    chosen.checked = true;
    // Back where the resident was: on the order they chose, with the keyboard.
    if (params.has('sort')) chosen.focus();
  }
  sort.addEventListener('change', function (event) {
    var box = element.querySelector('input[type="search"], input[type="text"]');
    var ticked = element.querySelectorAll('input[type="checkbox"]:checked');
    var chosenFilters = {};
    for (var i = 0; i < ticked.length; i++) {
      (chosenFilters[ticked[i].name] = chosenFilters[ticked[i].name] || []).push(ticked[i].value);
    }
    var next = new URLSearchParams();
    next.set('sort', event.target.value);
    if (box && box.value) next.set('q', box.value);
    if (Object.keys(chosenFilters).length) next.set('f', JSON.stringify(chosenFilters));
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
