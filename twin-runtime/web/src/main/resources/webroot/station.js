// The candidate's station: the task, the clock, the live twin with its controls, and the tools a
// task needs (binding editor with a live preview, report, artefact, test suite or security script, export and backup, upgrade and rollback).
const $ = id => document.getElementById(id);
const enc = encodeURIComponent;
let seat = null;
let opened = false;
let editing = null;
let known = []; // the bindings of the twin listed last: the signals the binding form offers

async function action(twin, kind, fields, messageId) {
  try {
    const r = await api('POST', '/api/v1/twins/' + enc(twin) + '/actions', {kind, fields});
    say(messageId, kind + ': ' + r.detail);
  } catch (e) {
    say(messageId, kind + ': ' + describe(e), true);
  }
}

async function openWork(view) {
  opened = true;
  $('work').hidden = false;
  for (const twin of view.twins) {
    await twinPanel($('twins'), twin, {controls: 'candidate'});
    for (const id of ['binding-twin', 'report-twin']) $(id).append(el('option', {value: twin}, twin));
  }
  $('binding-twin').onchange = listBindings;
  await listBindings();
  await prepareCaseBuilder().catch(e => say('cb-message', describe(e), true));
  $('export-link').href = '/api/v1/twins/' + enc(view.twins[0]) + '/export?from=-10m&to=now&format=csv';
  $('export-link').onclick = () => setTimeout(refresh, 1000);
}

async function listBindings() {
  const twin = $('binding-twin').value;
  const v = await api('GET', '/api/v1/twins/' + enc(twin) + '/bindings');
  known = v.bindings;
  $('bindings').replaceChildren(...v.bindings.map(b => el('tr', {'data-property': b.property},
    el('td', {}, b.property), el('td', {}, (b.connection || '') + ' ' + (b.address || '')),
    el('td', {}, el('button', {class: 'edit', onclick: () => edit(twin, b)}, t('edit'))))));
}

function edit(twin, binding) {
  editing = {twin, property: binding.property};
  $('binding-editor').hidden = false;
  $('binding-text').value = JSON.stringify(binding, null, 2);
  fillForm(binding);
  preview();
}

// the form's fields and where each sits in a binding: the rest of the binding (range, unit, clamp, bit, write) is kept as it is
const FORM_FIELDS = [
  {id: 'bf-connection', get: b => b.connection, set: (b, v) => { b.connection = v; }},
  {id: 'bf-address', get: b => b.address, set: (b, v) => { b.address = v; }},
  {id: 'bf-sampling_ms', get: b => b.sampling_ms, set: (b, v) => { if (v === '') delete b.sampling_ms; else b.sampling_ms = Number(v); }},
  {id: 'bf-scale', get: b => (b.transform || {}).scale, set: (b, v) => transformField(b, 'scale', v, 1)},
  {id: 'bf-offset', get: b => (b.transform || {}).offset, set: (b, v) => transformField(b, 'offset', v, 0)},
  {id: 'bf-deadband', get: b => (b.transform || {}).deadband, set: (b, v) => transformField(b, 'deadband', v, 0)}
];

function transformField(b, key, v, neutral) {
  b.transform = b.transform || {};
  if (v === '' || Number(v) === neutral) delete b.transform[key]; else b.transform[key] = Number(v);
  if (!Object.keys(b.transform).length) delete b.transform;
}

/** The form shows the binding; the connections and addresses offered are those of the twin's own bindings, its station's signals. */
function fillForm(binding) {
  $('bf-property').value = binding.property;
  const connections = [...new Set([binding.connection, ...known.map(b => b.connection)].filter(c => c))];
  $('bf-connection').replaceChildren(...connections.map(c => el('option', {value: c}, c)));
  $('bf-addresses').replaceChildren(...[...new Set(known.map(b => b.address).filter(a => a))].map(a => el('option', {value: a})));
  for (const f of FORM_FIELDS) {
    const v = f.get(binding);
    $(f.id).value = v === undefined || v === null ? '' : v;
  }
}

