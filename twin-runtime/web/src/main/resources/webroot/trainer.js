// The trainer's page: the scenario library, checking and uploading a scenario with its problems
// shown at their lines, dry runs, and which clauses of the standard the library assesses.
const $ = id => document.getElementById(id);

/** The scenario text with the lines that have problems marked, each with its messages. */
function showLines(text, problems) {
  const byLine = new Map();
  problems.filter(p => p.line).forEach(p => byLine.set(p.line, (byLine.get(p.line) || []).concat(p.field + ': ' + p.message)));
  const pre = $('yaml-lines');
  pre.hidden = byLine.size === 0;
  pre.replaceChildren(...text.split('\n').map((line, i) => el('span', {class: byLine.has(i + 1) ? 'bad' : '', 'data-line': i + 1,
    title: (byLine.get(i + 1) || []).join('\n')}, String(i + 1).padStart(4) + '  ' + line + (byLine.has(i + 1) ? '   ⟵ ' + byLine.get(i + 1).join('; ') : ''))));
}

async function send(keep) {
  const body = {name: $('yaml-name').value.trim(), yaml: $('yaml').value};
  try {
    const s = await api('POST', keep ? '/api/v1/scenarios' : '/api/v1/scenarios/validate', body);
    say('yaml-message', t('ok') + ': ' + s.id + ' v' + s.version + ' (L' + s.level + ' ' + s.skill + ', ' + s.rigs.join('+') + ')');
    showLines(body.yaml, []);
    if (keep) await library();
  } catch (e) {
    say('yaml-message', t('problems') + ':\n' + describe(e), true);
    showLines(body.yaml, e.body && e.body.problems ? e.body.problems : []);
  }
}

async function library() {
  const all = await api('GET', '/api/v1/scenarios');
  $('library').replaceChildren(el('tr', {}, ...['id', t('level'), t('skill'), t('rigs'), t('minutes'), ''].map(h => el('th', {}, h))),
    ...all.map(s => el('tr', {'data-scenario': s.id}, el('td', {}, s.id + (s.uploaded ? ' ✎' : ''), el('br'), el('small', {}, tr(s, 'title'))),
      el('td', {}, 'L' + s.level), el('td', {}, s.skill), el('td', {}, s.rigs.join('+')), el('td', {}, s.minutes),
      el('td', {}, el('button', {class: 'dry-run', onclick: () => dryRun(s.id)}, t('dryRun'))))));
}

async function dryRun(id) {
  say('dry-run-message', id + ' …');
  try {
    const r = await api('POST', '/api/v1/scenarios/' + encodeURIComponent(id) + '/dry-run');
    say('dry-run-message', (r.ok ? t('ok') : t('problems')) + ' ' + id + ': reference ' + r.reference.total.toFixed(1)
      + ', idle ' + r.idle.total.toFixed(1) + (r.problems.length ? '\n' + r.problems.join('\n') : ''), !r.ok);
  } catch (e) {
    say('dry-run-message', describe(e), true);
  }
}

async function coverage() {
  const c = await api('GET', '/api/v1/scenarios/coverage');
  $('coverage-summary').textContent = c.covered + ' / ' + c.total + ' · ' + c.scenarios + ' ' + t('library');
  const rows = [];
  for (const level of c.levels) {
    rows.push(el('tr', {}, el('th', {colspan: 3}, 'L' + level.level + ' ' + level.name)));
    for (const cl of level.clauses) {
      rows.push(el('tr', {'data-clause': cl.clause}, el('td', {class: cl.scenarios.length ? 'passed' : 'pending'}, cl.scenarios.length ? '✓' : '·'),
        el('td', {}, cl.code + ' ' + cl.title), el('td', {}, cl.scenarios.join(', '))));
    }
  }
  $('coverage').replaceChildren(...rows);
}

(async () => {
  await page(['trainer', 'admin']);
  $('validate').onclick = () => send(false);
  $('upload').onclick = () => send(true);
  await library();
  await coverage();
})();
