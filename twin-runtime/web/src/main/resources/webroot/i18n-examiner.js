// The examiner's hall, alarm panel and dialogs in English and Chinese; loaded right after i18n.js.
Object.assign(STRINGS.en, {
  hallFilter: 'Filter', hallAllStates: 'All states', hallSearch: 'Station, candidate or action',
  hallPoints: 'Points', hallResult: 'Result', hallChecks: 'Checks', hallLastAction: 'Last action', hallNeedsMarking: 'To mark',
  hallPending: 'pending', hallShown: '{shown} of {all} stations shown', hallSummary: '{running} running · {paused} paused · {ready} ready · {ended} ended',
  hallAlarmsTotal: '{n} active alarms', hallToMarkTotal: '{n} judgements to mark', hallNone: 'no station matches',
  hallProgress: '✓ {passed} · ✗ {failed} · … {pending}', hallPointsTitle: 'earned / decided / possible',
  alarmPanel: 'Alarms', alarmActive: 'active', alarmCleared: 'cleared', alarmAck: 'Acknowledge', alarmAcked: 'acknowledged by {by} at {at}',
  alarmNotAcked: 'not acknowledged', alarmRaised: 'raised', alarmSeen: 'Alarm changes seen on this page', alarmSeverity: 'Severity', alarmHistory: 'Alarm history (last hour)',
  dialogOk: 'OK', dialogCancel: 'Cancel', pauseStation: 'Pause station {station}', pauseAllTitle: 'Pause every station',
  extendStation: 'Extend station {station}', endStation: 'End station {station}?', endSessionConfirm: 'End the whole session? Every station stops and the evidence is sealed.',
  reasonNeeded: 'a reason is needed', minutesNeeded: 'whole minutes from 1 to 120', endReason: 'stopped by {who}'
});
Object.assign(STRINGS.zh, {
  hallFilter: '筛选', hallAllStates: '全部状态', hallSearch: '工位、考生或操作',
  hallPoints: '得分', hallResult: '结果', hallChecks: '评分点', hallLastAction: '最近操作', hallNeedsMarking: '待评分',
  hallPending: '待定', hallShown: '显示 {shown}/{all} 个工位', hallSummary: '进行中 {running} · 暂停 {paused} · 就绪 {ready} · 已结束 {ended}',
  hallAlarmsTotal: '活动报警 {n} 条', hallToMarkTotal: '待评分评判项 {n} 项', hallNone: '没有符合条件的工位',
  hallProgress: '✓ {passed} · ✗ {failed} · … {pending}', hallPointsTitle: '得分 / 已判定 / 满分',
  alarmPanel: '报警', alarmActive: '活动', alarmCleared: '已消除', alarmAck: '确认', alarmAcked: '{by} 于 {at} 确认',
  alarmNotAcked: '未确认', alarmRaised: '发生', alarmSeen: '本页面观察到的报警变化', alarmSeverity: '级别', alarmHistory: '报警历史（最近一小时）',
  dialogOk: '确定', dialogCancel: '取消', pauseStation: '暂停工位 {station}', pauseAllTitle: '暂停全部工位',
  extendStation: '工位 {station} 延时', endStation: '结束工位 {station}？', endSessionConfirm: '结束整个场次？所有工位将停止，证据日志将封存。',
  reasonNeeded: '请填写原因', minutesNeeded: '1 到 120 的整数分钟', endReason: '由 {who} 结束'
});
// The session's alarm panel and the live chart
Object.assign(STRINGS.en, {
  sessionAlarms: 'Alarms of the session', sessionAlarmHistory: 'Alarm changes seen in the hall', sessionAlarmsToggle: 'Alarms of the session: {n} active',
  close: 'Close', alarmChange: 'Change', alarmRose: 'raised', alarmWentOff: 'cleared', alarmGotAck: 'acknowledged', time: 'Time'
});
Object.assign(STRINGS.zh, {
  sessionAlarms: '本场次报警', sessionAlarmHistory: '大厅中观察到的报警变化', sessionAlarmsToggle: '本场次报警：活动 {n} 条',
  close: '关闭', alarmChange: '变化', alarmRose: '发生', alarmWentOff: '消除', alarmGotAck: '已确认', time: '时间'
});
// Marking: enter, review, confirm
Object.assign(STRINGS.en, {
  markEnterFirst: 'Step 1: choose the mark whose descriptor fits the evidence', markEntered: 'Step 2: your mark {mark} is entered — review it, then confirm',
  markReview: 'Confirm your mark {mark} on {check}? “{descriptor}” — once confirmed it is locked.', markConfirm: 'Review and confirm',
  markConfirmed: '✓ your mark {mark} is confirmed and locked ({at})'
});
Object.assign(STRINGS.zh, {
  markEnterFirst: '第一步：选择与证据相符的评分描述', markEntered: '第二步：已录入您的评分 {mark}——请复核后确认',
  markReview: '确认您对 {check} 的评分 {mark}？“{descriptor}”——确认后将锁定。', markConfirm: '复核并确认',
  markConfirmed: '✓ 您的评分 {mark} 已确认并锁定（{at}）'
});
// Planning a session: the rules, the live check, the server's problems in the form's words
Object.assign(STRINGS.en, {
  ruleExamExaminers: 'A station of an exam needs an odd number of examiners, {n} or more.',
  ruleScenarioExaminers: 'A station of a scenario needs one or more examiners; judgements combine with {n} or more (fewer is warned of).',
  ruleStationsPerExaminer: 'One examiner watches at most {n} stations (more is warned of).',
  ruleOneStation: 'Each candidate sits one station and each twin serves one station, of a session that has ended or of none.',
  planStationN: 'Station {n} ({id})', planStations: 'Stations', planNeedsId: 'needs an id', planNeedsCandidate: 'choose a candidate',
  planCandidateTwice: '{who} already sits another station', planNeedsTwin: 'choose a twin of the {rig} rig', planTwinTwice: '{twin} already serves another station',
  planExamExaminers: 'an exam needs an odd number of three or more examiners ({n} chosen)', planNeedsExaminer: 'choose one or more examiners',
  planFewExaminers: '{n} examiner(s): judgements need {min} or more to combine', planExaminerLoad: '{who} would watch {n} stations, more than {max}',
  planFine: 'the plan keeps every rule'
});
Object.assign(STRINGS.zh, {
  ruleExamExaminers: '考试的工位需要奇数名考评员，至少 {n} 名。',
  ruleScenarioExaminers: '考核场景的工位需要至少一名考评员；评判项需 {n} 名或以上考评员综合（少于此数会提示）。',
  ruleStationsPerExaminer: '每名考评员最多负责 {n} 个工位（超过会提示）。',
  ruleOneStation: '每名考生只在一个工位，每个孪生体只服务一个工位（其他场次须已结束）。',
  planStationN: '第 {n} 个工位（{id}）', planStations: '工位', planNeedsId: '需要工位编号', planNeedsCandidate: '请选择考生',
  planCandidateTwice: '{who} 已在另一个工位', planNeedsTwin: '请选择 {rig} 设备的孪生体', planTwinTwice: '{twin} 已服务另一个工位',
  planExamExaminers: '考试需要奇数名、至少三名考评员（已选 {n} 名）', planNeedsExaminer: '请选择至少一名考评员',
  planFewExaminers: '{n} 名考评员：评判项需 {min} 名或以上才能综合', planExaminerLoad: '{who} 将负责 {n} 个工位，超过 {max} 个',
  planFine: '计划符合全部规则'
});
// the station view's table headings
Object.assign(STRINGS.en, {checkColumn: 'Check', pointsColumn: 'pts'});
Object.assign(STRINGS.zh, {checkColumn: '评分点', pointsColumn: '分值'});
