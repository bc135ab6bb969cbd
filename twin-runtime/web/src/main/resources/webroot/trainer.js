// The trainer's page: the scenario library, checking and uploading a scenario with its problems
// shown at their lines, dry runs, and which clauses of the standard the library assesses.
const $ = id => document.getElementById(id);

// The dry run's words: its candidates and the rules every scenario must meet.
Object.assign(STRINGS.en, {
  score: 'Score', result: 'Result', earnedChecks: 'Checks that earned points (why)', rulesVerdict: 'Rules', share: 'share',
  allChecks: 'all checks', allRulesMet: 'Every rule is met', rulesBroken: 'rules broken', nothingEarned: 'nothing',
  'rule.reference-scores-100': 'The reference solution scores 100',
  'rule.idle-scores-0': 'A candidate who does nothing scores 0',
  'rule.motions-fails': 'Going through the motions fails, with at most a third of the points',
  'rule.random-fails': 'Every random candidate fails, with at most a third of the points',
  'rule.task-alone-earns-its-share': "Doing one task alone earns that task's share, within 5 points",
  'rule.every-task-has-steps': 'Every task has reference steps of its own'
});
// The coverage report's words: per clause, the scenarios assessing it and whether doing nothing earns on it.
Object.assign(STRINGS.en, {
  assessed: 'assessed', idleProof: 'idle-proof', idleEarns: 'idle earns', points: 'pts', ofHundred: 'of 100',
  notAssessed: 'not assessed yet', clausesLabel: 'clauses', scenariosLabel: 'scenarios', inExams: 'in exams',
  coverageHelp: '✓ assessed, and a candidate who does nothing earns none of its points; ! assessed, but doing nothing earns some; · not assessed'
});
Object.assign(STRINGS.zh, {
  assessed: '已考核', idleProof: '不作为不得分', idleEarns: '不作为可得', points: '分', ofHundred: '/100',
  notAssessed: '尚未考核', clausesLabel: '条款', scenariosLabel: '个场景', inExams: '所在考试',
  coverageHelp: '✓ 已考核，且什么都不做的考生得不到其中任何分数；! 已考核，但什么都不做也能得分；· 尚未考核'
});
Object.assign(STRINGS.zh, {
  score: '得分', result: '结果', earnedChecks: '得分的检查项（原因）', rulesVerdict: '规则', share: '应得份额',
  allChecks: '全部检查项', allRulesMet: '全部规则均满足', rulesBroken: '条规则未满足', nothingEarned: '无',
  'rule.reference-scores-100': '参考解答得 100 分',
  'rule.idle-scores-0': '什么都不做的考生得 0 分',
  'rule.motions-fails': '只走形式的考生不及格，且得分不超过三分之一',
  'rule.random-fails': '每个随机操作的考生都不及格，且得分不超过三分之一',
  'rule.task-alone-earns-its-share': '只完成一个任务的考生得到该任务应得的份额（误差 5 分以内）',
  'rule.every-task-has-steps': '每个任务都有自己的参考步骤'
});

// What is open in the editor: the scenario's id once opened or saved, and whether it is one of the library's.
const opened = {scenario: null, library: false};
let workshop;

/** A problem in words: file:line:column, field and message. */
function problemWords(p) {
  return (p.file ? p.file : '') + (p.line ? ':' + p.line + ':' + p.column : '') + ' ' + (p.field ? p.field + ': ' : '') + p.message;
}

/** Problems of the files open here: each marked in its own file's editor, listed below with a jump to its line. */
function showProblems(kind, problems) {
  const modelName = workshop.docs.model ? workshop.docs.model.name : '';
  const inModel = kind === 'bindings' && modelName ? problems.filter(p => p.file === modelName) : [];
  const here = problems.filter(p => !inModel.includes(p));
  workshop.mark(kind, here, problemWords);
  if (inModel.length) workshop.mark('model', inModel, problemWords);
  $('problems').replaceChildren(...problems.map(p => el('li', {class: 'failed', 'data-line': p.line || '', 'data-file': p.file || '',
    onclick: () => {
      if (inModel.includes(p)) switchKind('model');
      if (p.line) { workshop.cm.setCursor({line: p.line - 1, ch: Math.max(0, p.column - 1)}); workshop.cm.focus(); }
    }}, problemWords(p) + (inModel.includes(p) ? ' (' + tf('workshopProblemsElsewhere', {file: p.file}) + ')' : ''))));
}

