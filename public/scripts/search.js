// The search page: Pagefind's UI over the index built with the site. Kept in a file of its
// own (not inline) so the Content-Security-Policy can forbid inline scripts.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  new PagefindUI({
    element: '#search',
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: element.getAttribute('data-placeholder') || '' },
  });
})();
