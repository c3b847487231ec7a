/* ROI-rekenhulp: dezelfde formules als `meetlat roi` (Sources/ROI/README.md), op het model dat
   `meetlat roi <scenario> --export-model` exporteert. De sommen lopen in dezelfde volgorde als in
   Swift, dus ROI, netto contante waarde en terugverdientijd zijn bit voor bit gelijk.
   De invoer staat in de URL (#scenario=…&rente=…&<invoer>=…): zo is een berekening te delen. */
(function () {
  'use strict';
  var form = document.getElementById('rekenhulp');
  if (!form) { return; }
  var models = {};
  Array.prototype.forEach.call(document.querySelectorAll('script.roi-model'), function (element) {
    models[element.id.replace(/^model-/, '')] = JSON.parse(element.textContent);
  });
  var select = document.getElementById('scenario');
  var fieldset = document.getElementById('invoer');
  var rate = document.getElementById('rente');
  var error = document.getElementById('uitkomst-fout');
  var share = document.getElementById('deel-link');
  var out = {
    roi: document.getElementById('uitkomst-roi'),
    npv: document.getElementById('uitkomst-npv'),
    payback: document.getElementById('uitkomst-terugverdientijd'),
    investment: document.getElementById('uitkomst-investering'),
    returns: document.getElementById('uitkomst-opbrengsten')
  };
  var inputs = [];

  /* Sources/ROI/README.md, "Export for other evaluators". */
  function evaluate(model, values, factors) {
    var width = model.horizon + 1;
    var rows = [0, 1, 2, 3].map(function () { return new Array(width).fill(0); });
    model.items.forEach(function (item) {
      var stack = [];
      item.program.forEach(function (step) {
        var op = step[0];
        if (op === 'push') { stack.push(step[1]); }
        else if (op === 'input') { stack.push(values[step[1]]); }
        else if (op === 'neg') { stack.push(-stack.pop()); }
        else {
          var b = stack.pop(), a = stack.pop();
          stack.push(op === 'add' ? a + b : op === 'sub' ? a - b : op === 'mul' ? a * b : a / b);
        }
      });
      var row = (item.side === 'scenario' ? 0 : 2) + (item.flow === 'investment' ? 0 : 1);
      for (var t = item.firstYear; t <= item.lastYear; t += 1) { rows[row][t] += stack[0]; }
    });
    var investment = 0, returns = 0, npv = 0, cumulative = 0, lastNegative = -1;
    var net = [], cum = [];
    for (var t = 0; t < width; t += 1) {
      var dI = rows[0][t] - rows[2][t], dR = rows[1][t] - rows[3][t];
      investment += dI;
      returns += dR;
      net[t] = dR - dI;
      npv += net[t] * factors[t];
      cumulative += net[t];
      cum[t] = cumulative;
      if (cumulative < 0) { lastNegative = t; }
    }
    var roi = investment > 0 ? (returns - investment) / investment : null;
    var payback = lastNegative < 0 ? 0
      : lastNegative === width - 1 ? null
      : lastNegative + (-cum[lastNegative]) / net[lastNegative + 1];
    return { investment: investment, returns: returns, roi: roi, npv: npv, payback: payback };
  }

  /* Another discount rate: g by repeated multiplication, as the Swift code does. */
  function discountFactors(model, r) {
    if (r === model.discountRate) { return model.discountFactors; }
    var factors = [1], g = 1;
    for (var t = 1; t <= model.horizon; t += 1) { g = g * (1 + r); factors[t] = 1 / g; }
    return factors;
  }

  /* "5,50" and "5.50" are both 5.5; with a comma, dots group thousands ("1.250,5"). */
  function parse(text) {
    var clean = String(text).replace(/\s/g, '');
    if (clean.indexOf(',') !== -1) { clean = clean.replace(/\./g, '').replace(',', '.'); }
    return clean === '' ? NaN : Number(clean);
  }

  function group(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }

  function dutch(value, decimals) {
    var scale = Math.pow(10, decimals);
    var rounded = Math.floor(Math.abs(value) * scale + 0.5 + 1e-9) / scale;
    var parts = rounded.toFixed(decimals).split('.');
    var text = group(parts[0]) + (decimals > 0 ? ',' + parts[1] : '');
    return (value < 0 && rounded !== 0 ? '-' : '') + text;
  }

  function show(element, value, text) {
    element.textContent = text;
    element.setAttribute('data-value', value === null ? '' : String(value));
  }

  /* The scenario's label for an input; without one, its identifier in words. */
  function label(input) { return input.label || input.name.replace(/_/g, ' '); }

  function build(model, state) {
    fieldset.querySelectorAll('.field').forEach(function (field) { field.remove(); });
    inputs = model.inputs.map(function (input, index) {
      var field = document.createElement('div');
      field.className = 'field';
      var id = 'invoer-' + index;
      var labelElement = document.createElement('label');
      labelElement.setAttribute('for', id);
      labelElement.textContent = label(input);
      var element = document.createElement('input');
      element.type = 'text';
      element.id = id;
      element.name = input.name;
      element.setAttribute('inputmode', 'decimal');
      element.autocomplete = 'off';
      element.value = state[input.name] !== undefined ? state[input.name] : String(input.value);
      field.appendChild(labelElement);
      field.appendChild(element);
      var described = [];
      if (input.help) {
        var help = document.createElement('small');
        help.id = id + '-hulp';
        help.textContent = input.help;
        field.appendChild(help);
        described.push(help.id);
      }
      if (input.unit || input.low !== null) {
        var hint = document.createElement('small');
        hint.id = id + '-uitleg';
        hint.textContent = (input.unit || '') +
          (input.low !== null && input.high !== null ? (input.unit ? '; ' : '') + 'bereik ' + input.low + ' – ' + input.high : '');
        field.appendChild(hint);
        described.push(hint.id);
      }
      if (described.length) { element.setAttribute('aria-describedby', described.join(' ')); }
      element.addEventListener('input', update);
      fieldset.appendChild(field);
      return element;
    });
    rate.value = state.rente !== undefined ? state.rente : String(Math.round(model.discountRate * 1e10) / 1e8);
  }

  function update() {
    var model = models[select.value];
    var values = inputs.map(function (element) { return parse(element.value); });
    var r = parse(rate.value) / 100;
    var bad = model.inputs.filter(function (input, index) { return !isFinite(values[index]); });
    if (bad.length || !isFinite(r) || r <= -1) {
      error.hidden = false;
      error.textContent = 'Vul overal een getal in (bijvoorbeeld 5,50 of 5.50)' + (bad.length ? ': ' + bad.map(label).join(', ') : '') + '.';
      return;
    }
    error.hidden = true;
    var result = evaluate(model, values, discountFactors(model, r));
    show(out.roi, result.roi, result.roi === null ? 'niet te berekenen (geen extra investering)' : dutch(result.roi * 100, 1) + ' %');
    show(out.npv, result.npv, '€ ' + dutch(result.npv, 0));
    show(out.payback, result.payback, result.payback === null ? 'niet binnen ' + model.horizon + ' jaar' : dutch(result.payback, 1) + ' jaar');
    show(out.investment, result.investment, '€ ' + dutch(result.investment, 0));
    show(out.returns, result.returns, '€ ' + dutch(result.returns, 0));
    remember(model);
  }

  function remember(model) {
    var parts = ['scenario=' + encodeURIComponent(select.value), 'rente=' + encodeURIComponent(rate.value)];
    inputs.forEach(function (element, index) {
      if (parse(element.value) !== model.inputs[index].value) {
        parts.push(encodeURIComponent(element.name) + '=' + encodeURIComponent(element.value));
      }
    });
    var hash = '#' + parts.join('&');
    if (history.replaceState) { history.replaceState(null, '', hash); }
    share.href = hash;
    share.textContent = window.location.href;
  }

  function state() {
    var result = {};
    window.location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) { result[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1)); }
    });
    return result;
  }

  /* The state in the URL: on load, and when a shared link is opened in the same tab. */
  function restore() {
    var initial = state();
    if (initial.scenario && models[initial.scenario]) { select.value = initial.scenario; }
    build(models[select.value], initial);
  }

  restore();
  window.addEventListener('hashchange', function () {
    if (window.location.hash.indexOf('=') !== -1) { restore(); update(); }
  });
  select.addEventListener('change', function () { build(models[select.value], {}); update(); });
  rate.addEventListener('input', update);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  update();
}());