/** Checks (or for a scenario, also keeps) what is open; a refusal marks each problem at its line. */
async function send(keep) {
  const kind = workshop.kind;
  const name = $('yaml-name').value.trim();
  workshop.docs[kind].name = name;
  const yaml = workshop.text();
  try {
    let words;
    if (kind === 'scenario') {
      const s = await api('POST', keep ? '/api/v1/scenarios' : '/api/v1/scenarios/validate', {name, yaml});
      words = s.id + ' v' + s.version + ' (L' + s.level + ' ' + code('skill', s.skill) + ', ' + s.rigs.join('+') + ')';
      if (keep) {
        opened.scenario = s.id; opened.library = false;
        const versions = await showVersions(s.id);
        words = tf('workshopSaved', {id: s.id, n: versions.length ? versions[versions.length - 1].saved : 1});
        await library();
      }
    } else if (kind === 'model') {
      const m = await api('POST', '/api/v1/models/validate', {name, yaml});
      words = tf('workshopModelOk', m) + ' · ' + tr(m, 'name');
    } else {
      const body = {name, yaml};
      const choice = $('bindings-model').value;
      if (choice === '') {
        if (!workshop.text('model').trim()) throw new Error(t('workshopNoModel'));
        body.modelName = workshop.docs.model.name || 'model.yaml';
        body.modelYaml = workshop.text('model');
      } else {
        body.model = choice;
      }
      words = tf('workshopBindingsOk', await api('POST', '/api/v1/bindings/validate', body));
    }
    say('yaml-message', tf('workshopChecked', {what: words}));
    showProblems(kind, []);
  } catch (e) {
    const problems = e.body && e.body.problems ? e.body.problems : [];
    say('yaml-message', problems.length ? tf('workshopProblemsFound', {n: problems.length}) : describe(e), true);
    showProblems(kind, problems);
  }
}

/** Puts a kind of file in the editor, with the controls that belong to it. */
function switchKind(kind) {
  if (workshop.kind) workshop.docs[workshop.kind].name = $('yaml-name').value.trim();
  $('file-kind').value = kind;
  workshop.show(kind);
  const d = workshop.docs[kind];
  $('yaml-name').value = d.name || {scenario: 'my-scenario.yaml', model: 'my-model.yaml', bindings: 'my-bindings.yaml'}[kind];
  $('upload').hidden = kind !== 'scenario';
  $('version-box').hidden = kind !== 'scenario';
  $('dry-run-open').disabled = kind !== 'scenario';
  $('bindings-model-label').hidden = kind !== 'bindings';
  $('problems').replaceChildren();
  say('yaml-message', '');
}

/** Opens a scenario's text: a library one as a copy under another id, since the library stays as shipped. */
async function openScenario(id) {
  const src = await api('GET', '/api/v1/scenarios/' + encodeURIComponent(id) + '/source');
  switchKind('scenario');
  let text = src.yaml;
  let name = src.file;
  if (src.library) {
    const copy = src.id + '-copy';
    text = text.replace(new RegExp('^scenario:\\s*' + src.id + '\\s*$', 'm'), 'scenario: ' + copy);
    name = copy + '.yaml';
    say('editor-note', tf('workshopOpenedCopy', {id: src.id, copy}));
    opened.scenario = null;
  } else {
    say('editor-note', tf('workshopOpened', {id: src.id, file: src.file}) + ' · ' + t('workshopOwn'));
    opened.scenario = src.id;
  }
  opened.library = src.library;
  workshop.setText(text, 'scenario');
  workshop.docs.scenario.name = name;
  $('yaml-name').value = name;
  await showVersions(src.library ? null : src.id);
  $('workshop').scrollIntoView();
}

