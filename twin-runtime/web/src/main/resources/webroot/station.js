// The candidate's station: the task, the clock, the live twin with its controls, and the tools a
// task needs (binding editor with a live preview, report, test suite, export and backup).
const $ = id => document.getElementById(id);
const enc = encodeURIComponent;
let seat = null;
let opened = false;
let editing = null;

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
  $('export-link').href = '/api/v1/twins/' + enc(view.twins[0]) + '/export?from=-10m&to=now&format=csv';
  $('export-link').onclick = () => setTimeout(refresh, 1000);
}

async function listBindings() {
  const twin = $('binding-twin').value;
  const v = await api('GET', '/api/v1/twins/' + enc(twin) + '/bindings');
  $('bindings').replaceChildren(...v.bindings.map(b => el('tr', {'data-property': b.property},
    el('td', {}, b.property), el('td', {}, (b.connection || '') + ' ' + (b.address || '')),
    el('td', {}, el('button', {class: 'edit', onclick: () => edit(twin, b)}, t('edit'))))));
}

function edit(twin, binding) {
  editing = {twin, property: binding.property};
  $('binding-editor').hidden = false;
  $('binding-text').value = JSON.stringify(binding, null, 2);
  preview();
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

function showTasks(view) {
  const now = JSON.stringify(view.tasks) + lang();
  if ($('tasks').dataset.shown === now) return;
  $('tasks').dataset.shown = now;
  $('tasks').replaceChildren(...view.tasks.map(task => el('div', {class: 'task', 'data-task': task.task},
    el('h4', {}, task.task), el('p', {}, tr(task, 'prompt')),
    el('ul', {}, ...task.checks.map(c => el('li', {'data-check': c.check, class: c.state}, c.check + ': ' + c.state))))));
}

async function refresh() {
  let view;
  try {
    view = await api('GET', '/api/v1/sessions/' + enc(seat.session) + '/stations/' + enc(seat.station) + '/candidate');
  } catch (e) {
    say('status', describe(e), true);
    return;
  }
  $('title').textContent = seat.station + ' · ' + tr(view, 'title');
  $('state').textContent = view.state;
  $('state').className = 'state ' + view.state;
  $('timer').textContent = mmss(view.remainingSeconds);
  $('briefing').textContent = tr(view, 'briefing');
  $('announced').textContent = view.announcedFaults && view.announcedFaults.length ? t('announced') + ': ' + view.announcedFaults.join(', ') : '';
  $('hand-in').disabled = !['running', 'paused'].includes(view.state);
  say('status', view.state === 'ready' ? t('waiting') : view.state === 'ended' ? t('ended') : '');
  showTasks(view);
  if (view.state === 'running' && !opened) await openWork(view);
}

(async () => {
  await page(['candidate']);
  try {
    seat = await api('GET', '/api/v1/me/station');
  } catch (e) {
    say('status', t('noStation'), true);
    return;
  }
  $('binding-preview').onclick = preview;
  $('binding-save').onclick = save;
  $('binding-text').oninput = () => { clearTimeout(editing && editing.timer); if (editing) editing.timer = setTimeout(preview, 400); };
  $('report-send').onclick = () => {
    const fields = {};
    ['alarm_code', 'cause_category', 'property', 'symptom', 'cause', 'action', 'text'].forEach(f => { const v = $('report-' + f).value.trim(); if (v) fields[f] = v; });
    const quoted = $('report-value').value.trim();
    if (quoted) fields.value = Number.isNaN(Number(quoted)) ? quoted : Number(quoted); // the server names a value that is no number
    action($('report-twin').value, 'report', fields, 'report-message');
  };
  $('suite-run').onclick = () => {
    try {
      action($('report-twin').value, 'test_suite', JSON.parse($('suite-text').value), 'suite-message');
    } catch (e) {
      say('suite-message', 'JSON: ' + e.message, true);
    }
  };
  $('backup').onclick = () => action($('report-twin').value, 'backup', {}, 'file-message');
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
