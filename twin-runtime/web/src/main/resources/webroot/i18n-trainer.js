// The trainer's workshop (editor, versions, model and bindings checks, the dry run's adversarial
// table) in English and Chinese; loaded right after i18n.js.
Object.assign(STRINGS.en, {
  workshopTitle: 'Workshop', workshopKind: 'File', workshopScenario: 'Scenario', workshopModel: 'Twin model', workshopBindings: 'Bindings',
  workshopForModel: 'For the model', workshopModelAbove: 'the model file open here', workshopFromDisk: 'Open a file',
  workshopSave: 'Save as a new version', workshopVersions: 'Saved versions', workshopOpenVersion: 'Open this version',
  workshopHelp: 'Ctrl+Space completes keys and allowed values from the scenario schema; problems are marked at their line.',
  workshopDryRunTitle: 'Dry run: the scripted candidates', workshopDryRunThis: 'Dry-run the open scenario',
  workshopOpened: 'Opened {id} ({file})', workshopOpenedCopy: '{id} is a library scenario and stays as shipped: it opened as {copy}, which you save as your own',
  workshopVersionOpened: 'Opened version {n} of {id}', workshopVersionLabel: 'version {n} · {at} · declares version {declared}',
  workshopNoVersions: 'none saved', workshopSaved: 'Saved {id}: version {n}', workshopChecked: 'No problems: {what}',
  workshopProblemsFound: '{n} problems, each marked at its line', workshopProblemsElsewhere: 'in {file}',
  workshopModelOk: 'model {model} version {version}', workshopBindingsOk: 'twin {twin} on model {model}: {bindings} bindings, {commands} commands',
  workshopNothingOpen: 'Open or save a scenario first', workshopNoModel: 'Open a model file or choose one of the lab\'s models',
  workshopReadOnly: 'library scenario, read-only', workshopOwn: 'your own scenario',
  dryExpected: 'Expected', dryVerdict: 'Verdict', dryOk: 'ok', dryViolation: 'violation', dryViolations: '{n} violations',
  'dryWho.reference': 'Reference solution', 'dryWho.idle': 'Does nothing', 'dryWho.motions': 'Goes through the motions',
  'dryWho.random': 'Random candidate {n}', 'dryWho.task-alone': 'Only task {task}',
  'dryExpect.reference-scores-100': 'passes with 100', 'dryExpect.idle-scores-0': 'earns nothing',
  'dryExpect.motions-fails': 'fails, with at most a third', 'dryExpect.random-fails': 'fails, with at most a third',
  'dryExpect.task-alone-earns-its-share': "earns its task's share, {share} ± 5",
  dryFindings: 'Fairness findings', dryNoFindings: 'None: every scripted candidate scored as its rule expects',
  dryFinding: '{who} scored {score} ({result}); expected: {expected}', dryEarnedFrom: 'points from {checks}',
  dryTaskNoSteps: 'task {task} has no reference steps of its own'
});
Object.assign(STRINGS.zh, {
  workshopTitle: '编写工作台', workshopKind: '文件', workshopScenario: '考核场景', workshopModel: '孪生模型', workshopBindings: '绑定',
  workshopForModel: '所属模型', workshopModelAbove: '此处打开的模型文件', workshopFromDisk: '打开文件',
  workshopSave: '保存为新版本', workshopVersions: '已保存的版本', workshopOpenVersion: '打开此版本',
  workshopHelp: 'Ctrl+空格 按场景模式补全键名和允许的取值；问题标在所在行。',
  workshopDryRunTitle: '试运行：脚本考生', workshopDryRunThis: '试运行当前场景',
  workshopOpened: '已打开 {id}（{file}）', workshopOpenedCopy: '{id} 是场景库中的场景，保持原样：已以 {copy} 打开，保存后即为您自己的场景',
  workshopVersionOpened: '已打开 {id} 的第 {n} 版', workshopVersionLabel: '第 {n} 版 · {at} · 声明版本 {declared}',
  workshopNoVersions: '尚无保存', workshopSaved: '已保存 {id}：第 {n} 版', workshopChecked: '没有问题：{what}',
  workshopProblemsFound: '{n} 个问题，均已标在所在行', workshopProblemsElsewhere: '位于 {file}',
  workshopModelOk: '模型 {model} 第 {version} 版', workshopBindingsOk: '孪生体 {twin}（模型 {model}）：{bindings} 个绑定，{commands} 个命令',
  workshopNothingOpen: '请先打开或保存一个场景', workshopNoModel: '请打开一个模型文件或选择实验室的模型',
  workshopReadOnly: '场景库场景，只读', workshopOwn: '您自己的场景',
  dryExpected: '应有结果', dryVerdict: '判定', dryOk: '符合', dryViolation: '违反', dryViolations: '{n} 处违反',
  'dryWho.reference': '参考解答', 'dryWho.idle': '什么都不做', 'dryWho.motions': '只走形式',
  'dryWho.random': '随机操作考生 {n}', 'dryWho.task-alone': '只完成任务 {task}',
  'dryExpect.reference-scores-100': '通过，得 100 分', 'dryExpect.idle-scores-0': '得 0 分',
  'dryExpect.motions-fails': '不及格，且至多三分之一的分数', 'dryExpect.random-fails': '不及格，且至多三分之一的分数',
  'dryExpect.task-alone-earns-its-share': '得到该任务的份额 {share} ± 5',
  dryFindings: '公平性发现', dryNoFindings: '无：每个脚本考生的得分都符合其规则的预期',
  dryFinding: '{who} 得 {score} 分（{result}）；应有结果：{expected}', dryEarnedFrom: '得分来自 {checks}',
  dryTaskNoSteps: '任务 {task} 没有自己的参考步骤'
});
// The clause coverage, worked out on request: it plays every library scenario twice.
Object.assign(STRINGS.en, {
  coverageShow: 'Work out the coverage', coverageWorking: 'Playing every library scenario, twice: this takes a while…'
});
Object.assign(STRINGS.zh, {
  coverageShow: '计算条款覆盖', coverageWorking: '正在将库中每个场景各运行两次，需要一些时间……'
});
