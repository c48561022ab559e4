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
  var ui = create(undefined);

  // 関連度順 / 日付順: Pagefind's UI takes its sort only when created, so a change re-creates it
  // with the same words and ticked filters (read back from its own checkboxes).
  var sort = document.getElementById('search-sort');
  if (!sort) return;
  sort.hidden = false;
  sort.addEventListener('change', function (event) {
    var input = element.querySelector('input[type="search"], input[type="text"]');
    var term = input ? input.value : '';
    var filters = {};
    var ticked = element.querySelectorAll('input[type="checkbox"]:checked');
    for (var i = 0; i < ticked.length; i++) {
      (filters[ticked[i].name] = filters[ticked[i].name] || []).push(ticked[i].value);
    }
    ui.destroy();
    element.textContent = '';
    ui = create(event.target.value === 'date' ? { date: 'desc' } : undefined);
    if (Object.keys(filters).length) ui.triggerFilters(filters);
    if (term) retype(term);
  });

  // The words go into the new search box as if typed: triggerSearch() on a UI that is still
  // loading was sometimes dropped, leaving a resident who switched back with no results.
  function retype(term) {
    var box = element.querySelector('input[type="search"], input[type="text"]');
    if (!box) return ui.triggerSearch(term);
    box.value = term;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
})();
