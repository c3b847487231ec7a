/* Gemeenten vergelijken (vergelijk.html): twee tot vijf gemeenten naast elkaar. De keuze staat in
   het adres (#gemeenten=GM0405,GM0518), zodat een link dezelfde tabel laat zien; alleen het adres
   bepaalt wat er staat. De cijfers staan als JSON in de pagina. */
(function () {
  'use strict';
  var dataElement = document.getElementById('vergelijk-data');
  if (!dataElement) { return; }
  var data;
  try { data = JSON.parse(dataElement.textContent); } catch (error) { return; }
  var byCode = Object.create(null);
  data.gemeenten.forEach(function (gemeente) { byCode[gemeente.code] = gemeente; });
  var MAX = 5;
  var form = document.getElementById('vergelijk-kies');
  var select = document.getElementById('vergelijk-gemeente');
  var button = document.getElementById('vergelijk-voeg-toe');
  var status = document.getElementById('vergelijk-status');
  var list = document.getElementById('vergelijk-gekozen');
  var wrap = document.getElementById('vergelijk-wrap');
  var table = document.getElementById('vergelijk-tabel');
  form.hidden = false;

  function chosen() {
    var match = /(?:^#|&)gemeenten=([^&]*)/.exec(window.location.hash);
    var codes = [];
    if (!match) { return codes; }
    var text;
    try { text = decodeURIComponent(match[1]); } catch (error) { return codes; }
    text.split(',').forEach(function (code) {
      if (byCode[code] && codes.indexOf(code) === -1 && codes.length < MAX) { codes.push(code); }
    });
    return codes;
  }

  function choose(codes) {
    window.location.hash = 'gemeenten=' + codes.join(',');
  }

  function cell(tag, text, scope) {
    var element = document.createElement(tag);
    if (scope) { element.setAttribute('scope', scope); }
    element.textContent = text;
    return element;
  }

  function row(label, values) {
    var tr = document.createElement('tr');
    tr.appendChild(cell('th', label, 'row'));
    values.forEach(function (value) { tr.appendChild(cell('td', value)); });
    return tr;
  }

  function render() {
    var codes = chosen();
    var gemeenten = codes.map(function (code) { return byCode[code]; });
    list.textContent = '';
    gemeenten.forEach(function (gemeente) {
      var item = document.createElement('li');
      item.appendChild(document.createTextNode(gemeente.naam + ' '));
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Haal weg';
      remove.setAttribute('aria-label', gemeente.naam + ' weghalen');
      remove.addEventListener('click', function () {
        choose(codes.filter(function (code) { return code !== gemeente.code; }));
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
    button.disabled = codes.length >= MAX;
    status.textContent = codes.length >= MAX ? 'Er staan er vijf naast elkaar: haal er eerst een weg.'
      : codes.length < 2 ? 'Kies er nog ' + (2 - codes.length) + (codes.length === 1 ? '.' : ' of meer.') : '';
    var head = table.tHead, body = table.tBodies[0];
    head.textContent = '';
    body.textContent = '';
    wrap.hidden = gemeenten.length === 0;
    if (!gemeenten.length) { return; }
    var headRow = document.createElement('tr');
    headRow.appendChild(cell('td', ''));
    gemeenten.forEach(function (gemeente) {
      var th = document.createElement('th');
      th.setAttribute('scope', 'col');
      var link = document.createElement('a');
      link.href = gemeente.pagina;
      link.textContent = gemeente.naam;
      th.appendChild(link);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    body.appendChild(row('Rang', gemeenten.map(function (g) { return g.rang + ' van ' + data.aantal; })));
    body.appendChild(row('Score', gemeenten.map(function (g) { return g.score + ' van ' + data.maximum; })));
    data.onderdelen.forEach(function (part) {
      body.appendChild(row(part.label + ' (max. ' + part.maximum + ')', gemeenten.map(function (g) { return String(g.onderdelen[part.id]); })));
    });
    data.volgers.forEach(function (field) {
      body.appendChild(row(field.label, gemeenten.map(function (g) { return g.volgers[field.veld] || '–'; })));
    });
    body.appendChild(row('Provincie', gemeenten.map(function (g) { return g.provincie; })));
    body.appendChild(row('Grootteklasse', gemeenten.map(function (g) { return g.grootte; })));
    var years = [];
    gemeenten.forEach(function (g) { g.geschiedenis.forEach(function (point) { if (years.indexOf(point.jaar) === -1) { years.push(point.jaar); } }); });
    years.sort();
    years.forEach(function (year) {
      if (year === data.jaar) { return; }
      body.appendChild(row('Rang in ' + year, gemeenten.map(function (g) {
        var point = g.geschiedenis.filter(function (p) { return p.jaar === year; })[0];
        return point ? point.rang + ' van ' + point.van : 'deed niet mee';
      })));
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var codes = chosen();
    if (codes.indexOf(select.value) === -1 && codes.length < MAX) { codes.push(select.value); }
    choose(codes);
  });
  window.addEventListener('hashchange', render);
  render();
})();
