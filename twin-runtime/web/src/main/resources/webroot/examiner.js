// The examiner's dashboard: sessions, every station at a glance, one station in full with its live
// twin, checks, judgements marked beside their evidence, faults and action timeline.
let me;
let current = {session: null, station: null};
let scenarios = [];
let exams = [];
let twinsKnown = [];
let timer = null;

const $ = id => document.getElementById(id);
const enc = encodeURIComponent;

function show(view) {
  ['list-view', 'session-view', 'station-view'].forEach(v => { $(v).hidden = v !== view; });
}

async function step(messageId, what, call) {
  try {
    await call();
    say(messageId, what + ' ✓');
    await refresh();
  } catch (e) {
    say(messageId, what + ': ' + describe(e), true);
  }
}

// ---- the list of sessions and the planning form

async function listSessions() {
  const all = await api('GET', '/api/v1/sessions');
  const table = $('sessions');
  table.replaceChildren(el('tr', {}, el('th', {}, t('scenarioId')), el('th', {}, t('sessionTitle')), el('th', {}, t('state')), el('th')));
  for (const s of all) {
    table.append(el('tr', {}, el('td', {}, s.id), el('td', {}, s.title), el('td', {}, s.ended ? t('end') : s.stations.map(x => code('state', x.state)).join(', ')),
      el('td', {}, el('button', {'data-session': s.id, onclick: () => openSession(s.id)}, t('open')))));
  }
}

/** The accounts that may sit and mark, and the plan's rules, from GET /api/v1/planning. */
let planning = {candidates: [], examiners: [], rules: {minExaminersPerStation: 3, examNeedsOddExaminers: true, maxStationsPerExaminer: 5}};

/** What a station sets, by the select's value: a scenario, or an exam (exam:<id>), with its title, level and rigs. */
function setOf(value) {
  if (value.startsWith('exam:')) {
    const e = exams.find(x => x.id === value.slice('exam:'.length));
    return e ? {exam: true, id: e.id, rigs: e.rigs || [], item: e} : null;
  }
  const s = scenarios.find(x => x.id === value);
  return s ? {exam: false, id: s.id, rigs: s.rigs || [], item: s} : null;
}

const who = a => a.displayName && a.displayName !== a.name ? a.displayName + ' (' + a.name + ')' : a.name;

function stationRow(i) {
  const byLevel = (a, b) => a.level - b.level || tr(a, 'title').localeCompare(tr(b, 'title'));
  // a station sets a scenario, or a practical exam of several parts (exam:<id>), picked by level and title
  const scenario = el('select', {class: 'plan-scenario', 'aria-label': t('scenario')},
    ...exams.slice().sort(byLevel).map(e => el('option', {value: 'exam:' + e.id, title: e.id}, 'L' + e.level + ' · ' + t('exam') + ' · ' + tr(e, 'title'))),
    ...scenarios.slice().sort(byLevel).map(s => el('option', {value: s.id, title: s.id}, 'L' + s.level + ' · ' + tr(s, 'title'))));
  const candidate = el('select', {class: 'plan-candidate', 'aria-label': t('candidate')}, el('option', {value: ''}, '—'),
    ...planning.candidates.map(c => el('option', {value: c.name}, who(c))));
  const twins = el('span', {class: 'plan-twins'});
  const examiners = el('span', {class: 'plan-examiners'}, ...planning.examiners.map(e => el('label', {class: 'inline'},
    el('input', {type: 'checkbox', class: 'plan-examiner', value: e.name, checked: me.role === 'examiner' && e.name === me.user}), who(e))));
  // the twins that fit: one picker per rig the scenario needs, offering only twins of that rig's model
  const fitTwins = () => {
    const set = setOf(scenario.value);
    twins.replaceChildren(...(set ? set.rigs : []).map((rig, k) => el('select', {class: 'plan-twin', 'data-rig': rig, title: rig, 'aria-label': t('twins') + ' ' + rig},
      el('option', {value: ''}, rig + ' …'), ...twinsKnown.filter(x => x.model === rig).map(x => el('option', {value: x.id}, x.id)))));
    checkPlan();
  };
  scenario.onchange = fitTwins;
  const row = el('tr', {class: 'plan-station'},
    el('td', {}, el('input', {class: 'plan-id', 'aria-label': t('station'), size: 6, value: 's' + (i + 1), oninput: checkPlan})),
    el('td', {}, scenario), el('td', {}, candidate), el('td', {}, twins), el('td', {}, examiners));
  row.addEventListener('change', checkPlan);
  setTimeout(fitTwins);
  return row;
}

function planStations() {
  return [...document.querySelectorAll('tr.plan-station')].map(r => {
    const set = r.querySelector('.plan-scenario').value;
    return Object.assign({id: r.querySelector('.plan-id').value.trim()},
      set.startsWith('exam:') ? {exam: set.slice('exam:'.length)} : {scenario: set},
      {candidate: r.querySelector('.plan-candidate').value,
        twins: [...r.querySelectorAll('.plan-twin')].map(x => x.value),
        examiners: [...r.querySelectorAll('.plan-examiner:checked')].map(x => x.value)});
  });
}

/** The plan's rules in words, shown before anything is submitted. */
function showPlanRules() {
  const r = planning.rules;
  $('plan-rules').replaceChildren(...[tf('ruleExamExaminers', {n: r.minExaminersPerStation}), tf('ruleScenarioExaminers', {n: r.minExaminersPerStation}),
    tf('ruleStationsPerExaminer', {n: r.maxStationsPerExaminer}), t('ruleOneStation')].map(x => el('li', {}, x)));
}

/** Checks the plan against the rules as it is filled in: problems stop the creation, warnings do not. */
function checkPlan() {
  const r = planning.rules;
  const out = [];
  const stations = planStations();
  const seen = {candidate: new Set(), twin: new Set()};
  const load = new Map();
  stations.forEach((s, i) => {
    const at = tf('planStationN', {n: i + 1, id: s.id || '?'});
    const set = setOf(s.exam ? 'exam:' + s.exam : s.scenario);
    const n = s.examiners.length;
    if (!s.id) out.push({bad: true, text: at + ': ' + t('planNeedsId')});
    if (!s.candidate) out.push({bad: true, text: at + ': ' + t('planNeedsCandidate')});
    else if (seen.candidate.has(s.candidate)) out.push({bad: true, text: at + ': ' + tf('planCandidateTwice', {who: s.candidate})});
    seen.candidate.add(s.candidate);
    s.twins.forEach((x, k) => {
      if (!x) out.push({bad: true, text: at + ': ' + tf('planNeedsTwin', {rig: set ? set.rigs[k] : '?'})});
      else if (seen.twin.has(x)) out.push({bad: true, text: at + ': ' + tf('planTwinTwice', {twin: x})});
      seen.twin.add(x);
    });
    if (set && set.exam && (n < r.minExaminersPerStation || n % 2 === 0)) out.push({bad: true, text: at + ': ' + tf('planExamExaminers', {n})});
    else if (n === 0) out.push({bad: true, text: at + ': ' + t('planNeedsExaminer')});
    else if (n < r.minExaminersPerStation) out.push({bad: false, text: at + ': ' + tf('planFewExaminers', {n, min: r.minExaminersPerStation})});
    s.examiners.forEach(e => load.set(e, (load.get(e) || 0) + 1));
  });
  load.forEach((n, e) => {
    if (n > r.maxStationsPerExaminer) out.push({bad: false, text: tf('planExaminerLoad', {who: e, n, max: r.maxStationsPerExaminer})});
  });
  $('plan-check').replaceChildren(...(out.length ? out : [{bad: false, ok: true, text: t('planFine')}])
    .map(x => el('li', {class: x.bad ? 'bad' : x.ok ? 'ok' : 'warn'}, x.text)));
  $('create-session').disabled = out.some(x => x.bad);
  return out;
}

