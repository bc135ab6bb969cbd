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
    say('yaml-message', t('ok') + ': ' + s.id + ' v' + s.version + ' (L' + s.level + ' ' + code('skill', s.skill) + ', ' + s.rigs.join('+') + ')');
    showLines(body.yaml, []);
    if (keep) await library();
  } catch (e) {
    say('yaml-message', t('problems') + ':\n' + describe(e), true);
    showLines(body.yaml, e.body && e.body.problems ? e.body.problems : []);
  }
}

async function library() {
  const all = await api('GET', '/api/v1/scenarios');
  $('library').replaceChildren(el('tr', {}, ...[t('scenarioId'), t('level'), t('skill'), t('rigs'), t('minutes'), ''].map(h => el('th', {}, h))),
    ...all.map(s => el('tr', {'data-scenario': s.id}, el('td', {}, s.id + (s.uploaded ? ' ✎' : ''), el('br'), el('small', {}, tr(s, 'title'))),
      el('td', {}, 'L' + s.level), el('td', {}, code('skill', s.skill)), el('td', {}, s.rigs.join('+')), el('td', {}, s.minutes),
      el('td', {}, el('button', {class: 'dry-run', onclick: () => dryRun(s.id)}, t('dryRun'))))));
}

async function dryRun(id) {
  say('dry-run-message', id + ' …');
  $('dry-run-result').replaceChildren();
  try {
    const r = await api('POST', '/api/v1/scenarios/' + encodeURIComponent(id) + '/dry-run');
    const broken = r.rules.filter(rule => !rule.ok).length;
    say('dry-run-message', (r.ok ? t('ok') : t('problems')) + ' ' + id + ': ' + (broken ? broken + ' ' + t('rulesBroken') : t('allRulesMet'))
      + (r.problems.length ? '\n' + r.problems.join('\n') : ''), !r.ok);
    $('dry-run-result').replaceChildren(candidateTable(r), rulesList(r));
  } catch (e) {
    say('dry-run-message', describe(e), true);
  }
}

/** One row per scripted candidate: score, pass or fail, and the checks that earned points with the verdict's reason. */
function candidateTable(r) {
  const head = el('tr', {}, ...[t('candidate'), t('score'), t('result'), t('earnedChecks')].map(h => el('th', {}, h)));
  return el('table', {id: 'dry-run-candidates'}, head, ...r.candidates.map(c => {
    const earned = c.checks.filter(x => x.earned > 0);
    const share = c.task && r.shares[c.task] !== undefined ? ' (' + t('share') + ' ' + r.shares[c.task].toFixed(1) + ')' : '';
    const why = c.kind === 'reference' ? el('td', {}, t('allChecks') + ' (' + earned.length + '/' + c.checks.length + ')')
      : el('td', {}, earned.length ? el('ul', {}, ...earned.map(x => el('li', {}, x.check + ': ' + x.because))) : t('nothingEarned'));
    return el('tr', {'data-candidate': c.candidate}, el('td', {}, c.candidate + share), el('td', {}, c.total.toFixed(1)),
      el('td', {class: c.passed ? 'passed' : 'failed'}, c.passed ? t('passed') : t('failed')), why);
  }));
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
        el('td', {}, cl.code + (lang() === 'zh' ? '' : ' ' + cl.title)), el('td', {}, ...by)));
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
