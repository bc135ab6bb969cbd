// What every page shares: calling the API (the login cookie goes along), building elements,
// the page header, and a live twin panel fed by the WebSocket.

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : 'HTTP ' + status);
    this.status = status;
    this.body = body;
  }
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method, credentials: 'same-origin',
    headers: body === undefined ? {} : {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (res.status === 401 && !path.endsWith('/login')) {
    location.href = '/index.html';
    throw new ApiError(401, null);
  }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** An error as a line to show: the message and each problem with its field (and line:column). */
function describe(e) {
  if (!(e instanceof ApiError) || !e.body || !e.body.problems || !e.body.problems.length) return errorWords(e.message);
  return e.body.problems.map(p => (p.line ? p.line + ':' + p.column + ' ' : '') + p.field + ': ' + errorWords(p.message)).join('\n');
}

/** The API's sentence in the page's language, where i18n-errors.js is loaded. */
function errorWords(message) {
  return typeof errorText === 'function' ? errorText(message) : message;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== undefined && c !== null) e.append(c instanceof Node ? c : String(c));
  return e;
}

function fmt(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toFixed(2);
  return String(v);
}

function mmss(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
}

function say(target, text, bad) {
  const box = typeof target === 'string' ? document.getElementById(target) : target;
  box.textContent = text || '';
  box.className = 'message' + (bad ? ' bad' : '');
}

/** Checks the login and the role; puts the header on the page; answers who is logged in. */
async function page(roles) {
  applyLang();
  let me;
  try {
    me = await api('GET', '/api/v1/me');
  } catch (e) {
    location.href = '/index.html';
    throw e;
  }
  if (roles && !roles.includes(me.role)) {
    location.href = homeOf(me.role);
    throw new Error('not this page');
  }
  const header = document.querySelector('header');
  header.append(
    el('span', {class: 'who', id: 'who'}, me.user + ' · ' + code('role', me.role)),
    el('button', {class: 'link', id: 'lang', onclick: toggleLang}, t('language')),
    el('button', {class: 'link', id: 'logout', onclick: async () => { await api('POST', '/api/v1/logout'); location.href = '/index.html'; }}, t('logout')));
  return me;
}

function homeOf(role) {
  return {candidate: '/station.html', examiner: '/examiner.html', trainer: '/trainer.html', admin: '/admin.html'}[role] || '/index.html';
}

/** One WebSocket for the page; panels subscribe to the twins they show. */
const LiveFeed = {
  socket: null, handlers: new Map(), pending: [],
  follow(twin, handler) {
    if (!this.handlers.has(twin)) this.handlers.set(twin, new Set());
    this.handlers.get(twin).add(handler);
    this.send({subscribe: [twin]});
  },
  send(msg) {
    if (!this.socket) this.connect();
    if (this.socket.readyState === 1) this.socket.send(JSON.stringify(msg)); else this.pending.push(msg);
  },
  connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/ws');
    this.socket = ws;
    ws.onopen = () => { this.pending.splice(0).forEach(m => ws.send(JSON.stringify(m))); };
    ws.onmessage = e => {
      const msg = JSON.parse(e.data);
      (msg.changes || []).forEach(c => (this.handlers.get(c.twin) || []).forEach(h => h(c)));
    };
    ws.onclose = () => {
      // reconnect and follow the same twins again
      this.socket = null;
      setTimeout(() => this.handlers.size && this.send({subscribe: [...this.handlers.keys()]}), 1000);
    };
  }
};

/**
 * A twin's live values and alarms; with controls, its commands and writable properties too.
 * Examiners get only the emergency stop.
 */
async function twinPanel(container, twinId, options = {}) {
  const twin = await api('GET', '/api/v1/twins/' + encodeURIComponent(twinId));
  const box = el('section', {class: 'twin', id: 'twin-' + twinId});
  const alarms = el('div', {class: 'alarms', id: 'alarms-' + twinId});
  const table = el('table', {class: 'values'});
  const rows = new Map();
  const active = new Map();
  await ModelWords.load();
  box.append(el('h3', {}, [twinId, twinName(twinId, twin.name)].filter(Boolean).join(' · '), el('small', {class: 'lifecycle', id: 'lifecycle-' + twinId},
    code('lifecycle', twin.lifecycle))), alarms, table);
  const show = p => {
    let row = rows.get(p.property);
    if (!row) {
      row = el('tr', {'data-property': p.property}, el('td', {}, p.property), el('td', {class: 'v'}), el('td', {}, p.unit || ''));
      rows.set(p.property, row);
      table.append(row);
    }
    row.className = p.reason && p.reason.startsWith('STALE') ? 'UNCERTAIN' : p.quality;
    row.title = reason(p.reason);
    row.children[1].textContent = fmt(p.value);
  };
  const alarm = a => {
    if (a.active) active.set(a.alarm, alarmText(a, twinId)); else active.delete(a.alarm);
    alarms.textContent = [...active.values()].join(' · ');
    box.classList.toggle('estop', active.has('estop'));
  };
  Object.values(twin.values).forEach(show);
  twin.alarms.forEach(alarm);
  if (options.controls) box.append(controls(twin, options.controls));
  container.append(box);
  LiveFeed.follow(twinId, c => {
    if (c.event === 'property') show(c);
    else if (c.event === 'alarm') alarm(c);
    else if (c.event === 'lifecycle') document.getElementById('lifecycle-' + twinId).textContent = code('lifecycle', c.lifecycle);
  });
  return twin;
}