/** A server's field path (stations[0].twins[1]) in the form's own words: the station's row and the column's label. */
function fieldInWords(field) {
  const m = /^stations\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?/.exec(field || '');
  if (!m) return field === 'title' ? t('sessionTitle') : field === 'stations' ? t('planStations') : field;
  const row = document.querySelectorAll('tr.plan-station')[Number(m[1])];
  const id = row ? row.querySelector('.plan-id').value.trim() : '';
  const label = {id: 'station', scenario: 'scenario', exam: 'scenario', candidate: 'candidate', twins: 'twins', examiners: 'examiners'}[m[2]];
  return tf('planStationN', {n: Number(m[1]) + 1, id: id || '?'}) + (label ? ' · ' + t(label) + (m[3] !== undefined ? ' ' + (Number(m[3]) + 1) : '') : '');
}

function planError(e) {
  if (!(e instanceof ApiError) || !e.body || !e.body.problems || !e.body.problems.length) return describe(e);
  return e.body.problems.map(p => fieldInWords(p.field) + ': ' + errorWords(p.message)).join('\n');
}

async function createSession() {
  const body = {stations: planStations()};
  if ($('session-title').value.trim()) body.title = $('session-title').value.trim();
  try {
    const s = await api('POST', '/api/v1/sessions', body);
    say('create-message', s.id + ' ✓' + (s.warnings.length ? ' — ' + s.warnings.join('; ') : ''));
    await openSession(s.id);
  } catch (e) {
    say('create-message', planError(e), true);
  }
}

// ---- one session: every station at a glance

/** Keeps the session and station open in the address, so a reload (a change of language) comes back to them. */
function remember() {
  const q = new URLSearchParams();
  if (current.session) q.set('session', current.session);
  if (current.session && current.station) q.set('station', current.station);
  // the hall's order and filters too, so a reload shows the same rows
  if (current.session && (hall.sort.key !== 'id' || hall.sort.dir < 0)) q.set('sort', (hall.sort.dir < 0 ? '-' : '') + hall.sort.key);
  if (current.session && $('hall-state').value) q.set('state', $('hall-state').value);
  if (current.session && $('hall-filter').value.trim()) q.set('filter', $('hall-filter').value.trim());
  history.replaceState(null, '', location.pathname + (q.toString() ? '?' + q : ''));
}

async function openSession(id) {
  current = {session: id, station: null};
  remember();
  $('sheets-csv').href = '/api/v1/sessions/' + enc(id) + '/sheets.csv';
  $('evidence-link').href = '/api/v1/sessions/' + enc(id) + '/evidence';
  show('session-view');
  await refresh();
}

// ---- the hall: every station of the session in one dense table, sortable and filterable

/** What the hall knows of each station, by id: the session's summary, the station's scores, its alarms. */
let hall = {session: null, rows: new Map(), sort: {key: 'id', dir: 1}};

/** A station's result only when it is final: pending while any check is open. */
function resultWord(d) {
  if (!d || d.result === 'pending' || !d.result) return {word: t('hallPending'), cls: 'pending'};
  return {word: t(d.result), cls: d.result};
}

/** Checks passed, failed and still open, measured and judged together: never a count of passes alone. */
function checkCounts(st, d) {
  if (d && d.checks) {
    const by = s => d.checks.filter(c => c.status === s).length;
    return {passed: by('passed'), failed: by('failed'), pending: d.checks.length - by('passed') - by('failed')};
  }
  const p = st.progress;
  return {passed: p.passed, failed: p.failed, pending: p.measured - p.passed - p.failed + p.judgements - p.marked};
}

/** The judged checks still waiting for this examiner's mark (for staff: for any combined mark). */
function toMark(st, d) {
  if (!d || !d.checks) return st.progress.judgements - st.progress.marked;
  // an examiner's mark is done once confirmed: entered but not confirmed is still theirs to finish
  return d.checks.filter(c => c.kind === 'judgement' && !(me.role === 'examiner' ? (c.confirmed || []).includes(me.user) : c.status !== 'unmarked' && c.marks))
    .length;
}

function hallValues(r) {
  const {st, d, alarms} = r;
  const counts = checkCounts(st, d);
  const last = d ? d.lastAction : null;
  return {id: st.id, candidate: st.candidate, state: st.state, remaining: st.remainingSeconds,
    earned: d && d.points ? d.points.earned : -1, result: resultWord(d).word, failed: counts.failed, alarms: alarms.length,
    last: last ? last.elapsedSeconds : -1, lastText: last ? mmss(last.elapsedSeconds) + ' ' + last.kind : '—', toMark: toMark(st, d), counts};
}

function hallRow(session, st) {
  let row = document.getElementById('station-' + st.id);
  if (row) return row;
  const cell = cls => el('td', {class: cls});
  row = el('tr', {class: 'station', id: 'station-' + st.id, 'data-station': st.id},
    el('td', {class: 'c-id', title: 'L' + st.level + ' ' + tr(st, 'title')}, st.id, st.exam ? el('span', {class: 'exam'}) : null),
    el('td', {class: 'c-candidate', title: st.twins.join(', ') + ' · ' + t('examiners') + ': ' + st.examiners.join(', ')}, st.candidate),
    el('td', {}, el('span', {class: 'state'})), cell('c-time'), cell('c-points'), cell('c-result'), cell('c-checks'),
    cell('c-alarms'), cell('c-last'), cell('c-mark'), el('td', {class: 'buttons'}));
  $('stations').append(row);
  return row;
}

