// The codes and reasons the API sends (station and check states, twin lifecycles, alarm
// severities, roles, health, the scoring's reasons) in the page's language. The API speaks codes
// and English; the pages translate what they show, loaded right after i18n.js:
//   code('state', 'running') → 进行中      reason('not yet true') → 尚未成立
Object.assign(STRINGS.en, {
  'state.ready': 'ready', 'state.running': 'running', 'state.paused': 'paused', 'state.ended': 'ended',
  'status.passed': 'passed', 'status.failed': 'failed', 'status.pending': 'pending', 'status.indeterminate': 'indeterminate',
  'status.marked': 'marked', 'status.unmarked': 'unmarked', 'status.marked by examiners': 'marked by examiners',
  'lifecycle.LOADED': 'LOADED', 'lifecycle.RUNNING': 'RUNNING', 'lifecycle.PAUSED': 'PAUSED', 'lifecycle.STOPPED': 'STOPPED',
  'severity.info': 'info', 'severity.warning': 'warning', 'severity.major': 'major', 'severity.critical': 'critical',
  'role.admin': 'Administrator', 'role.trainer': 'Trainer', 'role.examiner': 'Examiner', 'role.candidate': 'Candidate',
  'health.UP': 'UP', 'health.DEGRADED': 'DEGRADED', 'healthConnections': '{status} · {up}/{all} connections',
  'healthUnreachable': 'runtime unreachable', 'healthConnecting': 'connecting…',
  'connection.CONNECTING': 'CONNECTING', 'connection.CONNECTED': 'CONNECTED', 'connection.RECONNECTING': 'RECONNECTING',
  'connection.FAILED': 'FAILED',
  'skill.install': 'install', 'skill.monitor': 'monitor', 'skill.debug': 'debug', 'skill.test': 'test', 'skill.operate': 'operate',
  'skill.develop': 'develop', scenarioId: 'id',
  // the fault report's fields and cause categories (the report action's attributes)
  'reportField.property': 'property', 'reportField.value': 'value', 'reportField.symptom': 'symptom', 'reportField.cause': 'cause',
  'reportField.action': 'action', 'reportField.text': 'text',
  'cause.sensor': 'sensor', 'cause.actuator': 'actuator', 'cause.communication': 'communication', 'cause.binding': 'binding',
  'cause.configuration': 'configuration', 'cause.process': 'process', 'cause.operation': 'operation', 'cause.other': 'other',
  'suiteKind.watch': 'watch', 'whenKind.write': 'write', 'whenKind.command': 'command',
  'artefactField.kind': 'kind', 'artefactField.title': 'title', 'artefactField.sections': 'sections', 'artefactField.figures': 'figures',
  'artefactKind.report': 'report', 'artefactKind.plan': 'plan', 'artefactKind.procedure': 'procedure', 'artefactKind.training': 'training',
  'artefactKind.design': 'design', artefactSectionsHere: '## scope\nWhat the document covers…',
  'actionKind.report': 'report', 'actionKind.write': 'write', 'actionKind.command': 'command', 'actionKind.artefact': 'artefact',
  'pageTitle.station': 'station', 'pageTitle.examiner': 'examiner', 'pageTitle.trainer': 'trainer', 'pageTitle.admin': 'admin'
});
Object.assign(STRINGS.zh, {
  'state.ready': '未开始', 'state.running': '进行中', 'state.paused': '已暂停', 'state.ended': '已结束',
  'status.passed': '通过', 'status.failed': '未通过', 'status.pending': '待定', 'status.indeterminate': '无法判定',
  'status.marked': '已评分', 'status.unmarked': '未评分', 'status.marked by examiners': '由考评员评分',
  'lifecycle.LOADED': '已加载', 'lifecycle.RUNNING': '运行中', 'lifecycle.PAUSED': '已暂停', 'lifecycle.STOPPED': '已停止',
  'severity.info': '提示', 'severity.warning': '警告', 'severity.major': '重要', 'severity.critical': '严重',
  'role.admin': '管理员', 'role.trainer': '培训师', 'role.examiner': '考评员', 'role.candidate': '考生',
  'health.UP': '正常', 'health.DEGRADED': '降级', 'healthConnections': '{status} · {up}/{all} 个连接',
  'healthUnreachable': '无法连接运行时', 'healthConnecting': '连接中…',
  'connection.CONNECTING': '连接中', 'connection.CONNECTED': '已连接', 'connection.RECONNECTING': '重新连接中',
  'connection.FAILED': '连接失败',
  'skill.install': '安装部署', 'skill.monitor': '监测', 'skill.debug': '调试', 'skill.test': '测试', 'skill.operate': '运行维护',
  'skill.develop': '开发', scenarioId: '编号',
  'reportField.property': '属性', 'reportField.value': '数值', 'reportField.symptom': '现象', 'reportField.cause': '原因',
  'reportField.action': '处理措施', 'reportField.text': '说明',
  'cause.sensor': '传感器', 'cause.actuator': '执行器', 'cause.communication': '通信', 'cause.binding': '数据绑定',
  'cause.configuration': '配置', 'cause.process': '工艺过程', 'cause.operation': '操作', 'cause.other': '其他',
  'suiteKind.watch': '监视', 'whenKind.write': '写入', 'whenKind.command': '命令',
  'artefactField.kind': '类型', 'artefactField.title': '标题', 'artefactField.sections': '章节', 'artefactField.figures': '数据',
  'artefactKind.report': '报告', 'artefactKind.plan': '计划', 'artefactKind.procedure': '规程', 'artefactKind.training': '培训材料',
  'artefactKind.design': '设计', artefactSectionsHere: '## scope_of_work\n文档涵盖的内容…',
  'actionKind.report': '记录', 'actionKind.write': '写入', 'actionKind.command': '命令', 'actionKind.artefact': '成果物',
  'pageTitle.station': '考生工位', 'pageTitle.examiner': '考评', 'pageTitle.trainer': '培训师', 'pageTitle.admin': '系统管理'
});