function controls(twin, kind) {
  const out = el('div', {class: 'controls'});
  const message = el('div', {class: 'message'});
  const run = async (what, call) => {
    try {
      const r = await call();
      say(message, what + (r && r.ok === false ? ': ' + r.error : ' ✓'), r && r.ok === false);
    } catch (e) {
      say(message, what + ': ' + describe(e), true);
    }
  };
  const commands = kind === 'examiner' ? twin.commands.filter(c => c.command.endsWith('emergency_stop')) : twin.commands;
  for (const c of commands) {
    out.append(el('button', {class: c.command.endsWith('emergency_stop') ? 'danger' : '', 'data-command': c.command, title: tr(c, 'description') || '',
      onclick: () => run(c.command, () => api('POST', '/api/v1/twins/' + twin.id + '/commands/' + c.command))}, c.command));
  }
  if (kind === 'candidate' && twin.writable.length) {
    const select = el('select', {class: 'write-property', 'aria-label': t('property')}, ...twin.writable.map(w => el('option', {value: w.property}, w.property)));
    const value = el('input', {class: 'write-value', size: 8, placeholder: t('value')});
    const allowed = el('span', {class: 'write-allowed'});
    // the unit, range or allowed values of the property chosen, shown before a value is written
    const showAllowed = () => {
      const w = twin.writable.find(x => x.property === select.value) || {};
      const range = w.range && w.range.length === 2 ? w.range[0] + ' … ' + w.range[1] : '';
      const values = (w.values || []).join(' | ') || (w.type === 'bool' ? 'true | false' : '');
      allowed.textContent = [range, values, w.unit].filter(x => x).join(' ');
      value.type = w.type === 'int' || w.type === 'double' ? 'number' : 'text';
      value.min = range ? w.range[0] : '';
      value.max = range ? w.range[1] : '';
      value.step = w.type === 'int' ? '1' : 'any';
    };
    select.onchange = showAllowed;
    showAllowed();
    // the rig's answer right beside the control it answers
    out.append(el('div', {class: 'row write-row'}, select, value, allowed, el('button', {onclick: () => run(select.value, () => {
      const text = value.value.trim();
      let v = text === 'true' ? true : text === 'false' ? false : isNaN(Number(text)) || text === '' ? text : Number(text);
      return api('PUT', '/api/v1/twins/' + twin.id + '/properties/' + select.value, {value: v});
    })}, t('write')), message));
    return out;
  }
  out.append(message);
  return out;
}

/** A small history chart of one property over the last ten minutes (Chart.js from its WebJar). */
async function historyChart(canvas, twinId, property) {
  const to = new Date();
  const from = new Date(to.getTime() - 10 * 60 * 1000);
  const h = await api('GET', '/api/v1/twins/' + twinId + '/history?from=' + from.toISOString() + '&to=' + to.toISOString()
    + '&property=' + encodeURIComponent(property) + '&step=2s');
  const series = (h.series || [])[0] || {steps: []};
  const points = series.steps.filter(p => typeof p.mean === 'number')
    .map(p => ({x: Math.round((new Date(p.time) - to) / 1000), y: p.mean}));
  if (canvas.chart) canvas.chart.destroy();
  // where x = 0 lies, so live samples can be appended on the same axis
  canvas.chartOrigin = to;
  canvas.chart = new Chart(canvas, {
    type: 'line', data: {datasets: [{label: twinId + ' ' + property, data: points, pointRadius: 0, borderWidth: 1.5}]},
    options: {animation: false, parsing: false, scales: {x: {type: 'linear', title: {display: true, text: 's'}}}}
  });
}