function updateHallRow(session, r) {
  const {st} = r;
  const v = hallValues(r);
  const row = hallRow(session, st);
  const state = row.querySelector('.state');
  state.className = 'state ' + st.state;
  state.textContent = code('state', st.state);
  row.querySelector('.c-time').textContent = mmss(st.remainingSeconds);
  if (st.exam) {
    const exam = row.querySelector('.exam');
    exam.textContent = tf('examPart', {title: tr(st.exam, 'title'), n: st.exam.part, of: st.exam.of, left: mmss(st.exam.remainingSeconds)});
    exam.title = exam.textContent;
  }
  const points = row.querySelector('.c-points');
  points.textContent = r.d && r.d.points ? fmt(r.d.points.earned) + ' / ' + fmt(r.d.points.decided) + ' / ' + fmt(r.d.points.possible) : '…';
  points.title = t('hallPointsTitle');
  const res = resultWord(r.d);
  const result = row.querySelector('.c-result');
  result.textContent = res.word;
  result.className = 'c-result ' + res.cls;
  row.querySelector('.c-checks').textContent = tf('hallProgress', v.counts);
  const alarms = row.querySelector('.c-alarms');
  alarms.textContent = v.alarms || '';
  alarms.title = r.alarms.map(a => a.twin + ': ' + alarmText(a)).join('\n');
  row.classList.toggle('alarm', v.alarms > 0);
  row.classList.toggle('estop', r.alarms.some(a => a.alarm === 'estop' || /emergency|急停/i.test(a.message)));
  row.querySelector('.c-last').textContent = v.lastText;
  row.querySelector('.c-mark').textContent = v.toMark || '';
  row.classList.toggle('needs-marking', v.toMark > 0);
  if (state.dataset.state === st.state) return;
  state.dataset.state = st.state;
  const buttons = row.querySelector('.buttons');
  const post = (what, path, body) => step('session-message', st.id + ' ' + what,
    () => api('POST', '/api/v1/sessions/' + enc(session.id) + '/stations/' + enc(st.id) + path, body));
  buttons.replaceChildren();
  if (st.state === 'ready') buttons.append(el('button', {class: 'start', onclick: () => post(t('start'), '/start')}, t('start')));
  if (st.state === 'running') {
    buttons.append(el('button', {class: 'pause', onclick: async () => {
      const a = await ask({title: tf('pauseStation', {station: st.id}), reason: true});
      if (a) await post(t('pause'), '/pause', {reason: a.reason});
    }}, t('pause')));
  }
  if (st.state === 'paused') buttons.append(el('button', {class: 'resume', onclick: () => post(t('resume'), '/resume')}, t('resume')));
  buttons.append(el('button', {class: 'open', onclick: () => openStation(st.id)}, t('open')));
}

/** Sorts and filters the hall's rows as the examiner chose; what the filter hides stays up to date. */
function arrangeHall() {
  const body = $('stations');
  const wanted = $('hall-state').value;
  const text = $('hall-filter').value.trim().toLowerCase();
  const {key, dir} = hall.sort;
  const all = [...hall.rows.values()].map(r => ({r, v: hallValues(r)}));
  all.sort((a, b) => {
    const x = a.v[key];
    const y = b.v[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, {numeric: true});
    return c * dir || a.v.id.localeCompare(b.v.id, undefined, {numeric: true});
  });
  let shown = 0;
  for (const {r, v} of all) {
    const row = document.getElementById('station-' + r.st.id);
    const match = (!wanted || v.state === wanted)
      && (!text || [v.id, v.candidate, v.lastText, r.st.twins.join(' ')].some(x => String(x).toLowerCase().includes(text)));
    row.hidden = !match;
    if (match) shown++;
    body.append(row);
  }
  $('hall-shown').textContent = shown ? tf('hallShown', {shown, all: all.length}) : t('hallNone');
  document.querySelectorAll('#hall th[data-sort]').forEach(th => {
    th.classList.toggle('sorted', th.dataset.sort === key);
    th.dataset.dir = th.dataset.sort === key ? (dir > 0 ? 'asc' : 'desc') : '';
  });
  const states = {ready: 0, running: 0, paused: 0, ended: 0};
  let alarms = 0;
  let marking = 0;
  all.forEach(({r, v}) => { states[v.state] = (states[v.state] || 0) + 1; alarms += v.alarms; marking += v.toMark; });
  $('hall-summary').textContent = tf('hallSummary', states) + ' · ' + tf('hallAlarmsTotal', {n: alarms}) + ' · ' + tf('hallToMarkTotal', {n: marking});
}

async function refreshSession() {
  const s = await api('GET', '/api/v1/sessions/' + enc(current.session) + '/hall');
  $('session-name').textContent = s.title + ' (' + s.id + ')' + (s.ended ? ' — ' + t('end') : '');
  $('session-warnings').textContent = s.warnings.map(reason).join(' · ');
  if (hall.session !== s.id) {
    $('stations').replaceChildren();
    hall = {session: s.id, rows: new Map(), sort: hall.sort};
  }
  // every station's row and its twins' alarms in one answer: one request per look, however many stations
  s.stations.forEach(st => {
    const r = {st, d: st, alarms: st.alarms.filter(a => a.active)};
    hall.rows.set(st.id, r);
    updateHallRow(s, r);
  });
  sessionAlarms(s);
  arrangeHall();
  ['start-all', 'pause-all', 'resume-all', 'end-session'].forEach(b => { $(b).disabled = s.ended; });
  await itemAnalysis(s);
}

// ---- the session's alarms: every station's, from the same answer as the hall

/**
 * The alarms each look at the hall saw, by station, twin and alarm: what changed between looks is
 * added to the panel's history. When the panel opens, the history is first read as it was recorded
 * (recordedAlarms), so it holds what happened before the page was open.
 */
let alarmsBefore = new Map();
const alarmLog = [];
let lastHall = null;

/** A twin's model, read once per page: the alarms' ids and their words. */
const modelsOfTwins = new Map();
function modelOfTwin(twin) {
  if (!modelsOfTwins.has(twin)) modelsOfTwins.set(twin, api('GET', '/api/v1/twins/' + enc(twin) + '/model').catch(() => ({alarms: []})));
  return modelsOfTwins.get(twin);
}

/**
 * Every alarm change of the session's stations as their twins' history recorded it since each
 * station started: an alarm.<id> point that turns true rose, one that turns false went off, one that
 * repeats the state it had was an acknowledgement.
 */
async function recordedAlarms(s) {
  const out = [];
  const oldest = Date.now() - 24 * 3600 * 1000; // raw history is served a day at a time
  await Promise.all(s.stations.map(async st => {
    const started = Date.parse(st.startedAt);
    if (!Number.isFinite(started)) return;
    const from = new Date(Math.max(started, oldest)).toISOString();
    await Promise.all((st.twins || []).map(async twin => {
      const model = await modelOfTwin(twin);
      const ids = (model.alarms || []).map(a => 'alarm.' + a.alarm);
      if (!ids.length) return;
      const h = await api('GET', '/api/v1/twins/' + enc(twin) + '/history?property=' + enc(ids.join(',')) + '&from=' + enc(from));
      for (const series of h.series || []) {
        const alarm = series.property.slice('alarm.'.length);
        const words = (model.alarms || []).find(a => a.alarm === alarm);
        const message = words && words.message ? (lang() === 'zh' ? words.message.zh : words.message.en) : '';
        let was = series.before ? series.before.value : false;
        for (const p of series.points || []) {
          const change = p.value === was ? 'alarmGotAck' : p.value ? 'alarmRose' : 'alarmWentOff';
          was = p.value;
          out.push({at: new Date(p.time), a: {station: st.id, twin, alarm, message}, change});
        }
      }
    }));
  }));
  return out.sort((x, y) => x.at - y.at);
}

