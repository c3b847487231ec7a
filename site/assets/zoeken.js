/* Het zoekvak in de kop van elke pagina: vindt een gemeente op elke naam die de referentie kent
   (ook zonder accenten, en aliassen als "den bosch") en gaat naar haar nieuwste pagina. De namen
   staan in zoekindex.js, de vouwing in namen.js. Zonder JavaScript leidt het formulier naar de
   lijst van alle gemeenten. */
(function () {
  'use strict';
  var form = document.querySelector('form.site-search');
  if (!form || !window.meetlatNamen) { return; }
  var fold = window.meetlatNamen.fold;
  var input = form.querySelector('input');
  var message = form.querySelector('.site-search-message');
  var root = form.getAttribute('data-root') || '';

  function find(query) {
    var index = window.meetlatGemeenten || {};
    if (Object.prototype.hasOwnProperty.call(index, query)) { return index[query]; }
    var found = null;
    var keys = Object.keys(index);
    for (var i = 0; i < keys.length; i++) {
      if (keys[i].indexOf(query) === 0 && index[keys[i]]) {
        if (found !== null && found !== index[keys[i]]) { return ''; }
        found = index[keys[i]];
      }
    }
    return found;
  }

  form.addEventListener('submit', function (event) {
    var query = fold(input.value);
    if (!query) { return; }
    var path = find(query);
    if (path) {
      event.preventDefault();
      window.location.href = root + path;
    } else if (path === null) {
      event.preventDefault();
      message.textContent = 'Geen gemeente gevonden met deze naam. Kies haar in de lijst van alle gemeenten.';
      var link = document.createElement('a');
      link.href = root + 'gemeenten.html';
      link.textContent = 'Alle gemeenten';
      message.appendChild(document.createTextNode(' '));
      message.appendChild(link);
    }
  });
})();
