// The administrator's page: accounts, the audit trail, backups, the platform key, health and the
// OPC UA trust list. Every figure comes from an administrator's API route; every question is asked
// in one of the page's own dialogs.
const $ = id => document.getElementById(id);
let me;

/** The actions the audit trail records, in the order the filter offers them. */
const AUDIT_ACTIONS = ['login', 'login refused', 'add user', 'set password', 'lock user', 'unlock user', 'remove user',
  'platform backup', 'trust OPC UA server certificate', 'remove OPC UA server certificate',
  'deploy twin', 'remove twin', 'upgrade twin', 'roll back twin'];

/** A word of the given group ("role.", "audit.") in the chosen language, or the value itself when it has none. */
function word(prefix, value) {
  const key = prefix + value;
  return STRINGS.en[key] ? t(key) : value;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB') : '—';
}

function row(cells, attrs = {}) {
  return el('tr', attrs, ...cells.map(c => el('td', {}, c)));
}

function head(...keys) {
  return el('tr', {}, ...keys.map(k => el('th', {}, t(k))));
}

/** Asks in the page's confirm dialog; resolves true when confirmed. */
function ask(text) {
  const dialog = $('confirm-dialog');
  $('confirm-text').textContent = text;
  say('confirm-message', '');
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), {once: true});
    dialog.returnValue = '';
    dialog.showModal();
  });
}

// accounts

async function accounts() {
  const list = await api('GET', '/api/v1/users');
  const rows = [head('accountName', 'displayName', 'role', 'created', 'accountState', 'manage')];
  for (const a of list) {
    const mine = a.name === me.user;
    const tools = el('span', {},
      el('button', {class: 'password', onclick: () => resetPassword(a.name)}, t('setPassword')),
      mine ? null : el('button', {class: 'lock', onclick: () => lock(a.name, !a.locked)}, t(a.locked ? 'unlock' : 'lock')),
      mine ? null : el('button', {class: 'remove', onclick: () => removeUser(a.name)}, t('remove')));
    rows.push(row([a.name, a.display, word('role.', a.role), when(a.created), t(a.locked ? 'accountLocked' : 'accountActive'), tools],
      {'data-user': a.name, class: a.locked ? 'locked-account' : ''}));
  }
  $('accounts').replaceChildren(...rows);
}

async function addUser(e) {
  e.preventDefault();
  const name = $('new-name').value.trim();
  const body = {name, role: $('new-role').value, password: $('new-password').value};
  if ($('new-display').value.trim()) body.display = $('new-display').value.trim();
  try {
    await api('POST', '/api/v1/users', body);
    $('add-user-form').reset();
    say('accounts-message', tf('accountAdded', {name}));
    await Promise.all([accounts(), audit()]);
  } catch (err) {
    say('accounts-message', describe(err), true);
  }
}

function resetPassword(name) {
  const dialog = $('password-dialog');
  $('password-for').textContent = tf('passwordFor', {name});
  $('reset-password').value = '';
  say('password-message', '');
  dialog.dataset.user = name;
  dialog.showModal();
}

async function savePassword(e) {
  e.preventDefault();
  const dialog = $('password-dialog');
  const name = dialog.dataset.user;
  try {
    await api('PUT', '/api/v1/users/' + encodeURIComponent(name) + '/password', {password: $('reset-password').value});
    dialog.close();
    say('accounts-message', tf('passwordSet', {name}));
    await audit();
  } catch (err) {
    // the dialog stays open with the reason (a weak password, say)
    say('password-message', describe(err), true);
  }
}

async function lock(name, locked) {
  if (locked && !(await ask(tf('lockAsk', {name})))) return;
  try {
    await api('PUT', '/api/v1/users/' + encodeURIComponent(name) + '/lock', {locked});
    say('accounts-message', tf(locked ? 'accountLockedNow' : 'accountUnlockedNow', {name}));
    await Promise.all([accounts(), audit()]);
  } catch (err) {
    say('accounts-message', describe(err), true);
  }
}

async function removeUser(name) {
  if (!(await ask(tf('removeAsk', {name})))) return;
  try {
    await api('DELETE', '/api/v1/users/' + encodeURIComponent(name));
    say('accounts-message', tf('accountRemoved', {name}));
    await Promise.all([accounts(), audit()]);
  } catch (err) {
    say('accounts-message', describe(err), true);
  }
}

// the audit trail

async function audit() {
  const q = new URLSearchParams();
  const user = $('audit-user').value.trim();
  if (user) q.set('user', user);
  if ($('audit-action').value) q.set('action', $('audit-action').value);
  if ($('audit-from').value) q.set('from', new Date($('audit-from').value).toISOString());
  if ($('audit-to').value) q.set('to', new Date($('audit-to').value).toISOString());
  q.set('limit', $('audit-limit').value || '200');
  try {
    const entries = await api('GET', '/api/v1/audit?' + q);
    $('audit').replaceChildren(head('auditAt', 'auditBy', 'auditAction', 'auditTarget', 'auditDetail'),
      ...entries.map(e => row([when(e.at), e.by, word('audit.', e.action), e.target, word('detail.', e.detail)],
        {'data-action': e.action, 'data-target': e.target, 'data-by': e.by})));
    $('audit-count').textContent = tf('auditEntries', {n: entries.length});
    say('audit-message', '');
  } catch (err) {
    say('audit-message', describe(err), true);
  }
}