/** A change in the form is written into the binding's JSON and previewed at once. */
function formChanged() {
  let b;
  try {
    b = editedBinding();
  } catch (e) {
    $('preview-value').textContent = 'JSON: ' + e.message;
    return;
  }
  for (const f of FORM_FIELDS) f.set(b, $(f.id).value);
  $('binding-text').value = JSON.stringify(b, null, 2);
  schedulePreview();
}

function schedulePreview() {
  if (!editing) return;
  clearTimeout(editing.timer);
  editing.timer = setTimeout(preview, 300);
}

function editedBinding() {
  return JSON.parse($('binding-text').value);
}

async function preview() {
  if (!editing) return;
  try {
    const p = await api('POST', '/api/v1/twins/' + enc(editing.twin) + '/bindings/' + enc(editing.property) + '/preview', editedBinding());
    $('preview-value').textContent = t('preview') + ': ' + fmt(p.value) + (p.raw !== null ? ' (raw ' + fmt(p.raw) + ')' : '') + ' — ' + p.note;
  } catch (e) {
    $('preview-value').textContent = e instanceof SyntaxError ? 'JSON: ' + e.message : describe(e);
  }
}

async function save() {
  try {
    await api('PUT', '/api/v1/twins/' + enc(editing.twin) + '/bindings/' + enc(editing.property), editedBinding());
    say('binding-message', editing.property + ' ✓');
    await listBindings();
  } catch (e) {
    say('binding-message', e instanceof SyntaxError ? 'JSON: ' + e.message : describe(e), true);
  }
}

// words of this page only, beside the shared ones of i18n.js
const WORDS = {
  en: {timeLimits: 'Time limits', left: ' left', timeUp: 'time is up', why: 'why', correctTwin: 'correct twin',
    pass: 'pass', falseFailure: 'false failure', caughtBy: 'caught by', notCaught: 'not caught', caseName: 'case',
    handedIn: 'You handed in your work: this station is locked.',
    endedLocked: 'Your station has ended: it is locked.',
    connection: 'Connection', address: 'Address', property: 'Property', sampling: 'Sampling (ms)', scale: 'Scale', offset: 'Offset',
    deadband: 'Deadband', asJson: 'The whole binding (JSON)',
    caseBuilder: 'Add a test case', given: 'Given', when: 'When', then: 'Then (condition)', within: 'Within', settle: 'Settle first', addCase: 'Add the case',
    thenNeeded: 'Say what must hold: a condition such as twin.tank.level > 280', caseAdded: 'The suite has {n} case(s).',
    status: {passed: 'passed', failed: 'failed', pending: 'pending', indeterminate: 'undecided', marked: 'marked', unmarked: 'not marked yet'}},
  zh: {timeLimits: '时限', left: '', timeUp: '已到时', why: '原因', correctTwin: '正确孪生',
    pass: '通过', falseFailure: '误报失败', caughtBy: '发现它的用例', notCaught: '未发现', caseName: '用例',
    handedIn: '你已交卷，本工位已锁定。', endedLocked: '本工位已结束，已锁定。',
    connection: '连接', address: '地址', property: '属性', sampling: '采样周期（毫秒）', scale: '比例系数', offset: '偏移量',
    deadband: '死区', asJson: '完整绑定（JSON）',
    caseBuilder: '添加测试用例', given: '前提', when: '操作', then: '预期（条件）', within: '时限', settle: '先稳定', addCase: '添加用例',
    thenNeeded: '请填写必须成立的条件，例如 twin.tank.level > 280', caseAdded: '测试套件现有 {n} 个用例。',
    status: {passed: '通过', failed: '未通过', pending: '待判定', indeterminate: '无法判定', marked: '已评分', unmarked: '尚未评分'}}
};

function w(key) {
  return (WORDS[lang()] || WORDS.en)[key];
}

function timeLeft(seconds) {
  if (seconds <= 0) return w('timeUp');
  return lang() === 'zh' ? '剩余 ' + mmss(seconds) : mmss(seconds) + w('left');
}

