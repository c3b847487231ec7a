/* Ranglijst: zoeken, filteren en sorteren zonder de pagina te verlaten.
   Zonder JavaScript werkt alles ook: de volledige tabel staat in de HTML en de kolomkoppen en
   filterlinks wijzen naar vooraf gemaakte pagina's. Dit script voegt alleen gemak toe.
   De sorteerwaarden (data-sort) en de volgorde bij gelijke waarden (data-index, de rang) zijn
   dezelfde als die van de vooraf gemaakte pagina's. De staat staat in de URL (#zoek=…), zodat
   een gefilterde lijst te delen is. */
(function () {
  'use strict';
  var table = document.getElementById('ranglijst');
  var form = document.getElementById('live-filter');
  if (!table || !form) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var search = document.getElementById('zoek');
  var size = document.getElementById('filter-grootte');
  var province = document.getElementById('filter-provincie');
  var count = document.getElementById('aantal');
  var sortedBy = table.querySelector('caption .sorted-by');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var current = null;

  /* Zelfde vouwing als meetlat bij het herkennen van gemeentenamen (TextFolding.gemeenteName):
     compatibiliteitsdecompositie, kleine letters, accenten weg, apostrof en punt weg, al het
     andere dat geen letter of cijfer is wordt een spatie, en "gemeente " vooraan valt weg. */
  function fold(text) {
    var folded = text.normalize('NFKD').toLowerCase()
      .replace(/\p{Mn}/gu, '')
      .replace(/['\u2018\u2019`\u00b4.]/g, '')
      .replace(/[^\p{Alphabetic}\p{N}]+/gu, ' ')
      .trim();
    if (folded.indexOf('gemeente ') === 0 && folded.length > 'gemeente '.length) {
      folded = folded.slice('gemeente '.length);
    }
    return folded;
  }

  function apply() {
    var query = fold(search.value);
    var shown = 0;
    rows.forEach(function (row) {
      var names = row.getAttribute('data-zoek').split('|');
      var visible = (query === '' || names.some(function (name) { return name.indexOf(query) !== -1; })) &&
        (size.value === '' || row.getAttribute('data-grootte') === size.value) &&
        (province.value === '' || row.getAttribute('data-provincie') === province.value);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = shown + ' van ' + rows.length + ' gemeenten getoond';
    remember();
  }

  function columnIndex(key) {
    for (var i = 0; i < headers.length; i += 1) {
      if (headers[i].getAttribute('data-key') === key) { return i; }
    }
    return -1;
  }

  function sortBy(key, ascending) {
    var column = columnIndex(key);
    if (column < 0) { return; }
    rows.sort(function (a, b) {
      var x = Number(a.cells[column].getAttribute('data-sort'));
      var y = Number(b.cells[column].getAttribute('data-sort'));
      if (x !== y) { return ascending ? x - y : y - x; }
      return Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
    headers.forEach(function (header) { header.removeAttribute('aria-sort'); });
    headers[column].setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    if (sortedBy) {
      var button = headers[column].querySelector('button');
      var label = button ? button.getAttribute('data-label') : headers[column].textContent;
      sortedBy.textContent = label.toLowerCase() + (ascending ? ' (oplopend)' : ' (aflopend)');
    }
    current = { key: key, ascending: ascending };
    remember();
  }

  /* Kolomkoppen worden knoppen; de link naar de vooraf gesorteerde pagina vervalt. */
  headers.forEach(function (header) {
    var key = header.getAttribute('data-key');
    if (!key) { return; }
    var link = header.querySelector('a');
    var content = link ? link.innerHTML : header.innerHTML;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.innerHTML = content;
    button.setAttribute('data-label', button.textContent.replace(/\s*\(.*\)\s*$/, '').trim());
    header.textContent = '';
    header.appendChild(button);
    button.addEventListener('click', function () {
      var sort = header.getAttribute('aria-sort');
      var ascending = sort ? sort !== 'ascending' : header.getAttribute('data-first') === 'op';
      sortBy(key, ascending);
    });
  });

  function remember() {
    var parts = [];
    if (search.value) { parts.push('zoek=' + encodeURIComponent(search.value)); }
    if (size.value && !size.options[size.selectedIndex].defaultSelected) { parts.push('grootte=' + encodeURIComponent(size.value)); }
    if (province.value && !province.options[province.selectedIndex].defaultSelected) { parts.push('provincie=' + encodeURIComponent(province.value)); }
    if (current) { parts.push('sorteer=' + encodeURIComponent(current.key + '-' + (current.ascending ? 'op' : 'af'))); }
    var hash = parts.length ? '#' + parts.join('&') : '';
    // A plain anchor (#inhoud from the skip link) is not ours to replace by an empty state.
    var ours = window.location.hash.indexOf('=') !== -1;
    if (window.location.hash !== hash && (hash || ours) && history.replaceState) {
      history.replaceState(null, '', hash || window.location.pathname + window.location.search);
    }
  }

  function restore() {
    var state = {};
    window.location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) { state[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)); }
    });
    if (state.zoek) { search.value = state.zoek; }
    if (state.grootte) { size.value = state.grootte; }
    if (state.provincie) { province.value = state.provincie; }
    if (state.sorteer) {
      var match = /^(.+)-(op|af)$/.exec(state.sorteer);
      if (match) { sortBy(match[1], match[2] === 'op'); }
    }
  }

  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  search.addEventListener('input', apply);
  size.addEventListener('change', apply);
  province.addEventListener('change', apply);
  restore();
  apply();
  window.addEventListener('hashchange', function () {
    if (window.location.hash.indexOf('=') !== -1) { restore(); apply(); }
  });
}());
