/* Gemeentenamen vouwen zoals meetlat ze herkent (TextFolding.gemeenteName), voor het zoekvak in
   de kop (zoeken.js) en het zoekveld van de ranglijst (ranglijst.js): compatibiliteitsdecompositie,
   kleine letters, accenten weg, apostrof en punt weg, al het andere dat geen letter of cijfer is
   wordt een spatie, en "gemeente " vooraan valt weg. Eén plek, zodat beide zoekvelden een naam
   hetzelfde vinden. Zonder dit script doen ze niets en werkt de pagina zoals zonder JavaScript. */
(function () {
  'use strict';
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

  window.meetlatNamen = { fold: fold };
})();