function showTasks(view) {
  const now = JSON.stringify(view.tasks) + lang();
  if ($('tasks').dataset.shown !== now) {
    $('tasks').dataset.shown = now;
    $('tasks').replaceChildren(...view.tasks.map(task => el('div', {class: 'task', 'data-task': task.task},
      el('h4', {}, task.task), el('p', {}, tr(task, 'prompt')),
      (task.deadlines || []).length ? el('ul', {class: 'deadlines', title: w('timeLimits')}, ...task.deadlines.map(d =>
        el('li', {'data-deadline': d.check}, '⏱ ' + tr(d, 'text'),
          d.byClockSeconds === null || d.byClockSeconds === undefined ? null
            : el('span', {class: 'left', 'data-by': d.byClockSeconds}, '')))) : null,
      el('ul', {class: 'checks'}, ...task.checks.map(c => el('li', {'data-check': c.check, class: c.state},
        checkName(c) + ': ' + code('status', c.state),
        c.reason ? el('span', {class: 'reason'}, ' — ' + w('why') + ': ' + reason(c.reason)) : null))))));
  }
  // the time left to each limit on the exam clock moves on every refresh
  const elapsed = view.elapsedSeconds || 0;
  $('tasks').querySelectorAll('span.left').forEach(s => { s.textContent = ' (' + timeLeft(Number(s.dataset.by) - elapsed) + ')'; });
}

/** The graded suite in full: each case's result on the correct twin, and which faulty or insecure variants it caught. */
function showSuite(result) {
  const cases = [];
  for (let n = 1; result['case.' + n + '.result'] !== undefined; n++) {
    cases.push({n, name: result['case.' + n + '.name'], pass: result['case.' + n + '.result'] === 'pass',
      why: result['case.' + n + '.why'], catches: (result['case.' + n + '.catches'] || '').split(',').filter(x => x)});
  }
  const variants = Object.keys(result).filter(k => k.startsWith('detects.')).map(k => k.slice('detects.'.length));
  if (!cases.length) {
    $('suite-result').replaceChildren();
    return;
  }
  const head = el('tr', {}, el('th', {}, '#'), el('th', {}, w('caseName')), el('th', {}, w('correctTwin')),
    ...variants.map(v => el('th', {'data-variant': v}, v)));
  const rows = cases.map(c => el('tr', {'data-case': c.n, class: c.pass ? 'passed' : 'failed'},
    el('td', {}, c.n), el('td', {}, c.name), el('td', {title: c.why}, (c.pass ? w('pass') : w('falseFailure')) + (c.pass ? '' : ': ' + c.why)),
    ...variants.map(v => el('td', {'data-variant': v}, c.catches.includes(v) ? '✓' : '·'))));
  const caught = el('tr', {class: 'caught-by'}, el('td', {}, ''), el('td', {}, w('caughtBy')), el('td', {}, ''),
    ...variants.map(v => el('td', {'data-variant': v}, result['caught_by.' + v] || w('notCaught'))));
  $('suite-result').replaceChildren(el('table', {class: 'suite'}, head, ...rows, caught));
}

/**
 * An artefact as the candidate writes it: text before the first "## name" line is its text, each
 * "## name" starts a section; each "name = number" line is a figure (a figure that is no number is
 * sent as written, for the server to name).
 */
function artefactFields() {
  const fields = {kind: $('artefact-kind').value, title: $('artefact-title').value.trim()};
  const sections = {};
  let current = null;
  const text = [];
  for (const line of $('artefact-text').value.split('\n')) {
    const heading = line.match(/^##\s*(\S+)\s*$/);
    if (heading) {
      current = heading[1];
      sections[current] = '';
    } else if (current === null) {
      text.push(line);
    } else {
      sections[current] += (sections[current] ? '\n' : '') + line;
    }
  }
  if (text.join('\n').trim()) fields.text = text.join('\n').trim();
  if (Object.keys(sections).length) fields.sections = Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.trim()]));
  const figures = {};
  for (const line of $('artefact-figures').value.split('\n')) {
    const m = line.match(/^\s*([^=\s]+)\s*=\s*(.+?)\s*$/);
    if (m) figures[m[1]] = Number.isNaN(Number(m[2])) ? m[2] : Number(m[2]);
  }
  if (Object.keys(figures).length) fields.figures = figures;
  return fields;
}