/** Opens the session's alarm panel with its history as recorded, then follows it live. */
async function openSessionAlarms() {
  $('session-alarms').hidden = false;
  if (!lastHall) return;
  const recorded = await recordedAlarms(lastHall);
  // what this page saw itself and the history has not stored yet stays
  const seenHere = alarmLog.filter(x => !recorded.some(r => sameChange(r, x)));
  alarmLog.splice(0, alarmLog.length, ...[...recorded, ...seenHere].sort((x, y) => x.at - y.at).slice(-100));
  alarmLog.recorded = true;
  sessionAlarms(lastHall);
}

/** A change seen between two looks; one the recorded history already holds (read a moment ago) is not told twice. */
function logAlarm(a, change) {
  const seen = {at: new Date(), a, change};
  if (!(alarmLog.recorded && alarmLog.some(x => sameChange(x, seen)))) alarmLog.push(seen);
}

/** The same change of the same alarm, told twice (once as recorded, once as seen) within 15 s. */
function sameChange(x, y) {
  return x.change === y.change && x.a.station === y.a.station && x.a.twin === y.a.twin && x.a.alarm === y.a.alarm
    && Math.abs(x.at - y.at) < 15000;
}

function sessionAlarms(s) {
  lastHall = s;
  const now = new Map();
  s.stations.forEach(st => st.alarms.forEach(a => now.set(st.id + '|' + a.twin + '|' + a.alarm, Object.assign({station: st.id}, a))));
  if (alarmsBefore.session === s.id) {
    for (const [key, a] of now) {
      const was = alarmsBefore.get(key);
      if (!was || !was.active && a.active) logAlarm(a, a.active ? 'alarmRose' : 'alarmWentOff');
      else if (was.active && !a.active) logAlarm(a, 'alarmWentOff');
      else if (!was.acknowledged_by && a.acknowledged_by) logAlarm(a, 'alarmGotAck');
    }
    // gone from the answer: cleared and acknowledged
    for (const [key, a] of alarmsBefore) if (!now.has(key)) logAlarm(a, a.active ? 'alarmWentOff' : 'alarmGotAck');
    alarmLog.splice(0, Math.max(0, alarmLog.length - 100));
  } else {
    alarmLog.length = 0;
    alarmLog.recorded = false;
  }
  alarmsBefore = now;
  alarmsBefore.session = s.id;
  const all = [...now.values()];
  const active = all.filter(a => a.active).length;
  $('session-alarms-toggle').textContent = tf('sessionAlarmsToggle', {n: active});
  $('session-alarms-toggle').classList.toggle('bad', active > 0);
  // acknowledging is for trainers and administrators; an examiner watches
  const mayAck = ['admin', 'trainer'].includes(me.role);
  const shown = lang() + mayAck + JSON.stringify(all);
  if ($('session-alarm-list').dataset.shown !== shown) {
    $('session-alarm-list').dataset.shown = shown;
    $('session-alarm-list').replaceChildren(...(all.length ? [el('tr', {}, el('th', {}, t('station')), el('th', {}, t('twins')),
      el('th', {}, t('alarms')), el('th', {}, t('alarmSeverity')), el('th', {}, t('state')), el('th', {}, t('alarmRaised')), el('th'))]
      : [el('tr', {}, el('td', {}, t('none')))]),
    ...all.map(a => el('tr', {class: 'alarm-row' + (a.active ? ' active' : ''), 'data-station': a.station, 'data-twin': a.twin, 'data-alarm': a.alarm},
      el('td', {}, a.station), el('td', {}, a.twin), el('td', {title: a.condition || ''}, a.alarm + ': ' + a.message), el('td', {}, a.severity),
      el('td', {}, (a.active ? t('alarmActive') : t('alarmCleared')) + ' · '
        + (a.acknowledged_by ? tf('alarmAcked', {by: a.acknowledged_by, at: new Date(a.acknowledged_at).toLocaleTimeString()}) : t('alarmNotAcked'))),
      el('td', {}, a.raisedAt ? new Date(a.raisedAt).toLocaleTimeString() : ''),
      el('td', {}, mayAck && !a.acknowledged_by ? el('button', {class: 'ack', onclick: () => step('session-message', t('alarmAck') + ' ' + a.twin + ' ' + a.alarm,
        () => api('POST', '/api/v1/twins/' + enc(a.twin) + '/alarms/' + enc(a.alarm) + '/ack'))}, t('alarmAck')) : ''))));
  }
  $('session-alarm-history').replaceChildren(...(alarmLog.length ? [el('tr', {}, el('th', {}, t('time')), el('th', {}, t('station')),
    el('th', {}, t('twins')), el('th', {}, t('alarms')), el('th', {}, t('alarmChange')))] : [el('tr', {}, el('td', {}, t('none')))]),
  ...alarmLog.slice().reverse().map(x => el('tr', {class: 'alarm-change ' + x.change, 'data-station': x.a.station, 'data-alarm': x.a.alarm},
    el('td', {}, x.at.toLocaleTimeString()), el('td', {}, x.a.station), el('td', {}, x.a.twin), el('td', {}, x.a.alarm + ': ' + x.a.message),
    el('td', {}, t(x.change)))));
}

// ---- the page's own dialog, in place of the browser's prompt and confirm

/**
 * Asks in the page's dialog: a reason, minutes, or only a yes. Answers the values given, or null
 * when the examiner cancels.
 */