/** A code the API sends (a station's state, a check's status, …) in the page's language; an unknown one as it came. */
function code(kind, value) {
  if (value === undefined || value === null || value === '') return '';
  const key = kind + '.' + value;
  const words = STRINGS[lang()] || STRINGS.en;
  return words[key] || STRINGS.en[key] || String(value);
}

// Why a check scored as it did, as the scoring words it (CheckEvaluator, the judgements), in
// Chinese; the score sheets translate the same sentences in SheetLanguage.reason. Times ("+12.0 s")
// and names stay as they came. The more specific pattern comes first.
const REASONS_ZH = [
  [/^waiting for the window to open$/, () => '等待时间窗口开启'],
  [/^the window opens at (\S+ s)$/, m => '时间窗口于 ' + m[1] + ' 开启'],
  [/^the window never opened$/, () => '时间窗口从未开启'],
  [/^not yet true$/, () => '尚未成立'],
  [/^not true so far$/, () => '目前尚未成立'],
  [/^true so far$/, () => '目前一直成立'],
  [/^true at (\S+ s)$/, m => '于 ' + m[1] + ' 成立'],
  [/^(true|false) at (\S+ s)(?:: (.*))?$/s, m => '于 ' + m[2] + ' 为' + (m[1] === 'true' ? '真' : '假') + (m[3] ? '：' + m[3] : '')],
  [/^never seen true, but the platform could not see part of the window$/, () => '未见成立，但平台未能观测到部分时间窗口'],
  [/^never true between (\S+ s) and (\S+ s)$/, m => '在 ' + m[1] + ' 至 ' + m[2] + ' 之间从未成立'],
  [/^held while seen, but the platform could not see part of the window$/, () => '观测期间一直成立，但平台未能观测到部分时间窗口'],
  [/^never true from (\S+ s) to (\S+ s)$/, m => '从 ' + m[1] + ' 到 ' + m[2] + ' 从未成立'],
  [/^true throughout from (\S+ s) to (\S+ s)$/, m => '从 ' + m[1] + ' 到 ' + m[2] + ' 始终成立'],
  [/^held for (\S+ s) from (\S+ s)$/, m => '自 ' + m[2] + ' 起保持 ' + m[1]],
  [/^longest so far (\S+ s) of (\S+ s)$/, m => '目前最长保持 ' + m[1] + '（要求 ' + m[2] + '）'],
  [/^could have held for (\S+ s), but the platform could not see part of it$/, m => '可能已保持 ' + m[1] + '，但平台未能观测到其中一部分'],
  [/^held for at most (\S+ s) of (\S+ s)$/, m => '最多保持 ' + m[1] + '（要求 ' + m[2] + '）'],
  [/^(\d+) by (\S+ s), more than allowed$/, m => '到 ' + m[2] + ' 已 ' + m[1] + ' 次，超过允许次数'],
  [/^(\d+) by (\S+ s)$/, m => '到 ' + m[2] + ' 已 ' + m[1] + ' 次'],
  [/^(\d+) so far$/, m => '目前 ' + m[1] + ' 次'],
  [/^(\d+) (\S+?)(?: events)? in the window(?:, the last at (\S+ s))?$/, m => '时间窗口内 ' + m[1] + ' 次 ' + m[2] + (m[3] ? '，最后一次于 ' + m[3] : '')],
  [/^not marked yet$/, () => '尚未评分'],
  [/^not judged$/, () => '尚未判定'],
  [/^marked (\d+) of (\d+)$/, m => '评分 ' + m[1] + ' / ' + m[2]],
  [/^guards '([^']*)', not decided yet$/, m => '所保护的 \'' + m[1] + '\' 尚未评定'],
  [/^guards '([^']*)', which earned nothing: (.*)$/s, m => '所保护的 \'' + m[1] + '\' 未得分：' + reason(m[2])],
  // why a property's value is not GOOD (its quality's reason; an OPC UA status name stays as it is)
  [/^no value yet$/, () => '尚无数值'],
  [/^outside the range (\S+)\.\.(\S+)$/, m => '超出范围 ' + m[1] + '..' + m[2]],
  [/^STALE: no sample for (\d+) ms$/, m => '过时：' + m[1] + ' 毫秒未收到采样'],
  [/^value (.+) does not fit (.+)$/, m => '数值 ' + m[1] + ' 不符合类型 ' + m[2]],
  [/^Bad_ConnectionClosed: the server is unreachable$/, () => 'Bad_ConnectionClosed：服务器无法访问'],
  [/^Bad_NodeIdUnknown: the server has no node (.+)$/, m => 'Bad_NodeIdUnknown：服务器没有节点 ' + m[1]],
  [/^Bad_NoCommunication: the edge node (.+) died \(NDEATH\)$/, m => 'Bad_NoCommunication：边缘节点 ' + m[1] + ' 已离线（NDEATH）'],
  [/^Bad_NoCommunication: the device (.+) died \(DDEATH\)$/, m => 'Bad_NoCommunication：设备 ' + m[1] + ' 已离线（DDEATH）'],
  [/^Uncertain_NoCommunicationLastUsableValue: the edge node reports no value$/, () => 'Uncertain_NoCommunicationLastUsableValue：边缘节点未报告数值'],
  // a session plan's warnings (SessionPlan.warnings)
  [/^station (\S+) has (\d+) examiner\(s\); judgements need (\d+) or more to combine$/,
    m => '工位 ' + m[1] + ' 有 ' + m[2] + ' 名考评员；评判项需 ' + m[3] + ' 名或以上考评员合议'],
  [/^examiner (\S+) has (\d+) stations; at most (\d+) per examiner$/, m => '考评员 ' + m[1] + ' 负责 ' + m[2] + ' 个工位；每名考评员至多 ' + m[3] + ' 个']
];