async function submitArtefact() {
  try {
    const r = await api('POST', '/api/v1/twins/' + enc($('report-twin').value) + '/actions', {kind: 'artefact', fields: artefactFields()});
    const measured = r.result || {};
    say('artefact-message', 'artefact: ' + r.detail + ' · headings: ' + (measured.headings || '—') + ' · figures: ' + (measured.quoted || '—'));
  } catch (e) {
    say('artefact-message', 'artefact: ' + describe(e), true);
  }
}

// what the box starts with for each kind of suite: a test suite's case, a security script's case, a mapping test's case, a test set-up's probe, a performance script
const SUITE_TEMPLATES = {
  test_suite: '{"cases": []}',
  security_suite: '{"cases": [{"name": "case 1", "write": {"property": "", "value": 0}, "expect": "refused"}]}',
  mapping_test: '{"cases": [{"name": "case 1", "when": {"write": {"property": "", "value": 0}}, "property": "", "tolerance": 1, "within": "5s", "hold": "10s"}]}',
  joint_program: '{"rigs": [], "steps": [{"name": "step 1", "when": {}, "then": "", "within": "10s"}]}',
  watch: '{"name": "watch-1", "condition": "", "delay": "10s"}',
  test_setup: '{"probes": [{"property": "", "connection": "", "address": ""}]}',
  perf_script: '{"property": "", "values": [0, 1], "rate": 1, "seconds": 60, "metric": "p95", "threshold_ms": 1000}'
};

/** A value as typed: a number, true or false, or else the text. */
function typed(text) {
  const v = text.trim();
  return v === 'true' ? true : v === 'false' ? false : v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
}

/** The case builder offers the twin's own properties and commands, and adds a case to the suite in the box. */
async function prepareCaseBuilder() {
  const model = await api('GET', '/api/v1/twins/' + enc($('report-twin').value) + '/model');
  const properties = model.components.flatMap(c => c.properties || []);
  const commands = model.components.flatMap(c => c.commands || []);
  const options = (list, key) => list.map(x => el('option', {value: x[key]}, x[key]));
  $('cb-given-property').replaceChildren(el('option', {value: ''}, '—'), ...options(properties.filter(p => p.writable), 'property'));
  $('cb-when-property').replaceChildren(...options(properties.filter(p => p.writable), 'property'));
  $('cb-when-command').replaceChildren(...options(commands, 'command'));
  $('cb-then-terms').replaceChildren(...properties.map(p => el('option', {value: 'twin.' + p.property})));
  const kindShown = () => {
    const kind = $('cb-when-kind').value;
    $('cb-when-property').hidden = kind !== 'write';
    $('cb-when-value').hidden = kind !== 'write';
    $('cb-when-command').hidden = kind !== 'command';
  };
  $('cb-when-kind').onchange = kindShown;
  kindShown();
}

function addCase() {
  let suite;
  try {
    suite = JSON.parse($('suite-text').value);
  } catch (e) {
    say('cb-message', 'JSON: ' + e.message, true);
    return;
  }
  if (!Array.isArray(suite.cases)) suite = {cases: []};
  const then = $('cb-then').value.trim();
  if (!then) {
    say('cb-message', w('thenNeeded'), true);
    return;
  }
  const c = {name: $('cb-name').value.trim() || 'case ' + (suite.cases.length + 1)};
  if ($('cb-given-property').value) c.given = {[$('cb-given-property').value]: typed($('cb-given-value').value)};
  const kind = $('cb-when-kind').value;
  if (kind === 'write') c.when = {write: {property: $('cb-when-property').value, value: typed($('cb-when-value').value)}};
  if (kind === 'command') c.when = {command: $('cb-when-command').value};
  if ($('cb-settle').value.trim()) c.settle = $('cb-settle').value.trim();
  c.then = then;
  c.within = $('cb-within').value.trim() || '10s';
  suite.cases.push(c);
  $('suite-kind').value = 'test_suite';
  $('suite-text').value = JSON.stringify(suite, null, 2);
  say('cb-message', w('caseAdded').replace('{n}', String(suite.cases.length)));
}

async function submitSuite(kind, fields) {
  try {
    const r = await api('POST', '/api/v1/twins/' + enc($('report-twin').value) + '/actions', {kind, fields});
    say('suite-message', kind + ': ' + r.detail);
    showSuite(r.result || {});
  } catch (e) {
    say('suite-message', kind + ': ' + describe(e), true);
    showSuite({});
  }
}