function ask({title, reason = false, minutes = false, reasonValue = ''}) {
  const dialog = $('ask');
  $('ask-title').textContent = title;
  $('ask-reason-field').hidden = !reason;
  $('ask-minutes-field').hidden = !minutes;
  $('ask-reason').value = reasonValue;
  $('ask-minutes').value = '5';
  say('ask-message', '');
  return new Promise(resolve => {
    const ok = $('ask-ok');
    const finish = answer => {
      ok.onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    ok.onclick = e => {
      e.preventDefault();
      const out = {};
      if (reason) {
        out.reason = $('ask-reason').value.trim();
        if (!out.reason) { say('ask-message', t('reasonNeeded'), true); return; }
      }
      if (minutes) {
        out.minutes = Number($('ask-minutes').value);
        if (!Number.isInteger(out.minutes) || out.minutes < 1 || out.minutes > 120) { say('ask-message', t('minutesNeeded'), true); return; }
      }
      finish(out);
    };
    dialog.onclose = () => finish(null);
    dialog.showModal();
    (reason ? $('ask-reason') : minutes ? $('ask-minutes') : ok).focus();
  });
}

// ---- a station's alarms: what is active or unacknowledged now, and the changes seen while the page is open

const alarmsSeen = [];
const alarmFollowed = new Set();

async function refreshAlarms(twins) {
  const all = [];
  for (const twin of twins) {
    try {
      (await api('GET', '/api/v1/twins/' + enc(twin) + '/alarms')).forEach(a => all.push(Object.assign({twin}, a)));
    } catch (e) { /* a twin no longer the examiner's to watch */ }
  }
  // acknowledging is the candidate's action, and staff's: an examiner watches, and does not act for the candidate
  const mayAck = ['admin', 'trainer'].includes(me.role);
  const shown = lang() + mayAck + JSON.stringify(all);
  if ($('station-alarm-list').dataset.shown === shown) return;
  $('station-alarm-list').dataset.shown = shown;
  $('station-alarm-list').replaceChildren(...(all.length ? [el('tr', {}, el('th', {}, t('twin')), el('th', {}, t('alarms')),
    el('th', {}, t('alarmSeverity')), el('th', {}, t('state')), el('th', {}, t('alarmRaised')), el('th'))] : [el('tr', {}, el('td', {}, t('none')))]),
  ...all.map(a => el('tr', {class: 'alarm-row' + (a.active ? ' active' : ''), 'data-twin': a.twin, 'data-alarm': a.alarm},
    el('td', {}, a.twin), el('td', {title: a.condition || ''}, a.alarm + ': ' + alarmText(a)), el('td', {}, code('severity', a.severity)),
    el('td', {class: 'alarm-state'}, (a.active ? t('alarmActive') : t('alarmCleared')) + ' · '
      + (a.acknowledged_by ? tf('alarmAcked', {by: a.acknowledged_by, at: new Date(a.acknowledged_at).toLocaleTimeString()}) : t('alarmNotAcked'))),
    el('td', {}, a.raisedAt ? new Date(a.raisedAt).toLocaleTimeString() : ''),
    el('td', {}, mayAck && !a.acknowledged_by ? el('button', {class: 'ack', onclick: () => step('station-message', t('alarmAck') + ' ' + a.alarm,
      () => api('POST', '/api/v1/twins/' + enc(a.twin) + '/alarms/' + enc(a.alarm) + '/ack'))}, t('alarmAck')) : ''))));
}

/** Each alarm's rises and clears over the last hour, from the twins' history (alarm.<id>, true while active). */
let alarmHistoryDrawn = 0;

async function alarmHistory(twins) {
  alarmHistoryDrawn = Date.now();
  const to = new Date();
  const from = new Date(to.getTime() - 60 * 60 * 1000);
  const rows = [];
  for (const twin of twins) {
    try {
      const model = await api('GET', '/api/v1/twins/' + enc(twin) + '/model');
      const ids = (model.alarms || []).map(a => a.alarm);
      if (!ids.length) continue;
      const h = await api('GET', '/api/v1/twins/' + enc(twin) + '/history?from=' + from.toISOString() + '&to=' + to.toISOString()
        + '&property=' + enc(ids.map(id => 'alarm.' + id).join(',')));
      for (const series of h.series || []) {
        for (const p of series.points || []) rows.push({twin, alarm: series.property.slice('alarm.'.length), time: new Date(p.time), active: p.value === true});
      }
    } catch (e) { /* no history for this twin now */ }
  }
  rows.sort((a, b) => b.time - a.time);
  $('alarm-history').replaceChildren(...(rows.length ? rows.slice(0, 100).map(r => el('tr', {class: 'alarm-change' + (r.active ? ' active' : ''),
    'data-twin': r.twin, 'data-alarm': r.alarm}, el('td', {}, r.time.toLocaleTimeString()), el('td', {}, r.twin), el('td', {}, r.alarm),
    el('td', {}, r.active ? t('alarmActive') : t('alarmCleared')))) : [el('tr', {}, el('td', {}, t('none')))]));
}

function alarmSeen(twin, c) {
  alarmsSeen.unshift({twin, at: new Date(), c});
  alarmsSeen.splice(50);
  $('alarm-seen').replaceChildren(...alarmsSeen.map(x => el('tr', {}, el('td', {}, x.at.toLocaleTimeString()), el('td', {}, x.twin),
    el('td', {}, x.c.alarm + ': ' + alarmText(x.c, x.twin)), el('td', {}, x.c.active ? t('alarmActive') : t('alarmCleared')),
    el('td', {}, x.c.acknowledged_by ? tf('alarmAcked', {by: x.c.acknowledged_by, at: new Date(x.c.acknowledged_at).toLocaleTimeString()}) : ''))));
}

// ---- one station in full

async function openStation(id) {
  current.station = id;
  remember();
  show('station-view');
  const base = '/api/v1/sessions/' + enc(current.session) + '/stations/' + enc(id);
  $('sheet-html').href = base + '/sheet.html?lang=' + lang();
  $('sheet-pdf').href = base + '/sheet.pdf?lang=' + lang();
  const st = await api('GET', base);
  // a part of an exam: the exam's sheet over all its parts beside the part's own
  $('exam-sheets').hidden = !st.exam;
  $('exam-sheet-html').href = base + '/exam.html?lang=' + lang();
  $('exam-sheet-pdf').href = base + '/exam.pdf?lang=' + lang();
  delete $('checks').dataset.shown;
  delete $('judgements').dataset.shown;
  delete $('actions').dataset.shown;
  alarmHistoryDrawn = 0;
  const twins = $('station-twins');
  twins.replaceChildren();
  const select = $('chart-property');
  select.replaceChildren();
  for (const twin of st.twins) {
    try {
      const model = await twinPanel(twins, twin, {controls: 'examiner'});
      // numbers first: they chart best
      const props = Object.values(model.values).sort((a, b) => (typeof b.value === 'number') - (typeof a.value === 'number'));
      props.forEach(p => select.append(el('option', {value: twin + '|' + p.property}, twin + ' ' + p.property)));
    } catch (e) {
      // an ended session's twins are no longer the examiner's to watch
      twins.append(el('section', {class: 'card'}, twin + ': ' + describe(e)));
    }
  }
  // the station's alarms as they change, while the page is open
  st.twins.filter(twin => !alarmFollowed.has(twin)).forEach(twin => {
    alarmFollowed.add(twin);
    LiveFeed.follow(twin, c => { if (c.event === 'alarm') alarmSeen(twin, c); });
  });
  // the station in 3D with its values of now, drawn beside the rest of the page
  View3D.station($('station-3d'), st.twins, me.user);
  select.onchange = chart;
  await chart();
  await savedCharts(st.twins);
  await refresh();
}

/** The charts candidates saved on the station's twins, each drawn as saved: its properties over its window. */
async function savedCharts(twinIds) {
  const select = $('saved-chart');
  select.replaceChildren();
  for (const twin of twinIds) {
    const list = await api('GET', '/api/v1/twins/' + enc(twin) + '/charts').catch(() => ({charts: []}));
    list.charts.forEach(c => select.append(el('option', {value: twin + '|' + c.name}, twin + ' ' + c.name + ' (' + c.who + ')')));
  }
  if (!select.options.length) select.append(el('option', {value: ''}, t('noCharts')));
  select.onchange = drawSaved;
  await drawSaved();
}

async function drawSaved() {
  const canvas = $('saved-chart-canvas');
  if (canvas.chart) canvas.chart.destroy();
  canvas.chart = null;
  const [twin, name] = $('saved-chart').value.split('|');
  $('saved-chart-window').textContent = '';
  if (!name) return;
  const c = await api('GET', '/api/v1/twins/' + enc(twin) + '/charts/' + enc(name)).catch(() => null);
  if (!c) return;
  const from = new Date(c.chart.from);
  $('saved-chart-window').textContent = c.chart.from + ' – ' + c.chart.to;
  const datasets = (c.series || []).map(s => ({label: s.property, pointRadius: 0, borderWidth: 1.5,
    data: s.points.filter(p => typeof p.value === 'number').map(p => ({x: (new Date(p.time) - from) / 1000, y: p.value}))}));
  canvas.chart = new Chart(canvas, {type: 'line', data: {datasets},
    options: {animation: false, parsing: false, scales: {x: {type: 'linear', title: {display: true, text: 's'}}}}});
  canvas.dataset.series = datasets.map(d => d.label).join(',');
}

/** The most points the live chart keeps: ten minutes of 2 s steps, and what arrived since. */
const CHART_POINTS = 1200;
let chartFollowed = new Set();

/** The stored history of the chosen property, then each new sample from the live feed appended as it arrives. */
async function chart() {
  const [twin, property] = $('chart-property').value.split('|');
  const canvas = $('chart');
  if (!twin) return;
  await historyChart(canvas, twin, property).catch(() => {});
  chartShown(canvas);
  if (chartFollowed.has(twin)) return;
  chartFollowed.add(twin);
  LiveFeed.follow(twin, c => { if (c.event === 'property') chartSample(twin, c); });
}

function chartSample(twin, c) {
  const canvas = $('chart');
  const [shownTwin, property] = $('chart-property').value.split('|');
  if (twin !== shownTwin || c.property !== property || !canvas.chart || typeof c.value !== 'number') return;
  const at = new Date(c.receivedTime || c.sourceTime || Date.now());
  const data = canvas.chart.data.datasets[0].data;
  data.push({x: Math.round((at - canvas.chartOrigin) / 100) / 10, y: c.value});
  if (data.length > CHART_POINTS) data.splice(0, data.length - CHART_POINTS);
  canvas.chart.update('none');
  chartShown(canvas);
}

/** How many points the chart holds and the newest one's time: what a reader (or a test) can check grows. */
function chartShown(canvas) {
  const data = canvas.chart ? canvas.chart.data.datasets[0].data : [];
  canvas.dataset.points = data.length;
  canvas.dataset.last = data.length ? data[data.length - 1].x : '';
}

/** What earns each mark of a judged check, by check: labels the mark choices wherever they are. */
let rubrics = {};

function descriptor(check, mark) {
  const d = (rubrics[check] || [])[mark];
  return d ? (lang() === 'zh' ? d.zh : d.en) : '';
}

function giveMark(check, mark) {
  return step('station-message', t('mark') + ' ' + check + ': ' + mark,
    () => api('POST', '/api/v1/sessions/' + enc(current.session) + '/stations/' + enc(current.station) + '/marks', {check, mark}));
}

function markControl(check) {
  const mine = check.marks ? check.marks[me.user] : undefined;
  if (me.role !== 'examiner') return el('span');
  const locked = (check.confirmed || []).includes(me.user);
  const select = el('select', {class: 'mark', 'data-check': check.check, disabled: locked ? '' : null, 'aria-label': t('mark') + ' ' + check.check},
    el('option', {value: ''}, '—'), ...[0, 1, 2, 3].map(m => el('option', {value: m, selected: mine === m, title: descriptor(check.check, m)}, m)));
  select.onchange = () => select.value !== '' && giveMark(check.check, Number(select.value));
  return select;
}

// ---- judgements beside their evidence

/** A value of an action's field as a reader reads it: text as it is, anything else as compact JSON. */
function plain(v) {
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const REPORT_FIELDS = ['alarm_code', 'symptom', 'cause', 'action', 'text'];

function fieldList(fields, order = []) {
  const keys = [...order.filter(k => k in fields), ...Object.keys(fields).filter(k => !order.includes(k))];
  return el('dl', {class: 'fields'}, ...keys.flatMap(k => [el('dt', {}, k), el('dd', {'data-field': k}, plain(fields[k]))]));
}

/** A binding before and after its edit, field by field, the changed ones marked. */
function bindingTable(binding) {
  const before = binding.before || {};
  const after = binding.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return el('table', {class: 'binding'}, el('tr', {}, el('th'), el('th', {}, t('before')), el('th', {}, t('after'))),
    ...keys.map(k => el('tr', {class: plain(before[k]) === plain(after[k]) ? '' : 'changed', 'data-field': k},
      el('td', {}, k), el('td', {class: 'before'}, binding.before ? plain(before[k]) : t('unbound')),
      el('td', {class: 'after'}, binding.after ? plain(after[k]) : t('deleted')))));
}

/** A submitted test suite: every case with its parts, and what grading it gave. */
function suiteTable(fields, result, parts) {
  const cases = Array.isArray(fields.cases) ? fields.cases : [];
  return el('div', {},
    el('table', {class: 'cases'}, el('tr', {}, el('th', {}, '#'), ...parts.map(p => el('th', {}, p))),
      ...cases.map((c, i) => el('tr', {'data-case': i}, el('td', {}, i + 1), ...parts.map(p => el('td', {}, c[p] === undefined ? '' : plain(c[p])))))),
    Object.keys(result || {}).length ? fieldList(result) : '');
}

/** A submitted artefact in full: its title and kind, its text, each section under its name, its figures, and what was measured of it. */
function artefactView(fields, result) {
  const sections = fields.sections && typeof fields.sections === 'object' ? fields.sections : {};
  const figures = fields.figures && typeof fields.figures === 'object' ? fields.figures : {};
  return el('div', {class: 'artefact'},
    el('h4', {}, plain(fields.title) + ' (' + plain(fields.kind) + ')'),
    fields.text ? el('p', {class: 'artefact-text', 'data-field': 'text'}, plain(fields.text)) : '',
    ...Object.keys(sections).flatMap(k => [el('h5', {}, k), el('p', {'data-section': k}, plain(sections[k]))]),
    Object.keys(figures).length ? el('table', {class: 'figures'}, ...Object.keys(figures).map(k =>
      el('tr', {'data-figure': k}, el('td', {}, k), el('td', {}, plain(figures[k]))))) : '',
    Object.keys(result || {}).length ? fieldList(result) : '');
}

function evidenceItem(a) {
  const head = el('div', {class: 'meta'}, mmss(a.elapsedSeconds) + ' · ' + a.who + ' · ' + a.kind
    + (a.accepted ? '' : ' · ' + t('refusedAction') + ': ' + a.detail));
  let body;
  if (a.kind === 'report') body = fieldList(a.fields, REPORT_FIELDS);
  else if (a.kind === 'test_suite') body = suiteTable(a.fields, a.result, ['name', 'given', 'settle', 'when', 'then', 'within']);
  else if (a.kind === 'security_suite') body = suiteTable(a.fields, a.result, ['name', 'write', 'expect']);
  else if (a.kind === 'mapping_test') body = suiteTable(a.fields, a.result, ['name', 'given', 'settle', 'when', 'property', 'tolerance', 'within', 'hold']);
  else if (a.kind === 'test_setup') body = suiteTable({cases: a.fields.probes}, a.result, ['property', 'connection', 'address', 'sampling_ms', 'transform']);
  else if (a.kind === 'perf_script') body = el('div', {}, fieldList(a.fields), fieldList(a.result || {}));
  else if (a.kind === 'artefact') body = artefactView(a.fields, a.result);
  else if (a.binding) body = bindingTable(a.binding);
  else body = fieldList(a.fields);
  return el('div', {class: 'evidence-item' + (a.accepted ? '' : ' failed'), 'data-kind': a.kind}, head, body);
}

function judgementCard(j) {
  const mine = j.marks ? j.marks[me.user] : undefined;
  const confirmedAt = (j.confirmed || {})[me.user];
  const choices = j.rubric.map(d => {
    const text = lang() === 'zh' ? d.zh : d.en;
    return me.role === 'examiner'
      ? el('button', {class: 'mark-choice' + (mine === d.mark ? ' mine' : ''), 'data-mark': d.mark, disabled: confirmedAt ? '' : null,
        onclick: () => giveMark(j.check, d.mark)}, el('b', {}, d.mark), ' ', text)
      : el('div', {class: 'mark-choice', 'data-mark': d.mark}, el('b', {}, d.mark), ' ', text);
  });
  const marks = j.marks ? Object.entries(j.marks).map(([k, v]) => k + ':' + v + ((j.confirmed || {})[k] ? ' ✓' : '')).join(' ')
    + ' · ' + t('combined') + ' ' + j.mark : t('notMarked');
  return el('div', {class: 'judgement', 'data-check': j.check},
    el('h4', {}, j.check + ' · ' + fmt(j.points) + ' ' + t('pointsColumn')),
    el('p', {class: 'aspect'}, lang() === 'zh' ? j.aspect.zh : j.aspect.en),
    el('div', {class: 'rubric'}, ...choices),
    el('div', {class: 'marks'}, marks, j.disagreement ? el('b', {class: 'failed', title: t('disagreement')}, ' ≠') : ''),
    me.role === 'examiner' ? confirmStep(j, mine, confirmedAt) : '',
    el('div', {class: 'evidence'}, el('div', {class: 'small'}, t('evidenceOf') + ': ' + j.evidenceKinds.map(k => code('actionKind', k)).join(', ')),
      ...(j.evidence.length ? j.evidence.map(evidenceItem) : [el('div', {}, t('noEvidence'))])));
}

/**
 * The marking form's last two steps for the examiner's own mark: review it beside its descriptor,
 * then confirm it; once confirmed it is locked for them, and the page says since when.
 */
function confirmStep(j, mine, confirmedAt) {
  if (confirmedAt) {
    return el('div', {class: 'mark-step confirmed'}, tf('markConfirmed', {mark: mine, at: new Date(confirmedAt).toLocaleString()}));
  }
  if (mine === undefined) return el('div', {class: 'mark-step'}, t('markEnterFirst'));
  return el('div', {class: 'mark-step'}, tf('markEntered', {mark: mine}), ' ',
    el('button', {class: 'confirm-mark', onclick: async () => {
      const yes = await ask({title: tf('markReview', {check: j.check, mark: mine, descriptor: descriptor(j.check, mine)})});
      if (yes) {
        await step('station-message', t('markConfirm') + ' ' + j.check, () => api('POST', '/api/v1/sessions/' + enc(current.session)
          + '/stations/' + enc(current.station) + '/marks/confirm', {check: j.check}));
      }
    }}, t('markConfirm')));
}

async function refreshJudgements(base) {
  const all = (await api('GET', base + '/judgements')).judgements;
  rubrics = Object.fromEntries(all.map(j => [j.check, j.rubric]));
  const now = lang() + JSON.stringify(all);
  if ($('judgements').dataset.shown === now) return;
  $('judgements').dataset.shown = now;
  $('judgements').replaceChildren(...(all.length ? all.map(judgementCard) : [el('div', {}, t('none'))]));
}

async function refreshStation() {
  const base = '/api/v1/sessions/' + enc(current.session) + '/stations/' + enc(current.station);
  const st = await api('GET', base);
  $('station-name').textContent = st.id + ' · ' + st.candidate + ' · ' + tr(st, 'title');
  $('station-state').textContent = code('state', st.state);
  $('station-state').className = 'state ' + st.state;
  $('station-timer').textContent = mmss(st.remainingSeconds);
  // pass or fail only once every check is decided; until then what is decided, and what is secured whatever the rest comes to
  $('station-total').textContent = st.result === 'pending'
    ? tf('pointsDecided', {earned: fmt(st.points.earned), decided: fmt(st.points.decided), possible: fmt(st.points.possible)})
      + ' · ' + t('soFar') + ' ' + st.total.toFixed(1) + ' · ' + t('secured') + ' ' + st.secured.toFixed(1) + ' · ' + t('passMark') + ' '
      + st.passMark + ' · ' + t('resultPending')
    : t('total') + ' ' + st.total.toFixed(1) + ' · ' + t('passMark') + ' ' + st.passMark + ' · ' + t(st.result);
  $('station-total').textContent += ' · ' + t('hallChecks') + ' ' + tf('hallProgress', checkCounts(st, st));
  $('station-total').className = 'total ' + st.result;
  await refreshJudgements(base);
  await refreshAlarms(st.twins);
  if (Date.now() - alarmHistoryDrawn > 10000) await alarmHistory(st.twins);
  const checksNow = lang() + JSON.stringify(st.checks);
  if ($('checks').dataset.shown !== checksNow) {
    $('checks').dataset.shown = checksNow;
    $('checks').replaceChildren(el('tr', {}, el('th', {}, t('checkColumn')), el('th', {}, t('state')), el('th', {}, t('pointsColumn')), el('th', {}, t('marks')), el('th')),
    ...st.checks.map(c => el('tr', {'data-check': c.check, title: c.measure || (c.judge && lang() === 'zh' && c.judgeZh) || c.judge || ''},
      el('td', {}, c.check + (c.hidden ? ' (' + t('hidden') + ')' : ''), c.deadline ? el('div', {class: 'deadline'}, '⏱ ' + tr(c, 'deadline')) : null),
      el('td', {class: c.status}, code('status', c.status)),
      el('td', {}, fmt(c.earned) + '/' + c.points),
      el('td', {}, c.marks ? Object.entries(c.marks).map(([k, v]) => k + ':' + v).join(' ') : '', c.disagreement ? el('b', {class: 'failed', title: t('disagreement')}, ' ≠') : ''),
      el('td', {}, c.kind === 'judgement' ? markControl(c) : reason(c.because)))));
  }
  $('faults').replaceChildren(...(st.faults.length ? st.faults.map(f => el('tr', {}, el('td', {}, f.fault + (f.hidden ? ' (' + t('hidden') + ')' : '')),
    el('td', {}, f.kind), el('td', {}, f.target), el('td', {}, mmss(f.elapsedSeconds)), el('td', {}, f.cleared ? '✓' : ''))) : [el('tr', {}, el('td', {}, t('none')))]));
  if ($('actions').dataset.shown !== String(st.actions.length)) {
    $('actions').dataset.shown = st.actions.length;
    $('actions').replaceChildren(...st.actions.slice().reverse().map(a => el('tr', {class: a.accepted ? '' : 'failed'},
      el('td', {}, mmss(a.elapsedSeconds)), el('td', {}, a.who), el('td', {}, a.kind),
      el('td', {}, JSON.stringify(a.fields).slice(0, 80)))));
  }
  // what staff did on the candidate's twin: never the candidate's work
  const staff = st.interventions || [];
  $('interventions').replaceChildren(...(staff.length ? staff.slice().reverse().map(i => el('tr', {class: i.outcome === 'refused' ? 'failed' : ''},
    el('td', {}, mmss(i.elapsedSeconds)), el('td', {}, i.who + ' (' + i.role + ')'), el('td', {}, i.kind),
    el('td', {}, JSON.stringify(i.fields).slice(0, 80)), el('td', {}, i.outcome))) : [el('tr', {}, el('td', {}, t('none')))]));
  ['station-pause'].forEach(b => { $(b).disabled = st.state !== 'running'; });
  $('station-resume').disabled = st.state !== 'paused';
  $('station-extend').disabled = $('station-end').disabled = !['running', 'paused'].includes(st.state);
}

async function refresh() {
  try {
    if (!$('station-view').hidden) await refreshStation();
    else if (!$('session-view').hidden) await refreshSession();
    else await listSessions();
  } catch (e) {
    console.warn(e);
  }
}

function sessionPost(what, path, body) {
  return step('session-message', what, () => api('POST', '/api/v1/sessions/' + enc(current.session) + path, body));
}

function stationPost(what, path, body) {
  return step('station-message', what, () => api('POST', '/api/v1/sessions/' + enc(current.session) + '/stations/' + enc(current.station) + path, body));
}

(async () => {
  me = await page(['examiner', 'admin', 'trainer']);
  await ModelWords.load();
  try {
    scenarios = await api('GET', '/api/v1/scenarios');
    exams = await api('GET', '/api/v1/exams');
    twinsKnown = await api('GET', '/api/v1/twins');
    planning = await api('GET', '/api/v1/planning');
  } catch (e) { /* the planning form stays empty */ }
  showPlanRules();
  $('plan-stations').append(stationRow(0));
  $('add-station').onclick = () => $('plan-stations').append(stationRow(document.querySelectorAll('tr.plan-station').length));
  $('session-title').oninput = checkPlan;
  $('create-session').onclick = createSession;
  $('session-alarms-toggle').onclick = () => {
    if ($('session-alarms').hidden) openSessionAlarms().catch(e => say('session-message', describe(e), true));
    else $('session-alarms').hidden = true;
  };
  $('session-alarms-close').onclick = () => { $('session-alarms').hidden = true; };
  $('back').onclick = () => { current.session = null; remember(); show('list-view'); refresh(); };
  $('back-to-session').onclick = () => { current.station = null; remember(); show('session-view'); refresh(); };
  $('start-all').onclick = () => sessionPost(t('startAll'), '/start');
  $('pause-all').onclick = async () => {
    const a = await ask({title: t('pauseAllTitle'), reason: true});
    if (a) await sessionPost(t('pauseAll'), '/pause', {reason: a.reason});
  };
  $('resume-all').onclick = () => sessionPost(t('resumeAll'), '/resume');
  $('end-session').onclick = async () => {
    if (await ask({title: t('endSessionConfirm')})) await sessionPost(t('endSession'), '/end');
  };
  $('station-pause').onclick = async () => {
    const a = await ask({title: tf('pauseStation', {station: current.station}), reason: true});
    if (a) await stationPost(t('pause'), '/pause', {reason: a.reason});
  };
  $('station-resume').onclick = () => stationPost(t('resume'), '/resume');
  $('station-extend').onclick = async () => {
    const a = await ask({title: tf('extendStation', {station: current.station}), minutes: true, reason: true});
    if (a) await stationPost(t('extend'), '/extend', a);
  };
  $('station-end').onclick = async () => {
    const a = await ask({title: tf('endStation', {station: current.station}), reason: true, reasonValue: tf('endReason', {who: me.user})});
    if (a) await stationPost(t('end'), '/end', {reason: a.reason});
  };
  document.querySelectorAll('#hall th[data-sort]').forEach(th => {
    th.onclick = () => {
      const key = th.dataset.sort;
      hall.sort = {key, dir: hall.sort.key === key ? -hall.sort.dir : 1};
      arrangeHall();
      remember();
    };
  });
  $('hall-state').onchange = () => { arrangeHall(); remember(); };
  $('hall-filter').oninput = () => { arrangeHall(); remember(); };
  const asked = new URLSearchParams(location.search);
  const sort = asked.get('sort');
  const sortable = [...document.querySelectorAll('#hall th[data-sort]')].map(th => th.dataset.sort);
  if (sort && sortable.includes(sort.replace(/^-/, ''))) hall.sort = {key: sort.replace(/^-/, ''), dir: sort.startsWith('-') ? -1 : 1};
  if (asked.get('state')) $('hall-state').value = asked.get('state');
  if (asked.get('filter')) $('hall-filter').value = asked.get('filter');
  if (asked.get('session')) {
    await openSession(asked.get('session'));
    if (asked.get('station')) await openStation(asked.get('station'));
  } else {
    await refresh();
  }
  // the next look once this one is answered: thirty stations must not pile up requests on a slow server
  const again = async () => {
    await refresh();
    timer = setTimeout(again, 2000);
  };
  timer = setTimeout(again, 2000);
})();
