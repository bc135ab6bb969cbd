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
// the station view's table headings
Object.assign(STRINGS.en, {checkColumn: 'Check', pointsColumn: 'pts'});
Object.assign(STRINGS.zh, {checkColumn: '评分点', pointsColumn: '分值'});