/** A reason the scoring gave, in the page's language; one it does not know stays as the check wrote it. */
function reason(text) {
  if (!text || lang() !== 'zh') return text || '';
  for (const [pattern, say] of REASONS_ZH) {
    const m = String(text).match(pattern);
    if (m) return say(m);
  }
  return text;
}

// The model's own words (a twin's name, its alarms' messages) in the page's language: a twin's
// JSON carries them in English, its model (GET /api/v1/twins/{id}/model) in both. Read once per page,
// in Chinese only; until they are read, the English shows.
const ModelWords = {
  twins: new Map(), models: new Map(), loading: null,
  load() {
    if (lang() !== 'zh') return Promise.resolve();
    if (!this.loading) {
      const json = path => fetch(path, {credentials: 'same-origin'}).then(r => (r.ok ? r.json() : null)).catch(() => null);
      this.loading = json('/api/v1/twins').then(async twins => {
        if (!twins) this.loading = null; // not logged in yet: ask again next time
        for (const twin of twins || []) {
          this.twins.set(twin.id, twin.model);
          // a twin's own model: whoever may see the twin may read it (the lab's model list is for staff)
          if (!this.models.has(twin.model)) this.models.set(twin.model, await json('/api/v1/twins/' + encodeURIComponent(twin.id) + '/model'));
        }
      });
    }
    return this.loading;
  },
  model(twinId) {
    return this.models.get(this.twins.get(twinId)) || null;
  }
};

/**
 * A check's name: in Chinese its Chinese name or else its id, since an English name a scenario
 * does not give is only the id spelled out ("level-binding-fixed" → "Level binding fixed").
 */
function checkName(c) {
  // a name without Chinese comes back with its English in both fields
  return lang() === 'zh' ? (c.nameZh && c.nameZh !== c.name ? c.nameZh : c.check) : (c.name || c.check);
}

/** A twin's name in the page's language; in Chinese none when its model has no Chinese name (the id then names it). */
function twinName(twinId, english) {
  if (lang() !== 'zh') return english;
  const m = ModelWords.model(twinId);
  return (m && m.name && m.name.zh) || '';
}

/** An alarm's message ({twin, alarm, message} or the twin named apart) in the page's language. */
function alarmText(a, twinId) {
  ModelWords.load(); // the next drawing shows the Chinese, when this one cannot yet
  const m = ModelWords.model(twinId || a.twin);
  const found = m && (m.alarms || []).find(x => x.alarm === a.alarm);
  return (found && lang() === 'zh' && found.message && found.message.zh) || a.message || '';
}

// a control without a visible label of its own is named for screen readers in the page's language
document.querySelectorAll('[data-i18n-label]').forEach(e => e.setAttribute('aria-label', t(e.dataset.i18nLabel)));

// the window's title names the page ("twinlab · station") in the page's language
document.title = document.title.replace(/· (\w+)$/, (m, page) => '· ' + t('pageTitle.' + page));

// times shown with toLocaleTimeString() follow the page's language, not the browser's
const browserTime = Date.prototype.toLocaleTimeString;
Date.prototype.toLocaleTimeString = function (locales, options) {
  return browserTime.call(this, locales || (lang() === 'zh' ? 'zh-CN' : undefined), options);
};