/** The saved versions of the open scenario, newest selected. */
async function showVersions(id) {
  const versions = id ? await api('GET', '/api/v1/scenarios/' + encodeURIComponent(id) + '/versions') : [];
  $('versions').replaceChildren(...(versions.length ? versions.map(v => el('option', {value: v.saved},
    tf('workshopVersionLabel', {n: v.saved, at: new Date(v.at).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en'), declared: v.version})))
    : [el('option', {value: ''}, t('workshopNoVersions'))]));
  if (versions.length) $('versions').value = String(versions[versions.length - 1].saved);
  $('open-version').disabled = !versions.length;
  return versions;
}

async function openVersion() {
  const n = $('versions').value;
  if (!opened.scenario || !n) return;
  const v = await api('GET', '/api/v1/scenarios/' + encodeURIComponent(opened.scenario) + '/versions/' + n);
  workshop.setText(v.yaml, 'scenario');
  say('editor-note', tf('workshopVersionOpened', {n, id: opened.scenario}));
}

/** A file from the trainer's disk into the editor of the kind chosen. */
function pickFile() {
  const f = $('file-pick').files[0];
  if (!f) return;
  const reader = new FileReader();
  reader.onload = () => {
    workshop.setText(String(reader.result));
    workshop.docs[workshop.kind].name = f.name;
    $('yaml-name').value = f.name;
    say('yaml-message', '');
    $('problems').replaceChildren();
  };
  reader.readAsText(f);
}

async function library() {
  const all = await api('GET', '/api/v1/scenarios');
  $('library').replaceChildren(el('tr', {}, ...[t('scenarioId'), t('level'), t('skill'), t('rigs'), t('minutes'), ''].map(h => el('th', {}, h))),
    ...all.map(s => el('tr', {'data-scenario': s.id}, el('td', {}, s.id + (s.uploaded ? ' ✎' : ''), el('br'), el('small', {}, tr(s, 'title'))),
      el('td', {}, 'L' + s.level), el('td', {}, code('skill', s.skill)), el('td', {}, s.rigs.join('+')), el('td', {}, s.minutes),
      el('td', {}, el('button', {class: 'open', title: s.uploaded ? t('workshopOwn') : t('workshopReadOnly'), onclick: () => openScenario(s.id)}, t('open')),
        el('button', {class: 'dry-run', onclick: () => dryRun(s.id)}, t('dryRun'))))));
}

async function dryRun(id) {
  say('dry-run-message', id + ' …');
  $('dry-run-result').replaceChildren();
  try {
    const r = await api('POST', '/api/v1/scenarios/' + encodeURIComponent(id) + '/dry-run');
    const broken = r.rules.filter(rule => !rule.ok).length;
    const violations = r.candidates.filter(c => c.verdict === 'violation').length;
    say('dry-run-message', (r.ok ? t('ok') : t('problems')) + ' ' + id + ': ' + (broken ? broken + ' ' + t('rulesBroken') : t('allRulesMet'))
      + (violations ? ' · ' + tf('dryViolations', {n: violations}) : ''), !r.ok);
    $('dry-run-result').replaceChildren(candidateTable(r), findingsList(r), rulesList(r));
  } catch (e) {
    say('dry-run-message', describe(e), true);
  }
}

/** A scripted candidate in words. */
function who(c) {
  if (c.kind === 'random') return tf('dryWho.random', {n: c.candidate.replace(/^random-/, '')});
  if (c.kind === 'task-alone') return tf('dryWho.task-alone', {task: c.task});
  return t('dryWho.' + c.kind);
}

function expectedWords(r, c) {
  return tf('dryExpect.' + c.expected, {share: c.task && r.shares[c.task] !== undefined ? r.shares[c.task].toFixed(1) : '—'});
}

/**
 * The adversarial table: one row per scripted candidate with its score, pass or fail, what its rule
 * expects of it and whether it did; the checks that earned points and why.
 */
function candidateTable(r) {
  const head = el('tr', {}, ...[t('candidate'), t('score'), t('result'), t('dryExpected'), t('dryVerdict'), t('earnedChecks')].map(h => el('th', {}, h)));
  return el('table', {id: 'dry-run-candidates'}, head, ...r.candidates.map(c => {
    const earned = c.checks.filter(x => x.earned > 0);
    const share = c.task && r.shares[c.task] !== undefined ? ' (' + t('share') + ' ' + r.shares[c.task].toFixed(1) + ')' : '';
    const why = c.kind === 'reference' ? el('td', {class: 'why'}, t('allChecks') + ' (' + earned.length + '/' + c.checks.length + ')')
      : el('td', {class: 'why'}, earned.length ? el('ul', {}, ...earned.map(x => el('li', {}, x.check + ': ' + x.because))) : t('nothingEarned'));
    const ok = c.verdict !== 'violation';
    return el('tr', {'data-candidate': c.candidate, 'data-kind': c.kind, 'data-verdict': c.verdict || '', class: ok ? '' : 'violation'},
      el('td', {}, who(c) + share), el('td', {}, c.total.toFixed(1)),
      el('td', {class: c.passed ? 'passed' : 'failed'}, c.passed ? t('passed') : t('failed')),
      el('td', {class: 'expected'}, expectedWords(r, c)),
      el('td', {class: 'verdict ' + (ok ? 'passed' : 'failed')}, ok ? '✓ ' + t('dryOk') : '✗ ' + t('dryViolation')), why);
  }));
}

/** The fairness findings in words: each candidate that broke its rule, and each task with no steps of its own. */
function findingsList(r) {
  const items = r.candidates.filter(c => c.verdict === 'violation').map(c => {
    const earned = c.checks.filter(x => x.earned > 0).map(x => x.check);
    return el('li', {'data-rule': c.expected, 'data-candidate': c.candidate, class: 'failed'},
      t('rule.' + c.expected) + ' — ' + tf('dryFinding', {who: who(c), score: c.total.toFixed(1), result: c.passed ? t('passed') : t('failed'),
        expected: expectedWords(r, c)}) + (earned.length ? '; ' + tf('dryEarnedFrom', {checks: earned.join(', ')}) : ''));
  });
  const alone = new Set(r.candidates.filter(c => c.kind === 'task-alone').map(c => c.task));
  if ((r.findings || []).some(f => f.rule === 'every-task-has-steps')) {
    Object.keys(r.shares).filter(task => !alone.has(task)).forEach(task => items.push(el('li', {'data-rule': 'every-task-has-steps', class: 'failed'},
      t('rule.every-task-has-steps') + ' — ' + tf('dryTaskNoSteps', {task}))));
  }
  return el('div', {}, el('h3', {}, t('dryFindings')),
    el('ul', {id: 'dry-run-findings'}, ...(items.length ? items : [el('li', {class: 'passed'}, t('dryNoFindings'))])));
}

/** The rules' verdict: each rule, met or how it is broken. */
function rulesList(r) {
  return el('div', {}, el('h3', {}, t('rulesVerdict')), el('ul', {id: 'dry-run-rules'}, ...r.rules.map(rule =>
    el('li', {'data-rule': rule.rule, class: rule.ok ? 'passed' : 'failed'}, (rule.ok ? '✓ ' : '✗ ') + t('rule.' + rule.rule),
      ...rule.broken.map(b => el('div', {}, el('small', {}, b)))))));
}

/** One number as the report shows it: whole numbers bare, others to one decimal. */
function figure(n) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

// The report plays every library scenario twice on the server, so it is worked out when asked for;
// once asked, it is shown again after a reload (a language switch reloads the page)
async function showCoverage() {
  sessionStorage.setItem('twinlab.coverage', 'shown');
  $('coverage-show').disabled = true;
  $('coverage-summary').replaceChildren(el('div', {class: 'muted'}, t('coverageWorking')));
  try {
    await coverage();
  } finally {
    $('coverage-show').disabled = false;
  }
}

async function coverage() {
  const c = await api('GET', '/api/v1/scenarios/coverage');
  $('coverage-summary').replaceChildren(
    el('div', {}, c.covered + ' / ' + c.total + ' ' + t('clausesLabel') + ' ' + t('assessed') + ', ' + c.idleProof + ' / ' + c.total + ' '
      + t('idleProof') + ' · ' + c.scenarios + ' ' + t('scenariosLabel')),
    el('ul', {id: 'coverage-levels'}, ...c.levels.map(l => el('li', {'data-level': l.level},
      'L' + l.level + ' ' + l.name + ': ' + t('assessed') + ' ' + l.assessed + ' / ' + l.total + ' (' + figure(l.assessedPercent) + ' %), '
        + t('idleProof') + ' ' + l.idleProof + ' / ' + l.total + ' (' + figure(l.idleProofPercent) + ' %)'))),
    el('small', {}, t('coverageHelp')));
  const rows = [];
  for (const level of c.levels) {
    rows.push(el('tr', {}, el('th', {colspan: 3}, 'L' + level.level + ' ' + level.name)));
    for (const cl of level.clauses) {
      const mark = !cl.assessed ? '·' : cl.idleProof ? '✓' : '!';
      const by = cl.assessments.length ? cl.assessments.map(a => el('div', {'data-scenario': a.scenario, class: a.idleProof ? '' : 'failed'},
        a.scenario + ' — ' + figure(a.points) + ' ' + t('points') + ', ' + figure(a.share) + ' ' + t('ofHundred') + ', '
          + (a.idleProof ? t('idleProof') : t('idleEarns') + ' ' + figure(a.idleEarned))
          + (a.exams && a.exams.length ? ' · ' + t('inExams') + ' ' + a.exams.map(x => x.exam + ' (' + figure(x.points) + ')').join(', ') : ''))) : [t('notAssessed')];
      rows.push(el('tr', {'data-clause': cl.clause, 'data-idle-proof': String(cl.idleProof)},
        el('td', {class: !cl.assessed ? 'pending' : cl.idleProof ? 'passed' : 'failed'}, mark),
        el('td', {}, cl.code + ' ' + tr(cl, 'title')), el('td', {}, ...by)));
    }
  }
  $('coverage').replaceChildren(...rows);
}

/** The lab's models a bindings file may be for, after the model file open here. */
async function bindingModels() {
  const models = await api('GET', '/api/v1/models');
  $('bindings-model').replaceChildren(el('option', {value: ''}, t('workshopModelAbove')),
    ...models.map(m => el('option', {value: m.id}, m.id + ' · ' + (lang() === 'zh' && m.name && m.name.zh ? m.name.zh : (m.name && m.name.en) || m.id))));
}

(async () => {
  await page(['trainer', 'admin']);
  let schema = null;
  try {
    schema = await (await fetch('/schema/scenario.schema.json', {credentials: 'same-origin'})).json();
  } catch (e) {
    // without the schema the editor still edits and marks problems; it only completes nothing
  }
  workshop = new Workshop($('yaml'), schema);
  window.twinlabWorkshop = workshop;
  ['scenario', 'model', 'bindings'].forEach(k => workshop.ensure(k));
  switchKind('scenario');
  $('file-kind').onchange = () => switchKind($('file-kind').value);
  $('file-pick').onchange = pickFile;
  $('validate').onclick = () => send(false);
  $('upload').onclick = () => send(true);
  $('open-version').onclick = openVersion;
  $('dry-run-open').onclick = () => opened.scenario ? dryRun(opened.scenario) : say('dry-run-message', t('workshopNothingOpen'), true);
  await showVersions(null);
  await library();
  await bindingModels();
  $('coverage-show').onclick = showCoverage;
  document.body.setAttribute('data-loaded', 'true');
  if (sessionStorage.getItem('twinlab.coverage') === 'shown') await showCoverage();
})();
