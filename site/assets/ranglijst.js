/* Ranglijst: zoeken, filteren en sorteren zonder de pagina te verlaten.
   Zonder JavaScript werkt alles ook: de volledige tabel staat in de HTML en de kolomkoppen en
   filterlinks wijzen naar vooraf gemaakte pagina's. Dit script voegt alleen gemak toe.
   De sorteerwaarden (data-sort) en de volgorde bij gelijke waarden (data-index, de rang) zijn
   dezelfde als die van de vooraf gemaakte pagina's. De staat staat in de URL (#zoek=…), zodat
   een gefilterde lijst te delen is; elke andere URL laat de pagina gewoon werken. */
(function () {
  'use strict';
  var table = document.getElementById('ranglijst');
  var form = document.getElementById('live-filter');
  if (!table || !form || !window.meetlatNamen) { return; }
  /* Namen gevouwen zoals meetlat ze herkent (namen.js). */
  var fold = window.meetlatNamen.fold;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var search = document.getElementById('zoek');
  /* Op de volledige ranglijst vervangen de keuzelijsten de filterlinks; op een pagina van één
     provincie of grootteklasse blijven de links en is er alleen het zoekveld. */
  var size = document.getElementById('filter-grootte');
  var province = document.getElementById('filter-provincie');
  var links = document.getElementById('filterlinks');
  var count = document.getElementById('aantal');
  var empty = document.getElementById('geen-resultaat');
  var caption = table.querySelector('caption');
  var captionFilter = caption && caption.querySelector('.caption-filter');
  var captionCount = caption && caption.querySelector('.caption-count');
  var sortedBy = table.querySelector('caption .sorted-by');
  var download = document.getElementById('download');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var year = table.getAttribute('data-year');
  var total = Number(table.getAttribute('data-count'));
  var absent = [];
  var absentData = document.getElementById('niet-meegedaan');
  if (absentData) {
    try { absent = JSON.parse(absentData.textContent) || []; } catch (error) { absent = []; }
  }
  var initialCaptionFilter = captionFilter ? captionFilter.textContent : '';
  var initialDownload = download ? download.innerHTML : '';
  var current = null;
  var KEYS = ['zoek', 'grootte', 'provincie', 'sorteer'];

  function matches(keys, query) {
    return keys.split('|').some(function (name) { return name.indexOf(query) !== -1; });
  }

  function selected(select) {
    return select && select.value ? select.options[select.selectedIndex] : null;
  }

  function text(tag, content, attributes) {
    var element = document.createElement(tag);
    element.textContent = content;
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    return element;
  }

  /* Geen rij zichtbaar: zeg waarom. Een gemeente die dit jaar niet meedeed (of niet meer
     bestond) wordt genoemd, met de edities waarin ze wel meedeed. */
  function explainEmpty(query) {
    empty.textContent = '';
    var found = query ? absent.filter(function (item) { return matches(item.zoek, query); }).slice(0, 5) : [];
    if (found.length) {
      found.forEach(function (item) {
        var line = document.createElement('p');
        line.appendChild(document.createTextNode(item.naam + (item.bestond === false
          ? ' bestond in ' + year + ' niet meer' + (item.opgegaanIn ? ' (opgegaan in ' + item.opgegaanIn + ')' : '') + '.'
          : ' deed in ' + year + ' niet mee aan de enquête.')));
        if (item.edities.length) {
          line.appendChild(document.createTextNode(' Wel in: '));
          item.edities.forEach(function (edition, index) {
            if (index > 0) { line.appendChild(document.createTextNode(', ')); }
            line.appendChild(text('a', String(edition.jaar), { href: edition.href }));
          });
          line.appendChild(document.createTextNode('.'));
        } else {
          line.appendChild(document.createTextNode(' Ze deed aan geen enkele editie mee.'));
        }
        empty.appendChild(line);
      });
    } else {
      empty.appendChild(text('p', 'Geen gemeente gevonden' + (query ? ' met "' + search.value + '"' : '') +
        ' bij deze filters.'));
    }
    var reset = text('button', 'Toon alle gemeenten', { type: 'button' });
    reset.addEventListener('click', function () { setState(Object.create(null)); apply(); search.focus(); });
    empty.appendChild(reset);
  }

  function describeFilters() {
    var parts = [];
    [size, province].forEach(function (select) {
      var option = selected(select);
      if (option) { parts.push(option.getAttribute('data-label')); }
    });
    if (search.value) { parts.push('zoekterm "' + search.value + '"'); }
    return parts;
  }

  function updateDownload(shown) {
    if (!download) { return; }
    var sizeOption = selected(size), provinceOption = selected(province);
    var note = download.querySelector('.download-note');
    if (!size || (!search.value && !sizeOption && !provinceOption)) {
      download.innerHTML = initialDownload;
      return;
    }
    var what = download.querySelector('.download-what');
    var base = download.getAttribute('data-base');
    var file = null;
    if (!search.value && sizeOption && !provinceOption) { file = base + '-grootte-' + sizeOption.getAttribute('data-slug'); }
    if (!search.value && provinceOption && !sizeOption) { file = base + '-provincie-' + provinceOption.value; }
    if (file) {
      what.textContent = 'deze selectie (' + shown + (shown === 1 ? ' gemeente' : ' gemeenten') + ')';
      download.querySelector('.download-csv').setAttribute('href', file + '.csv');
      download.querySelector('.download-xlsx').setAttribute('href', file + '.xlsx');
      download.querySelector('.download-json').setAttribute('href', file + '.json');
      note.hidden = true;
    } else {
      what.textContent = 'de hele ranglijst van ' + year + ' (' + total + ' gemeenten)';
      download.querySelector('.download-csv').setAttribute('href', base + '.csv');
      download.querySelector('.download-xlsx').setAttribute('href', base + '.xlsx');
      download.querySelector('.download-json').setAttribute('href', base + '.json');
      note.textContent = 'Uw selectie van ' + shown + ' staat niet apart in een bestand; filter in het bestand zelf.';
      note.hidden = false;
    }
  }

  function apply() {
    var query = fold(search.value);
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (query === '' || matches(row.getAttribute('data-zoek'), query)) &&
        (!size || size.value === '' || row.getAttribute('data-grootte') === size.value) &&
        (!province || province.value === '' || row.getAttribute('data-provincie') === province.value);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = shown + ' van ' + rows.length + ' gemeenten getoond';
    var filters = describeFilters();
    if (captionFilter) {
      captionFilter.textContent = initialCaptionFilter + (filters.length ? ', ' + filters.join(', ') : '');
    }
    if (captionCount) {
      captionCount.textContent = (filters.length ? shown + ' van ' + rows.length : String(shown)) +
        (shown === 1 && !filters.length ? ' gemeente' : ' gemeenten');
    }
    if (shown === 0) { explainEmpty(query); }
    empty.hidden = shown !== 0;
    updateDownload(shown);
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
    if (column < 0) { return false; }
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
    return true;
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
      remember();
    });
  });
  var initialSort = null;
  headers.forEach(function (header) {
    if (header.getAttribute('aria-sort') && header.getAttribute('data-key')) {
      initialSort = { key: header.getAttribute('data-key'), ascending: header.getAttribute('aria-sort') === 'ascending' };
    }
  });

  function remember() {
    var parts = [];
    if (search.value) { parts.push('zoek=' + encodeURIComponent(search.value)); }
    if (size && size.value) { parts.push('grootte=' + encodeURIComponent(size.value)); }
    if (province && province.value) { parts.push('provincie=' + encodeURIComponent(province.value)); }
    if (current && !(initialSort && current.key === initialSort.key && current.ascending === initialSort.ascending)) {
      parts.push('sorteer=' + encodeURIComponent(current.key + '-' + (current.ascending ? 'op' : 'af')));
    }
    var hash = parts.length ? '#' + parts.join('&') : '';
    // A plain anchor (#inhoud from a skip link) is not ours to replace by an empty state.
    if (window.location.hash !== hash && (hash || isState(window.location.hash)) && history.replaceState) {
      history.replaceState(null, '', hash || window.location.pathname + window.location.search);
    }
  }

  /* De staat uit de hash: alleen de eigen sleutels, elke waarde als tekst. Een kapotte
     codering (%E0%A4%A) of een naam als constructor of __proto__ breekt niets. */
  function parse(hash) {
    var state = Object.create(null);
    hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at <= 0) { return; }
      var key = pair.slice(0, at), value = pair.slice(at + 1).replace(/\+/g, ' ');
      try { value = decodeURIComponent(value); } catch (error) { return; }
      if (KEYS.indexOf(key) !== -1) { state[key] = value; }
    });
    return state;
  }

  function isState(hash) { return hash.indexOf('=') !== -1; }

  function choose(select, value) {
    if (!select) { return; }
    var found = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
    select.value = found ? value : '';
  }

  /* Zet alles wat de hash niet noemt terug op de beginstand. */
  function setState(state) {
    search.value = typeof state.zoek === 'string' ? state.zoek : '';
    choose(size, state.grootte || '');
    choose(province, state.provincie || '');
    var match = typeof state.sorteer === 'string' ? /^(.+)-(op|af)$/.exec(state.sorteer) : null;
    if (!(match && sortBy(match[1], match[2] === 'op'))) {
      if (initialSort) { sortBy(initialSort.key, initialSort.ascending); } else { sortBy('rang', true); }
    }
  }

  form.hidden = false;
  if (links && size) { links.hidden = true; }
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  search.addEventListener('input', apply);
  if (size) { size.addEventListener('change', apply); }
  if (province) { province.addEventListener('change', apply); }
  setState(parse(window.location.hash));
  apply();
  window.addEventListener('hashchange', function () {
    var hash = window.location.hash;
    // A plain anchor of the page (a skip link) leaves the filters alone.
    if (!isState(hash) && hash.length > 1 && document.getElementById(hash.slice(1))) { return; }
    setState(parse(hash));
    apply();
  });
}());