/** Which part of which exam this is, the exam's time left, and once the exam is over its sheet. */
function showExam(view) {
  const line = $('exam');
  if (!view.exam) {
    line.hidden = true;
    return;
  }
  const e = view.exam;
  line.hidden = false;
  const over = e.parts.every(p => p.state === 'ended');
  const base = '/api/v1/sessions/' + enc(seat.session) + '/stations/' + enc(seat.station);
  // in the candidate's own order, between parts, the candidate starts the part they choose
  const choosing = e.order === 'candidate' && !over && !e.parts.some(p => ['running', 'paused'].includes(p.state))
    && e.parts.some(p => p.state === 'ended');
  const choices = choosing ? e.parts.filter(p => p.state === 'ready').map(p => el('button', {class: 'begin', 'data-station': p.station,
    onclick: () => begin(p.station)}, t('beginPart') + ': ' + tr(p, 'title'))) : [];
  line.replaceChildren(el('span', {id: 'exam-part'}, tf('examPart', {title: tr(e, 'title'), n: e.part, of: e.of, left: mmss(e.remainingSeconds)})),
    ...choices,
    ...(over ? [' · ', el('span', {}, t('examOver')), ' ', el('a', {id: 'exam-sheet', href: base + '/exam.html?lang=' + lang(), target: '_blank'}, t('examSheet'))] : []));
}

async function begin(station) {
  try {
    await api('POST', '/api/v1/sessions/' + enc(seat.session) + '/stations/' + enc(station) + '/begin');
    seat = await api('GET', '/api/v1/me/station');
  } catch (e) {
    say('status', describe(e), true);
  }
  refresh();
}

async function refresh() {
  let view;
  try {
    view = await api('GET', '/api/v1/sessions/' + enc(seat.session) + '/stations/' + enc(seat.station) + '/candidate');
  } catch (e) {
    say('status', describe(e), true);
    return;
  }
  if (view.exam && !['running', 'paused'].includes(view.state)) {
    // a part of an exam not running: the candidate's station is the part running now, if one is
    const now = await api('GET', '/api/v1/me/station').catch(() => seat);
    if (now.station !== seat.station) {
      seat = now;
      return refresh();
    }
  }
  $('title').textContent = seat.station + ' · ' + tr(view, 'title');
  showExam(view);
  $('state').textContent = code('state', view.state);
  $('state').className = 'state ' + view.state;
  $('timer').textContent = mmss(view.remainingSeconds);
  $('briefing').textContent = tr(view, 'briefing');
  $('announced').textContent = view.announcedFaults && view.announcedFaults.length ? t('announced') + ': ' + view.announcedFaults.join(', ') : '';
  const ended = view.state === 'ended';
  $('hand-in').disabled = !['running', 'paused'].includes(view.state);
  say('status', view.state === 'ready' ? t('waiting') : '');
  // locked by what the server says of the station, so a reload finds it locked too
  $('work').disabled = ended;
  $('export-link').toggleAttribute('hidden', ended);
  $('locked').hidden = !ended;
  $('locked').textContent = ended ? (view.handedIn ? w('handedIn') : w('endedLocked')) : '';
  showTasks(view);
  if (view.state === 'running' && !opened) await openWork(view);
  if (ended) await showResult(); else $('result').hidden = true;
}

/** The candidate's own result, once their station has ended: the total and verdict, and each check they could see. */
async function showResult() {
  let r;
  try {
    r = await api('GET', '/api/v1/sessions/' + enc(seat.session) + '/stations/' + enc(seat.station) + '/result');
  } catch (e) {
    $('result').hidden = true;
    return;
  }
  $('result').hidden = false;
  // no pass or fail while a judgement is open: the total so far, provisional
  $('result-total').textContent = t('total') + ' ' + r.total.toFixed(1) + ' · ' + t('passMark') + ' ' + r.passMark + ' · '
    + (r.result === 'pending' ? t('provisional') + ' — ' + t('resultPending') : t(r.result));
  $('result-total').className = 'total ' + r.result;
  $('result-total').dataset.result = r.result;
  const now = lang() + JSON.stringify(r.checks);
  if ($('result-checks').dataset.shown === now) return;
  $('result-checks').dataset.shown = now;
  $('result-checks').replaceChildren(...r.checks.map(c => el('li', {'data-check': c.check, class: c.status},
    checkName(c) + ': ' + (w('status')[c.status] || c.status))));
}

