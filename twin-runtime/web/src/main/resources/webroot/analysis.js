// The examiner page's item analysis of a sealed session: per scenario, each check's difficulty and
// discrimination with its flags, and each judgement's agreement between examiners with the stations
// where their marks spread. Its words, in both languages, are kept here beside it.
Object.assign(STRINGS.en, {
  itemAnalysis: 'Item analysis', analysisCheck: 'Check', analysisKind: 'Kind', analysisPoints: 'Points',
  analysisN: 'Candidates', analysisPassed: 'Passed', analysisP: 'p (difficulty)', analysisR: 'Discrimination (item-rest r)',
  analysisRTotal: 'r with total', analysisFlags: 'Flags', analysisAlpha: "Krippendorff's α (ordinal)",
  analysisSpread: 'Marks spread at', analysisNone: 'no station', analysisWide: 'flagged on the sheet',
  everyone_passed: 'everyone passed', no_one_passed: 'no one passed', negative_discrimination: 'negative discrimination',
  low_discrimination: 'low discrimination (< 0.2)', analysisCandidates: 'candidates',
  analysisMethod: 'p: mean share of the points earned (measurements: share who passed). Discrimination: Pearson r between the check and the points on the other checks (the check left out). α: each examiner\'s own marks, 0–3.'
});
Object.assign(STRINGS.zh, {
  itemAnalysis: '试题分析', analysisCheck: '检查项', analysisKind: '类型', analysisPoints: '分值',
  analysisN: '考生数', analysisPassed: '通过', analysisP: 'p（难度）', analysisR: '区分度（项目-其余 r）',
  analysisRTotal: '与总分的 r', analysisFlags: '提示', analysisAlpha: 'Krippendorff α（定序）',
  analysisSpread: '评分分歧的工位', analysisNone: '无', analysisWide: '评分表已标出',
  everyone_passed: '全部通过', no_one_passed: '无人通过', negative_discrimination: '区分度为负',
  low_discrimination: '区分度低（< 0.2）', analysisCandidates: '名考生',
  analysisMethod: 'p：所得分数占比的平均值（测量项即通过率）。区分度：该项与其余各项得分之间的 Pearson r（不含该项）。α：按每位考评员各自的评分（0–3）计算。'
});

let analysisShown = null;

/** Shows the analysis once the session is sealed; drawn again only when the seal changes. */
async function itemAnalysis(session) {
  const box = document.getElementById('analysis');
  const sealed = session.ended && session.evidence && session.evidence.sealed;
  box.hidden = !sealed;
  if (!sealed || analysisShown === session.id + '@' + session.evidence.head) return;
  const content = document.getElementById('analysis-content');
  try {
    const a = await api('GET', '/api/v1/sessions/' + encodeURIComponent(session.id) + '/analysis');
    content.replaceChildren(...a.scenarios.map(analysisOfScenario), el('p', {class: 'note'}, t('analysisMethod')));
    analysisShown = session.id + '@' + session.evidence.head;
  } catch (e) {
    content.replaceChildren(el('div', {class: 'message bad'}, describe(e)));
  }
}

function analysisOfScenario(s) {
  const head = el('tr', {}, ...['analysisCheck', 'analysisKind', 'analysisPoints', 'analysisN', 'analysisPassed', 'analysisP',
    'analysisR', 'analysisRTotal', 'analysisFlags'].map(k => el('th', {}, t(k))));
  const checks = el('table', {class: 'analysis-checks'}, head, ...s.checks.map(c => el('tr', {'data-check': c.check,
    class: c.flags.length ? 'flagged' : ''},
    el('td', {}, c.check), el('td', {}, c.kind), el('td', {}, fmt(c.points)), el('td', {}, c.candidates), el('td', {}, c.passed),
    el('td', {}, fmt(c.p)), el('td', {}, fmt(c.discrimination)), el('td', {}, fmt(c.totalCorrelation)),
    el('td', {}, [...c.flags.map(f => t(f)), c.note].filter(x => x).join('; ')))));
  const judgements = el('table', {class: 'analysis-judgements'},
    el('tr', {}, el('th', {}, t('analysisCheck')), el('th', {}, t('examiners')), el('th', {}, t('analysisAlpha')), el('th', {}, t('analysisSpread'))),
    ...s.judgements.map(j => el('tr', {'data-check': j.check},
      el('td', {}, j.check), el('td', {}, j.examiners.join(', ')), el('td', {}, j.alpha === null ? '— ' + (j.note || '') : fmt(j.alpha)),
      el('td', {}, j.spread.length ? j.spread.map(m => m.station + ' (' + Object.entries(m.marks).map(([k, v]) => k + ':' + v).join(' ')
        + (m.wide ? ', ' + t('analysisWide') : '') + ')').join(' · ') : t('analysisNone')))));
  return el('div', {class: 'analysis-scenario', 'data-scenario': s.scenario},
    el('h3', {}, s.scenario + ' v' + s.version + ' · ' + s.candidates + ' ' + t('analysisCandidates')), checks, judgements);
}
