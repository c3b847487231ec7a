/* ROI-rekenhulp: dezelfde formules als `meetlat roi` (Sources/ROI/ROI.docc/ROI.md), op het model dat
   `meetlat roi <scenario> --export-model` exporteert (meetlat-roi-model/2). De sommen lopen in
   dezelfde volgorde als in Swift, dus ROI, netto contante waarde, terugverdientijd en tornado zijn
   bit voor bit gelijk. Getallen worden gelezen met de Nederlandse regels van
   Support.DutchNumberText (dezelfde testgevallen: Tests/Vectors/dutch-numbers.json), en de regels
   van de velden (`checks`) weigeren wat `meetlat roi` weigert.
   De invoer staat in de URL (#scenario=…&rente=…&<invoer>=…): zo is een berekening te delen. */
(function () {
  'use strict';

  /* --- Getallen lezen: Support.DutchNumberText, regel voor regel ------------------------------ */

  function isDigit(c) { return c >= '0' && c <= '9'; }

  /* `1`, `12.345`, `1.234.567`: a first group of 1–3 digits not starting with 0 (unless it is the
     only digit of a lone group), every further group exactly 3 digits. */
  function isGrouping(text, separator) {
    var groups = 0, length = 0, firstStartsWithZero = false;
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charAt(i);
      if (c === separator) {
        if (groups === 0 ? (length < 1 || length > 3) : length !== 3) { return false; }
        groups += 1;
        length = 0;
      } else {
        if (!isDigit(c)) { return false; }
        if (groups === 0 && length === 0 && c === '0') { firstStartsWithZero = true; }
        length += 1;
      }
    }
    if (groups === 0) { return length >= 1 && length <= 3; }
    return length === 3 && !firstStartsWithZero;
  }

  /* The digits with their separators, without sign or marks; null when not a number. */
  function plain(text) {
    if (text === '') { return null; }
    var dots = 0, commas = 0, spaces = 0, last = '';
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charAt(i);
      if (c === '.') { dots += 1; last = c; }
      else if (c === ',') { commas += 1; last = c; }
      else if (c === ' ') { spaces += 1; }
      else if (!isDigit(c)) { return null; }
    }
    var decimal = null, thousands = null;
    if (dots > 0 && commas > 0) {
      decimal = last;
      thousands = last === '.' ? ',' : '.';
      if ((last === '.' ? dots : commas) !== 1) { return null; }
    } else if (commas === 1) {
      decimal = ',';
    } else if (commas > 1) {
      thousands = ',';
    } else if (dots === 1) {
      thousands = isGrouping(text, '.') ? '.' : null;
      decimal = thousands === null ? '.' : null;
    } else if (dots > 1) {
      thousands = '.';
    }
    if (spaces > 0) {
      if (thousands !== null) { return null; }
      thousands = ' ';
    }
    var integerPart = text, fractionPart = '';
    if (decimal !== null) {
      var at = text.indexOf(decimal);
      integerPart = text.slice(0, at);
      fractionPart = text.slice(at + 1);
      if (fractionPart === '' || !/^[0-9]+$/.test(fractionPart)) { return null; }
    }
    if (thousands !== null) {
      if (!isGrouping(integerPart, thousands)) { return null; }
    } else if (!/^[0-9]*$/.test(integerPart) || (integerPart.length >= 2 && integerPart.charAt(0) === '0')) {
      return null;
    }
    if (integerPart === '' && fractionPart === '') { return null; }
    var digits = integerPart.split(thousands === null ? '\u0000' : thousands).join('');
    /* Number() rounds a decimal literal correctly, as Swift's division of exact parts does. */
    var value = Number((digits === '' ? '0' : digits) + (fractionPart === '' ? '' : '.' + fractionPart));
    return isFinite(value) ? value : null;
  }

  /* One typed number: {value, percent, euro}, or null. */
  function readNumber(text) {
    var s = String(text).replace(/[\t\u00a0\u202f\u2009]/g, ' ').replace(/^ +| +$/g, '');
    var negative = false, signed = false, euro = false, percent = false;
    function takeSign() {
      var c = s.charAt(0);
      if (signed || !(c === '-' || c === '\u2212' || c === '+')) { return; }
      negative = c !== '+';
      signed = true;
      s = s.slice(1);
    }
    takeSign();
    if (s.charAt(0) === '\u20ac') {
      euro = true;
      s = s.slice(1).replace(/^ +/, '');
      takeSign();
    }
    if (s.charAt(s.length - 1) === '%') {
      percent = true;
      s = s.slice(0, -1).replace(/ +$/, '');
    } else if (s.length >= 2 && (s.slice(-2) === ',-' || s.slice(-2) === ',\u2013')) {
      euro = true;
      s = s.slice(0, -2);
    }
    if ((euro && percent) || s === '' || s.charAt(0) === ' ' || /[^\x00-\x7f]/.test(s)) { return null; }
    var magnitude = plain(s);
    if (magnitude === null) { return null; }
    return { value: negative ? -magnitude : magnitude, percent: percent, euro: euro };
  }

  /* --- Getallen schrijven: Support.Rounding (half up op de decimale waarde) en DutchFormat ----- */

  /* The digits of the shortest decimal text of |value| (what String(value) gives), and the place
     of the decimal point: 8.55 → "855", 1. */
  function decimalDigits(magnitude) {
    var text = String(magnitude), exponent = 0;
    var e = text.indexOf('e');
    if (e !== -1) { exponent = Number(text.slice(e + 1)); text = text.slice(0, e); }
    var dot = text.indexOf('.');
    var point = dot === -1 ? text.length : dot;
    var digits = text.replace('.', '');
    while (digits.charAt(0) === '0' && digits.length > 0) { digits = digits.slice(1); point -= 1; }
    while (digits.length > Math.max(point, 0) && digits.charAt(digits.length - 1) === '0') { digits = digits.slice(0, -1); }
    return { digits: digits, point: digits === '' ? 0 : point + exponent };
  }

  /* `value` rounded half up to `decimals` places, as text with a decimal point (Rounding.fixed). */
  function fixed(value, decimals) {
    var d = decimalDigits(Math.abs(value));
    var keep = d.point + decimals, digits = d.digits, point = d.point;
    if (keep < digits.length) {
      if (keep < 0) {
        digits = '';
      } else {
        var up = digits.charAt(keep) >= '5';
        var kept = digits.slice(0, keep).split('');
        if (up) {
          var i = keep - 1;
          while (i >= 0 && kept[i] === '9') { kept[i] = '0'; i -= 1; }
          if (i >= 0) { kept[i] = String(Number(kept[i]) + 1); } else { kept.unshift('1'); point += 1; }
        }
        digits = /[1-9]/.test(kept.join('')) ? kept.join('') : '';
      }
    }
    function digit(index) { return index >= 0 && index < digits.length ? digits.charAt(index) : '0'; }
    var whole = '';
    if (point <= 0 || digits === '') { whole = '0'; } else { for (var w = 0; w < point; w += 1) { whole += digit(w); } }
    var fraction = '';
    var start = digits === '' ? 0 : point;
    for (var f = start; f < start + decimals; f += 1) { fraction += digits === '' ? '0' : digit(f); }
    return (value < 0 && digits !== '' ? '-' : '') + whole + (decimals > 0 ? '.' + fraction : '');
  }

  function group(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }

  /* DutchFormat.decimal: (1234.55, 1) → `1.234,6`. */
  function dutch(value, decimals) {
    var text = fixed(value, decimals);
    var negative = text.charAt(0) === '-';
    var parts = text.replace('-', '').split('.');
    return (negative ? '-' : '') + group(parts[0]) + (parts.length > 1 ? ',' + parts[1] : '');
  }

  /* DutchFormat.number: whole numbers grouped, others with at most 4 decimals, no trailing zeros. */
  function dutchNumber(value) {
    var text = dutch(value, 4);
    if (text.indexOf(',') === -1) { return text; }
    text = text.replace(/0+$/, '').replace(/,$/, '');
    return text === '-0' ? '0' : text;
  }

  function euro(value) { return '\u20ac ' + dutch(value, 0); }
  function percent(fraction) { return dutch(fraction * 100, 1) + ' %'; }

  /* --- Rekenen: Sources/ROI/ROI.docc/ROI.md, "Export for other evaluators" ------------------------ */

  function run(program, values) {
    var stack = [];
    for (var i = 0; i < program.length; i += 1) {
      var step = program[i], op = step[0];
      if (op === 'push') { stack.push(step[1]); }
      else if (op === 'input') { stack.push(values[step[1]]); }
      else if (op === 'neg') { stack.push(-stack.pop()); }
      else {
        var b = stack.pop(), a = stack.pop();
        stack.push(op === 'add' ? a + b : op === 'sub' ? a - b : op === 'mul' ? a * b : a / b);
      }
    }
    return stack[0];
  }

  var FLOWS = { investment: 0, 'return': 1, depreciation: 2 };

  function evaluate(model, values, factors) {
    var width = model.horizon + 1;
    var rows = [0, 1, 2, 3, 4, 5].map(function () { return new Array(width).fill(0); });
    model.items.forEach(function (item) {
      var amount = run(item.program, values);
      var row = (item.side === 'scenario' ? 0 : 3) + FLOWS[item.flow];
      for (var t = item.firstYear; t <= item.lastYear; t += 1) { rows[row][t] += amount; }
    });
    var investment = 0, returns = 0, npv = 0, cumulative = 0, lastNegative = -1, paidBack = 0;
    var years = [];
    for (var t = 0; t < width; t += 1) {
      var dI = rows[0][t] - rows[3][t], dR = rows[1][t] - rows[4][t];
      investment += dI;
      returns += dR;
      var net = dR - dI;
      npv += net * factors[t];
      var before = cumulative;
      cumulative += net;
      if (cumulative < 0) { lastNegative = t; }
      else if (t === lastNegative + 1 && lastNegative >= 0) { paidBack = lastNegative + (-before) / net; }
      years.push({ year: t, investment: dI, returns: dR, net: net, cumulative: cumulative,
                   presentValue: net * factors[t], depreciation: rows[2][t] - rows[5][t] });
    }
    var roi = investment > 0 ? (returns - investment) / investment : null;
    var payback = lastNegative < 0 ? 0 : lastNegative === width - 1 ? null : paidBack;
    return { investment: investment, returns: returns, roi: roi, npv: npv, payback: payback, years: years };
  }

  /* Metrics.isFinite: every figure can be shown. */
  function finite(result) {
    return isFinite(result.investment) && isFinite(result.returns) && isFinite(result.returns - result.investment) &&
      isFinite(result.npv) && (result.roi === null || isFinite(result.roi)) && (result.payback === null || isFinite(result.payback));
  }

  /* The first field rule the values break (CompiledScenario.domainProblem), or null. */
  function domainProblem(model, values) {
    for (var i = 0; i < model.checks.length; i += 1) {
      var check = model.checks[i], value = run(check.program, values);
      var holds = isFinite(value) && (check.rule === 'finite' ||
        (check.rule === 'fraction' ? value >= 0 && value <= 1 : value >= 0));
      if (!holds) { return { check: check, value: value }; }
    }
    return null;
  }

  /* Each input with a range at its low and high, the others at `values`; sorted as
     WhatIf.tornado: by swing, largest first; equal swings by name; undefined swings last. */
  function tornado(model, values, factors) {
    var bars = [];
    model.inputs.forEach(function (input, index) {
      if (input.low === null || input.high === null) { return; }
      function at(x) {
        var changed = values.slice();
        changed[index] = x;
        var result = evaluate(model, changed, factors);
        return { result: result, problem: domainProblem(model, changed) || (finite(result) ? null : {}) };
      }
      var low = at(input.low), high = at(input.high);
      var swing = low.result.roi === null || high.result.roi === null ? null : Math.abs(high.result.roi - low.result.roi);
      bars.push({ input: input, atLow: low.result, atHigh: high.result, swing: swing, refused: !!(low.problem || high.problem) });
    });
    bars.sort(function (a, b) {
      if (a.swing !== null && b.swing !== null && a.swing !== b.swing) { return b.swing - a.swing; }
      if (a.swing !== null && b.swing === null) { return -1; }
      if (a.swing === null && b.swing !== null) { return 1; }
      return a.input.name < b.input.name ? -1 : a.input.name > b.input.name ? 1 : 0;
    });
    return bars;
  }

  /* Another discount rate: g by repeated multiplication, as the Swift code does. */
  function discountFactors(model, r) {
    if (r === model.discountRate) { return model.discountFactors; }
    var factors = [1], g = 1;
    for (var t = 1; t <= model.horizon; t += 1) { g = g * (1 + r); factors[t] = 1 / g; }
    return factors;
  }

  /* For the tests of the shared rules (Tests/Browser/test_roi.py) and anyone scripting the page. */
  window.meetlatRekenhulp = { readNumber: readNumber, fixed: fixed, evaluate: evaluate };

  /* --- De pagina --------------------------------------------------------------------------- */

  var form = document.getElementById('rekenhulp');
  if (!form) { return; }
  var models = Object.create(null);
  var order = [];
  Array.prototype.forEach.call(document.querySelectorAll('script.roi-model'), function (element) {
    var id = element.id.replace(/^model-/, '');
    models[id] = JSON.parse(element.textContent);
    order.push(id);
  });
  function hasModel(id) { return typeof id === 'string' && Object.prototype.hasOwnProperty.call(models, id); }

  var select = document.getElementById('scenario');
  var fieldset = document.getElementById('invoer');
  var rate = document.getElementById('rente');
  var status = document.getElementById('uitkomst-fout');
  var share = document.getElementById('deel-link');
  var conclusion = document.getElementById('uitkomst-conclusie');
  var result = document.getElementById('uitkomst');
  var out = {
    roi: document.getElementById('uitkomst-roi'),
    npv: document.getElementById('uitkomst-npv'),
    payback: document.getElementById('uitkomst-terugverdientijd'),
    investment: document.getElementById('uitkomst-investering'),
    returns: document.getElementById('uitkomst-opbrengsten')
  };
  var overview = document.querySelector('#invoer-overzicht tbody');
  var cashHead = document.querySelector('#kasstromen-tabel thead');
  var cashBody = document.querySelector('#kasstromen-tabel tbody');
  var chart = document.getElementById('kasstromen-grafiek');
  var tornadoBody = document.querySelector('#tornado-tabel tbody');
  var sections = [document.getElementById('kasstromen'), document.getElementById('tornado')];
  var fields = [];
  /* The input changed last (its index), RATE for the discount rate, or null. */
  var lastEdited = null;
  var RATE = -1;

  /* What a field of an item is, in words (the scenario format's field names are English). */
  var FIELD_WORDS = {
    amount: 'het bedrag', hours: 'het aantal uren', hourly_rate: 'het uurtarief', contacts: 'het aantal contacten',
    cost_per_contact: 'de kosten per contact', cost_difference: 'het kostenverschil', answers: 'het aantal antwoorden',
    cost_per_answer: 'de kosten per antwoord', realisation: 'de realisatiefactor', residual_value: 'de restwaarde'
  };

  /* The scenario's label for an input; without one, its identifier in words. */
  function label(input) { return input.label || input.name.replace(/_/g, ' '); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function hint(input) {
    var parts = [];
    if (input.unit) { parts.push(input.unit); }
    if (input.low !== null && input.high !== null) { parts.push('bereik ' + dutchNumber(input.low) + ' \u2013 ' + dutchNumber(input.high)); }
    return parts.join('; ');
  }

  function build(model, state) {
    fieldset.querySelectorAll('.field').forEach(function (field) { field.remove(); });
    fields = model.inputs.map(function (input, index) {
      var field = element('div', 'field');
      var id = 'invoer-' + index;
      var labelElement = element('label', '', label(input));
      labelElement.setAttribute('for', id);
      var control = document.createElement('input');
      control.type = 'text';
      control.id = id;
      control.name = input.name;
      control.setAttribute('inputmode', 'decimal');
      control.autocomplete = 'off';
      control.value = state[input.name] !== undefined ? state[input.name] : dutchNumber(input.value);
      field.appendChild(labelElement);
      field.appendChild(control);
      var described = [];
      if (input.help) {
        var help = element('small', '', input.help);
        help.id = id + '-hulp';
        field.appendChild(help);
        described.push(help.id);
      }
      if (hint(input)) {
        var small = element('small', '', hint(input));
        small.id = id + '-uitleg';
        field.appendChild(small);
        described.push(small.id);
      }
      var message = element('p', 'roi-fout');
      message.id = id + '-fout';
      message.hidden = true;
      field.appendChild(message);
      control.setAttribute('data-beschreven', described.join(' '));
      control.setAttribute('aria-describedby', described.join(' '));
      control.addEventListener('input', function () { lastEdited = index; update(); });
      fieldset.appendChild(field);
      return { input: input, control: control, message: message };
    });
    rate.value = state.rente !== undefined ? state.rente : dutchNumber(model.discountRate * 100);
  }

  function setMessage(field, text) {
    field.message.textContent = text || '';
    field.message.hidden = !text;
    var described = field.control.getAttribute('data-beschreven');
    if (text) {
      field.control.setAttribute('aria-invalid', 'true');
      field.control.setAttribute('aria-describedby', (field.message.id + ' ' + described).trim());
    } else {
      field.control.removeAttribute('aria-invalid');
      field.control.setAttribute('aria-describedby', described);
    }
  }

  var rateField = { control: rate, message: null };
  (function () {
    var message = element('p', 'roi-fout');
    message.id = 'rente-fout';
    message.hidden = true;
    rate.parentNode.appendChild(message);
    rate.setAttribute('data-beschreven', rate.getAttribute('aria-describedby') || '');
    rateField.message = message;
  }());

  var UNREADABLE = 'Dit is geen getal. Schrijf bijvoorbeeld 12.000, 0,15, 15 % of \u20ac 2.400.';

  /* The input's value from its text: a percentage is its fraction (15 % → 0,15). */
  function inputValue(text) {
    var reading = readNumber(text);
    if (reading === null) { return null; }
    return reading.percent ? reading.value / 100 : reading.value;
  }

  function ruleMessage(problem, model) {
    var check = problem.check, words = FIELD_WORDS[check.field] || check.field;
    var item = '\u2018' + check.item + '\u2019';
    if (!isFinite(problem.value)) { return 'Hiermee wordt ' + words + ' van ' + item + ' te groot om te berekenen. Kies een kleiner getal.'; }
    var shown = ' (' + dutchNumber(problem.value) + ')';
    if (check.rule === 'fraction') { return 'Hiermee komt ' + words + ' van ' + item + ' buiten 0 tot 1' + shown + '. Dat kan niet.'; }
    if (check.rule === 'residualAtMostAmount') { return 'Hiermee wordt de restwaarde van ' + item + ' hoger dan het aankoopbedrag. Dat kan niet.'; }
    return 'Hiermee wordt ' + words + ' van ' + item + ' negatief' + shown + '. Dat kan niet.';
  }

  function show(element, value, text) {
    element.textContent = text;
    element.setAttribute('data-value', value === null ? '' : String(value));
  }

  /* No result beside an error: every figure is cleared and the result says why. */
  function refuse(model, text) {
    Object.keys(out).forEach(function (key) { show(out[key], null, '\u2013'); });
    conclusion.textContent = '';
    status.textContent = text;
    status.hidden = false;
    result.classList.add('roi-ongeldig');
    sections.forEach(function (section) { section.hidden = true; });
    overview.textContent = '';
    remember(model);
  }

  function update() {
    var model = models[select.value];
    var values = [], first = null;
    fields.forEach(function (field, index) {
      var value = inputValue(field.control.value);
      values.push(value);
      setMessage(field, value === null ? UNREADABLE : '');
      if (value === null && first === null) { first = index; }
    });
    var rateReading = readNumber(rate.value), r = null, rateProblem = '';
    if (rateReading === null || rateReading.euro) {
      rateProblem = 'Dit is geen percentage. Schrijf bijvoorbeeld 4 of 4 %.';
    } else {
      r = rateReading.value / 100;
      if (!(r > -1)) { rateProblem = 'De disconteringsvoet moet hoger zijn dan \u2212100 %.'; }
      else if (r > 1) { rateProblem = 'De disconteringsvoet kan hoogstens 100 % per jaar zijn.'; }
    }
    setMessage(rateField, rateProblem);
    if (first !== null) {
      refuse(model, 'Geen uitkomst: \u2018' + label(model.inputs[first]) + '\u2019 is geen getal.');
      return;
    }
    if (rateProblem) {
      refuse(model, 'Geen uitkomst: de disconteringsvoet is niet bruikbaar.');
      return;
    }
    var problem = domainProblem(model, values);
    if (problem) {
      /* Next to the input the visitor changed, when the rule uses it; else the rule's first input. */
      var at = lastEdited !== null && problem.check.inputs.indexOf(lastEdited) !== -1 ? lastEdited
        : problem.check.inputs.length ? problem.check.inputs[0] : 0;
      setMessage(fields[at], ruleMessage(problem, model));
      refuse(model, 'Geen uitkomst: zie de melding bij \u2018' + label(model.inputs[at]) + '\u2019.');
      return;
    }
    var factors = discountFactors(model, r);
    var outcome = evaluate(model, values, factors);
    if (!finite(outcome) || !factors.every(isFinite)) {
      /* Beside what was changed last: an input, or the rate (its factors grow without bound near −100 %). */
      var culprit = lastEdited === RATE ? rateField : fields[lastEdited !== null ? lastEdited : 0];
      setMessage(culprit, 'Met dit getal wordt de uitkomst te groot om te berekenen. Kies een kleiner getal.');
      refuse(model, 'Geen uitkomst: de bedragen worden te groot om te berekenen.');
      return;
    }
    status.hidden = true;
    result.classList.remove('roi-ongeldig');
    sections.forEach(function (section) { section.hidden = false; });
    show(out.roi, outcome.roi, outcome.roi === null ? 'niet te berekenen (geen extra investering)' : percent(outcome.roi));
    show(out.npv, outcome.npv, euro(outcome.npv));
    show(out.payback, outcome.payback, outcome.payback === null ? 'niet binnen ' + model.horizon + ' jaar' : dutch(outcome.payback, 1) + ' jaar');
    show(out.investment, outcome.investment, euro(outcome.investment));
    show(out.returns, outcome.returns, euro(outcome.returns));
    conclusion.textContent = conclude(model, outcome);
    showOverview(model, values, r);
    showCashFlows(model, outcome);
    showTornado(model, values, factors);
    remember(model);
  }

  /* "Over 5 jaar levert dit € … meer op dan het kost; terugverdiend in jaar …". */
  function conclude(model, outcome) {
    var net = outcome.returns - outcome.investment, years = 'Over ' + model.horizon + ' jaar ';
    var text = net > 0 ? years + 'levert dit ' + euro(net) + ' meer op dan het kost'
      : net < 0 ? years + 'kost dit ' + euro(-net) + ' meer dan het oplevert'
      : years + 'levert dit evenveel op als het kost';
    if (outcome.payback === null) { text += '; het is binnen ' + model.horizon + ' jaar niet terugverdiend'; }
    else if (outcome.payback === 0) { text += '; het is direct terugverdiend'; }
    else { text += '; terugverdiend in jaar ' + Math.ceil(outcome.payback); }
    return text + ' (vergeleken met niets doen).';
  }

  function cell(tag, text, className) {
    var node = element(tag, className, text);
    if (tag === 'th') { node.setAttribute('scope', 'row'); }
    return node;
  }

  function showOverview(model, values, r) {
    document.getElementById('overzicht-scenario').textContent = 'Scenario: ' + model.scenario +
      (model.gemeente ? ' (' + model.gemeente + ')' : '') + ', looptijd ' + model.horizon + ' jaar.';
    overview.textContent = '';
    model.inputs.forEach(function (input, index) {
      var row = document.createElement('tr');
      row.appendChild(cell('th', label(input)));
      row.appendChild(cell('td', dutchNumber(values[index]), 'num'));
      row.appendChild(cell('td', input.unit || ''));
      overview.appendChild(row);
    });
    var rateRow = document.createElement('tr');
    rateRow.appendChild(cell('th', 'Disconteringsvoet'));
    rateRow.appendChild(cell('td', dutchNumber(r * 100) + ' %', 'num'));
    rateRow.appendChild(cell('td', 'per jaar'));
    overview.appendChild(rateRow);
  }

  function showCashFlows(model, outcome) {
    var depreciation = model.items.some(function (item) { return item.flow === 'depreciation'; });
    var columns = [['investment', 'Extra investering'], ['returns', 'Extra opbrengsten'], ['net', 'Netto'],
                   ['cumulative', 'Cumulatief'], ['presentValue', 'Contante waarde']];
    if (depreciation) { columns.push(['depreciation', 'Afschrijving']); }
    cashHead.textContent = '';
    var head = document.createElement('tr');
    head.appendChild(element('th', '', 'Jaar'));
    columns.forEach(function (column) { head.appendChild(element('th', 'num', column[1])); });
    Array.prototype.forEach.call(head.children, function (th) { th.setAttribute('scope', 'col'); });
    cashHead.appendChild(head);
    cashBody.textContent = '';
    outcome.years.forEach(function (year) {
      var row = document.createElement('tr');
      row.appendChild(cell('th', String(year.year)));
      columns.forEach(function (column) {
        var td = cell('td', euro(year[column[0]]), 'num');
        td.setAttribute('data-value', String(year[column[0]]));
        row.appendChild(td);
      });
      cashBody.appendChild(row);
    });
    /* Totals over the horizon (undiscounted; the present values add up to the NPV). */
    var total = document.createElement('tr');
    total.className = 'roi-totaal';
    total.appendChild(cell('th', 'Totaal'));
    columns.forEach(function (column) {
      var key = column[0], sum = 0;
      outcome.years.forEach(function (year) { sum += year[key]; });
      var value = key === 'investment' ? outcome.investment : key === 'returns' ? outcome.returns
        : key === 'net' ? outcome.returns - outcome.investment : key === 'presentValue' ? outcome.npv : sum;
      total.appendChild(cell('td', key === 'cumulative' ? '' : euro(value), 'num'));
    });
    cashBody.appendChild(total);
    document.getElementById('afschrijving-uitleg').hidden = !depreciation;
    drawChart(model, outcome);
  }

  /* The SVG namespace, from the HTML parser itself (the site holds no address of elsewhere). */
  var SVG = (function () {
    var holder = document.createElement('div');
    holder.innerHTML = '<svg></svg>';
    return holder.firstChild.namespaceURI;
  }());
  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, String(attributes[key])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* Net per year as bars, the cumulative net as a line; the table above holds the numbers. */
  function drawChart(model, outcome) {
    chart.textContent = '';
    /* Drawn at the width it is shown at, so its text keeps a readable size on a phone too. */
    var width = Math.max(280, Math.min(704, Math.round(chart.clientWidth || 640)));
    var years = outcome.years, height = 240, left = 78, right = 12, top = 14, bottom = 30;
    var values = [0];
    years.forEach(function (year) { values.push(year.net, year.cumulative); });
    var low = Math.min.apply(null, values), high = Math.max.apply(null, values);
    if (low === high) { high = low + 1; }
    function y(value) { return top + (high - value) / (high - low) * (height - top - bottom); }
    var step = (width - left - right) / years.length;
    var picture = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'grafiek-titel', focusable: 'false' });
    picture.appendChild(svg('title', { id: 'grafiek-titel' }, 'Netto kasstroom per jaar (staven) en cumulatief (lijn), van ' +
      euro(low) + ' tot ' + euro(high)));
    [high, 0, low].forEach(function (value, index) {
      if (index === 1 && (value === high || value === low)) { return; }
      picture.appendChild(svg('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), 'class': value === 0 ? 'nul' : 'raster' }));
      picture.appendChild(svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, euro(value)));
    });
    var points = [];
    years.forEach(function (year, index) {
      var x = left + index * step;
      var top0 = Math.min(y(year.net), y(0)), barHeight = Math.abs(y(year.net) - y(0));
      picture.appendChild(svg('rect', { x: x + step * 0.2, y: top0, width: step * 0.6, height: Math.max(barHeight, 0.5),
                                        'class': year.net < 0 ? 'negatief' : 'positief' }));
      picture.appendChild(svg('text', { x: x + step / 2, y: height - 10, 'text-anchor': 'middle' }, 'jaar ' + year.year));
      points.push((x + step / 2).toFixed(1) + ',' + y(year.cumulative).toFixed(1));
    });
    picture.appendChild(svg('polyline', { points: points.join(' '), 'class': 'cumulatief' }));
    chart.appendChild(picture);
    var caption = element('figcaption', '', 'Staven: netto per jaar. Lijn: cumulatief; waar die boven nul komt, is de investering terugverdiend.');
    chart.appendChild(caption);
  }

  function showTornado(model, values, factors) {
    tornadoBody.textContent = '';
    var bars = tornado(model, values, factors);
    var widest = 0;
    bars.forEach(function (bar) { if (bar.swing !== null && bar.swing > widest) { widest = bar.swing; } });
    bars.forEach(function (bar) {
      var row = document.createElement('tr');
      row.setAttribute('data-input', bar.input.name);
      row.setAttribute('data-swing', bar.swing === null ? '' : String(bar.swing));
      row.setAttribute('data-roi-low', bar.atLow.roi === null ? '' : String(bar.atLow.roi));
      row.setAttribute('data-roi-high', bar.atHigh.roi === null ? '' : String(bar.atHigh.roi));
      var name = cell('th', label(bar.input));
      name.appendChild(element('span', 'roi-bereik', dutchNumber(bar.input.low) + ' \u2013 ' + dutchNumber(bar.input.high)));
      row.appendChild(name);
      function roiText(result) { return element('span', 'roi-heel', result.roi === null ? 'n.v.t.' : percent(result.roi)); }
      var range = cell('td', bar.refused ? 'buiten wat het scenario toestaat' : '', 'num');
      if (!bar.refused) {
        range.appendChild(roiText(bar.atLow));
        range.appendChild(document.createTextNode(' \u2192 '));
        range.appendChild(roiText(bar.atHigh));
      }
      row.appendChild(range);
      var swing = cell('td', '', 'roi-uitslag');
      swing.appendChild(element('span', 'roi-heel', bar.swing === null ? 'n.v.t.' : dutch(bar.swing * 100, 1)));
      if (bar.swing !== null) { swing.appendChild(document.createTextNode(' procentpunt')); }
      var meter = element('span', 'roi-balk');
      meter.style.width = (widest > 0 && bar.swing !== null ? bar.swing / widest * 100 : 0).toFixed(1) + '%';
      swing.insertBefore(meter, swing.firstChild);
      row.appendChild(swing);
      tornadoBody.appendChild(row);
    });
  }

  function remember(model) {
    var parts = ['scenario=' + encodeURIComponent(select.value), 'rente=' + encodeURIComponent(rate.value)];
    fields.forEach(function (field, index) {
      if (inputValue(field.control.value) !== model.inputs[index].value) {
        parts.push(encodeURIComponent(field.input.name) + '=' + encodeURIComponent(field.control.value));
      }
    });
    var hash = '#' + parts.join('&');
    if (history.replaceState) { history.replaceState(null, '', hash); }
    share.href = hash;
  }

  /* The state in a hash: every pair that decodes, in an object without a prototype, so names
     such as `constructor` or `__proto__` are plain keys; a malformed escape is skipped. */
  function state() {
    var result = Object.create(null);
    window.location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at <= 0) { return; }
      try {
        result[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
      } catch (error) {
        /* Not a valid escape (`%E0%A4%A`): that pair is ignored. */
      }
    });
    return result;
  }

  /* The state in the URL: on load, and when a shared link is opened in the same tab. */
  function restore() {
    var initial = state();
    if (hasModel(initial.scenario)) { select.value = initial.scenario; }
    if (!hasModel(select.value)) { select.value = order[0]; }
    lastEdited = null;
    build(models[select.value], initial);
  }

  restore();
  window.addEventListener('hashchange', function () {
    if (window.location.hash.indexOf('=') !== -1) { restore(); update(); }
  });
  select.addEventListener('change', function () { lastEdited = null; build(models[select.value], Object.create(null)); update(); });
  rate.addEventListener('input', function () { lastEdited = RATE; update(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  update();
}());