(async () => {
  await page(['candidate']);
  try {
    seat = await api('GET', '/api/v1/me/station');
  } catch (e) {
    // seated nowhere: the page says so and offers nothing to act with
    say('status', e instanceof ApiError && e.status === 404 ? t('noStation') : describe(e), true);
    return;
  }
  $('hand-in').hidden = false;
  document.querySelectorAll('.seated').forEach(x => { x.hidden = false; });
  $('binding-preview').onclick = preview;
  $('binding-save').onclick = save;
  $('binding-text').oninput = () => {
    try {
      fillForm(editedBinding());
    } catch (e) {
      // the JSON is being typed: the form follows once it parses
    }
    schedulePreview();
  };
  FORM_FIELDS.forEach(f => { $(f.id).oninput = formChanged; $(f.id).onchange = formChanged; });
  for (const [id, key] of [['bf-property-label', 'property'], ['bf-connection-label', 'connection'], ['bf-address-label', 'address'],
    ['bf-sampling-label', 'sampling'], ['bf-scale-label', 'scale'], ['bf-offset-label', 'offset'], ['bf-deadband-label', 'deadband'],
    ['binding-json-label', 'asJson']]) {
    $(id).textContent = w(key);
  }
  $('report-send').onclick = () => {
    const fields = {};
    ['alarm_code', 'cause_category', 'property', 'symptom', 'cause', 'action', 'text'].forEach(f => { const v = $('report-' + f).value.trim(); if (v) fields[f] = v; });
    const quoted = $('report-value').value.trim();
    if (quoted) fields.value = Number.isNaN(Number(quoted)) ? quoted : Number(quoted); // the server names a value that is no number
    action($('report-twin').value, 'report', fields, 'report-message');
  };
  $('suite-kind').onchange = () => {
    // a box still holding the other kind's template gets this kind's; the candidate's own text stays
    if (Object.values(SUITE_TEMPLATES).includes($('suite-text').value)) $('suite-text').value = SUITE_TEMPLATES[$('suite-kind').value];
  };
  $('suite-run').onclick = () => {
    try {
      submitSuite($('suite-kind').value, JSON.parse($('suite-text').value));
    } catch (e) {
      say('suite-message', 'JSON: ' + e.message, true);
    }
  };
  $('cb-add').onclick = addCase;
  for (const [id, key] of [['cb-legend', 'caseBuilder'], ['cb-name-label', 'caseName'], ['cb-given-label', 'given'], ['cb-when-label', 'when'],
    ['cb-then-label', 'then'], ['cb-settle-label', 'settle'], ['cb-within-label', 'within'], ['cb-add', 'addCase']]) {
    $(id).textContent = w(key);
  }
  $('report-twin').addEventListener('change', () => prepareCaseBuilder().catch(e => say('cb-message', describe(e), true)));
  $('artefact-send').onclick = submitArtefact;
  $('backup').onclick = () => action($('report-twin').value, 'backup', {}, 'file-message');
  // the twin application's package: another version over the running one, or back to the one before
  $('upgrade').onclick = () => action($('report-twin').value, 'upgrade', {version: $('upgrade-version').value.trim()}, 'upgrade-message');
  $('rollback').onclick = () => action($('report-twin').value, 'rollback', {}, 'upgrade-message');
  $('hand-in').onclick = async () => {
    if (!confirm(t('handIn') + '?')) return;
    try {
      await api('POST', '/api/v1/sessions/' + enc(seat.session) + '/stations/' + enc(seat.station) + '/hand-in');
    } catch (e) {
      say('status', describe(e), true);
    }
    refresh();
  };
  await refresh();
  setInterval(refresh, 2000);
  // the preview follows the live value while the editor is open
  setInterval(() => editing && !$('binding-editor').hidden && preview(), 2000);
})();
