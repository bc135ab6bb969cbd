// The pages' words in English and Chinese. An element with data-i18n="key" shows the word for the
// chosen language; t('key') gives it to scripts. The choice is kept in the browser.
const STRINGS = {
  en: {
    appName: 'twinlab', login: 'Log in', logout: 'Log out', user: 'User name', password: 'Password',
    loginFailed: 'Wrong user name or password', language: '中文',
    sessions: 'Lab sessions', newSession: 'New session', sessionTitle: 'Title', create: 'Create',
    addStation: 'Add a station', station: 'Station', scenario: 'Scenario', candidate: 'Candidate', twins: 'Twins',
    examiners: 'Examiners', startAll: 'Start all', pauseAll: 'Pause all', resumeAll: 'Resume all', endSession: 'End session',
    start: 'Start', pause: 'Pause', resume: 'Resume', extend: 'Extend', end: 'End', estop: 'Emergency stop', open: 'Open',
    reason: 'Reason', minutes: 'Minutes', remaining: 'Time left', state: 'State', progress: 'Progress', alarms: 'Alarms',
    checks: 'Checks', actions: 'Actions', interventions: 'Interventions by staff', marks: 'Marks', mark: 'Mark', yourMark: 'Your mark', combined: 'Combined',
    disagreement: 'Examiners disagree by 2 or more', faults: 'Faults', clock: 'Clock', history: 'History',
    sheetHtml: 'Score sheet (HTML)', sheetPdf: 'Score sheet (PDF)', sheetsCsv: 'All results (CSV)', evidence: 'Evidence log',
    warnings: 'Warnings', back: 'Back', total: 'Total', passMark: 'pass mark', passed: 'PASSED', failed: 'FAILED', provisional: 'provisional',
    pointsDecided: 'Points {earned} of {decided} decided ({possible} possible)', soFar: 'total so far', secured: 'secured',
    resultPending: 'result when every check is decided', checksOf: 'of {n} checks',
    briefing: 'Briefing', tasks: 'Tasks', twin: 'Live twin', controls: 'Controls', write: 'Write', value: 'Value',
    bindings: 'Bindings', edit: 'Edit', save: 'Save', preview: 'Preview', property: 'Property', address: 'Address',
    report: 'Report', artefact: 'Artefact', send: 'Send', testSuite: 'Test suite', run: 'Run', exportData: 'Export', backup: 'Backup',
    upgradeApp: 'Twin application version', version: 'Version', upgrade: 'Upgrade', rollback: 'Roll back',
    handIn: 'Hand in', waiting: 'Waiting for the examiner to start your station', noStation: 'You sit at no station.',
    ended: 'Your station has ended.', library: 'Scenario library', upload: 'Upload', validate: 'Validate',
    dryRun: 'Dry run', coverage: 'Clause coverage', level: 'Level', skill: 'Skill', rigs: 'Rigs', ok: 'OK', problems: 'Problems',
    announced: 'Announced faults', tests: 'Test cases (JSON)', kind: 'Kind', findings: 'Findings', twinsPage: 'Live twins',
    candidateView: 'Candidate view', none: 'None', refresh: 'Refresh', yamlHere: 'Paste a scenario (YAML) here',
    fileName: 'File name', chart: 'Chart', lastMinutes: 'last 10 min', savedCharts: 'Saved charts', noCharts: 'none saved', hidden: 'hidden from the candidate',
    judgements: 'Judgements', evidenceOf: 'Marked on the candidate\'s', noEvidence: 'The candidate has done nothing of these kinds.',
    examPart: 'Exam {title} · part {n} of {of} · exam time left {left}', examSheet: 'Exam sheet (HTML)', examSheetPdf: 'Exam sheet (PDF)',
    examOver: 'Your exam is over.', exam: 'Exam', beginPart: 'Start', yourResult: 'Your result',
    notMarked: 'not marked yet', before: 'Before', after: 'After', unbound: '(not bound)', deleted: '(deleted)', refusedAction: 'refused'
  },
  zh: {
    appName: 'twinlab 数字孪生实训', login: '登录', logout: '退出', user: '用户名', password: '密码',
    loginFailed: '用户名或密码错误', language: 'English',
    sessions: '考核场次', newSession: '新建场次', sessionTitle: '名称', create: '创建',
    addStation: '添加工位', station: '工位', scenario: '考核场景', candidate: '考生', twins: '孪生体',
    examiners: '考评员', startAll: '全部开始', pauseAll: '全部暂停', resumeAll: '全部继续', endSession: '结束场次',
    start: '开始', pause: '暂停', resume: '继续', extend: '延时', end: '结束', estop: '急停', open: '查看',
    reason: '原因', minutes: '分钟', remaining: '剩余时间', state: '状态', progress: '进度', alarms: '报警',
    checks: '评分点', actions: '操作记录', interventions: '工作人员干预', marks: '评分', mark: '评分', yourMark: '我的评分', combined: '合议分(中位数)',
    disagreement: '考评员评分相差 2 分以上', faults: '故障', clock: '计时', history: '历史曲线',
    sheetHtml: '成绩单 (HTML)', sheetPdf: '成绩单 (PDF)', sheetsCsv: '全部成绩 (CSV)', evidence: '证据日志',
    warnings: '提示', back: '返回', total: '总分', passMark: '合格线', passed: '合格', failed: '不合格', provisional: '暂定',
    pointsDecided: '已判定 {decided} 分中得 {earned} 分（共 {possible} 分）', soFar: '目前总分', secured: '已确保',
    resultPending: '全部检查判定后给出结果', checksOf: '共 {n} 项检查',
    briefing: '任务说明', tasks: '任务', twin: '实时孪生体', controls: '操作', write: '写入', value: '值',
    bindings: '数据绑定', edit: '编辑', save: '保存', preview: '预览', property: '属性', address: '地址',
    report: '报告', artefact: '成果物', send: '提交', testSuite: '测试用例', run: '运行', exportData: '导出', backup: '备份',
    upgradeApp: '孪生应用版本', version: '版本', upgrade: '升级', rollback: '回滚',
    handIn: '交卷', waiting: '等待考评员开始本工位', noStation: '你没有分配工位。',
    ended: '本工位已结束。', library: '场景库', upload: '上传', validate: '校验',
    dryRun: '试运行', coverage: '条款覆盖', level: '等级', skill: '技能', rigs: '设备', ok: '通过', problems: '问题',
    announced: '已通知的故障', tests: '测试用例 (JSON)', kind: '类型', findings: '结论', twinsPage: '实时孪生体',
    candidateView: '考生视图', none: '无', refresh: '刷新', yamlHere: '在此粘贴场景 (YAML)',
    fileName: '文件名', chart: '曲线', lastMinutes: '最近 10 分钟', savedCharts: '已保存的图表', noCharts: '尚未保存', hidden: '考生不可见',
    judgements: '评判项', evidenceOf: '依据考生的', noEvidence: '考生没有此类操作。',
    examPart: '考试 {title} · 第 {n}/{of} 部分 · 考试剩余 {left}', examSheet: '考试成绩单 (HTML)', examSheetPdf: '考试成绩单 (PDF)',
    examOver: '你的考试已结束。', exam: '考试', beginPart: '开始', yourResult: '我的成绩',
    notMarked: '尚未评分', before: '修改前', after: '修改后', unbound: '(未绑定)', deleted: '(已删除)', refusedAction: '被拒绝'
  }
};

function lang() {
  return localStorage.getItem('twinlab.lang') || (navigator.language && navigator.language.startsWith('zh') ? 'zh' : 'en');
}

function t(key) {
  return (STRINGS[lang()] || STRINGS.en)[key] || STRINGS.en[key] || key;
}

/** A text with its {placeholders} filled in. */
function tf(key, values) {
  return t(key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/** A text of the model or scenario in the chosen language: the Chinese field when there is one. */
function tr(obj, field) {
  return lang() === 'zh' && obj[field + 'Zh'] ? obj[field + 'Zh'] : obj[field];
}

function applyLang(root = document) {
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
}

function toggleLang() {
  localStorage.setItem('twinlab.lang', lang() === 'zh' ? 'en' : 'zh');
  location.reload();
}