// backups

async function backups() {
  const list = await api('GET', '/api/v1/backups');
  if (!list.length) {
    $('backups').replaceChildren(el('tr', {}, el('td', {}, t('noBackups'))));
    return;
  }
  $('backups').replaceChildren(head('backupFile', 'backupSize', 'backupTime', 'manage'),
    ...list.map(b => row([b.file, String(b.bytes), when(b.modified), el('span', {},
      el('a', {class: 'download', href: '/api/v1/backups/' + encodeURIComponent(b.file), download: b.file}, t('download')), ' ',
      el('button', {class: 'check', onclick: () => checkBackup(b.file)}, t('checkRestore')))], {'data-file': b.file})));
}

async function takeBackup() {
  $('backup-take').disabled = true;
  try {
    const b = await api('POST', '/api/v1/backups', {include_keys: $('backup-keys').checked});
    say('backups-message', tf('backupTaken', b));
    await Promise.all([backups(), audit()]);
  } catch (err) {
    say('backups-message', describe(err), true);
  } finally {
    $('backup-take').disabled = false;
  }
}

async function checkBackup(file) {
  try {
    const r = await api('POST', '/api/v1/backups/' + encodeURIComponent(file) + '/check');
    if (r.restorable) say('backups-message', tf('restorable', {...r, created: when(r.created)}));
    else say('backups-message', tf('notRestorable', r), true);
  } catch (err) {
    say('backups-message', describe(err), true);
  }
}

// health: the overall answer, every connection, the history store

async function health() {
  try {
    const [overall, connections, history] = await Promise.all([
      fetch('/api/v1/health', {credentials: 'same-origin'}).then(r => r.json()),
      api('GET', '/api/v1/connections'), api('GET', '/api/v1/history/status')]);
    const badge = $('health-status');
    badge.textContent = t(overall.status === 'UP' ? 'healthUp' : 'healthDegraded');
    badge.className = 'badge ' + overall.status;
    badge.dataset.status = overall.status;
    $('connections').replaceChildren(...(connections.length
      ? [head('connection', 'protocol', 'state', 'since', 'lastError'),
        ...connections.map(c => row([c.id, c.protocol || '', code('connection', c.state), when(c.since), c.last_error || ''], {'data-connection': c.id}))]
      : [el('tr', {}, el('td', {}, t('noConnections')))]));
    const fields = [['store', history.store], ['healthy', t(history.healthy ? 'yes' : 'no')], ['acknowledged', history.acknowledged],
      ['queued', history.queued], ['dropped', history.dropped], ['spooled', history.spooled], ['storeError', history.error || '—']];
    $('history-status').replaceChildren(...fields.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {'data-field': k}, fmt(v))]));
    say('health-message', '');
  } catch (err) {
    say('health-message', describe(err), true);
  }
}

// the OPC UA trust list

async function certificates() {
  const list = await api('GET', '/api/v1/opcua/certificates');
  if (!list.length) {
    $('certificates').replaceChildren(el('tr', {}, el('td', {}, t('noCertificates'))));
    return;
  }
  $('certificates').replaceChildren(head('thumbprint', 'subject', 'applicationUri', 'validUntil', 'certStatus', 'manage'),
    ...list.map(c => row([c.thumbprint, c.subject, c.application_uri, when(c.not_after), word('cert.', c.status), el('span', {},
      c.status === 'rejected' ? el('button', {class: 'trust', onclick: () => certificate(c.thumbprint, 'trust')}, t('trust')) : null,
      el('button', {class: 'remove', onclick: () => certificate(c.thumbprint, 'remove')}, t('remove')))],
    {'data-thumbprint': c.thumbprint, 'data-status': c.status})));
}

async function certificate(thumbprint, what) {
  if (!(await ask(tf(what === 'trust' ? 'trustAsk' : 'removeCertAsk', {thumbprint})))) return;
  try {
    const path = '/api/v1/opcua/certificates/' + encodeURIComponent(thumbprint);
    if (what === 'trust') await api('POST', path + '/trust'); else await api('DELETE', path);
    say('certificates-message', tf(what === 'trust' ? 'certTrusted' : 'certRemoved', {thumbprint}));
    await Promise.all([certificates(), audit()]);
  } catch (err) {
    say('certificates-message', describe(err), true);
  }
}

/** Runs one section's loading; a failure shows in the section instead of stopping the others. */
function load(message, work) {
  return work().catch(err => say(message, describe(err), true));
}

(async () => {
  me = await page(['admin']);
  $('audit-action').append(...AUDIT_ACTIONS.map(a => el('option', {value: a}, word('audit.', a))));
  $('add-user-form').addEventListener('submit', addUser);
  $('password-form').addEventListener('submit', e => {
    if (e.submitter && e.submitter.value === 'cancel') return;
    savePassword(e);
  });
  $('audit-form').addEventListener('submit', e => { e.preventDefault(); audit(); });
  $('backup-take').onclick = takeBackup;
  $('health-refresh').onclick = health;
  await Promise.all([load('accounts-message', accounts), audit(), load('backups-message', backups), health(),
    load('certificates-message', certificates)]);
  document.body.dataset.loaded = 'true';
})();
