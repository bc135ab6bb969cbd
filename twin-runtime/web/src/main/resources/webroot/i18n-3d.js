// The 3D previews' words (the station's snapshot, the trainer's model preview) in English and Chinese; loaded right after i18n.js.
Object.assign(STRINGS.en, {
  view3d: '3D view', view3dRedraw: 'Redraw with the live values', view3dUnavailable: '3D not available in this browser (no WebGL)',
  view3dDrawn: 'Drawn at {time} with the values of then', view3dFailed: 'The 3D view could not be drawn: {why}',
  view3dLive: 'To follow the station live in 3D, run the desktop viewer:', view3dCopy: 'Copy', view3dCopied: 'copied',
  modelPreview: 'Model preview', modelPreviewPick: 'Model', modelPreviewFile: 'or a model file (YAML as the lab loads it, or JSON as the models API gives it)',
  modelPreviewBadFile: '{file}: not a model in JSON ({why})', modelPreviewRefused: '{file} is not a model the lab would load:\n{why}', modelPreviewNoView: '{model} has no view hints to draw'
});
Object.assign(STRINGS.zh, {
  view3d: '三维视图', view3dRedraw: '按实时数值重绘', view3dUnavailable: '此浏览器无法显示三维视图（没有 WebGL）',
  view3dDrawn: '绘制于 {time}，采用当时的数值', view3dFailed: '无法绘制三维视图：{why}',
  view3dLive: '要实时跟踪该工位的三维视图，请运行桌面查看器：', view3dCopy: '复制', view3dCopied: '已复制',
  modelPreview: '模型预览', modelPreviewPick: '模型', modelPreviewFile: '或选择模型文件（YAML，与实验室加载的格式相同；或 JSON，与模型 API 返回的内容相同）',
  modelPreviewBadFile: '{file}：不是 JSON 格式的模型（{why}）', modelPreviewRefused: '{file} 不是实验室能加载的模型：\n{why}', modelPreviewNoView: '{model} 没有可绘制的视图提示'
});
