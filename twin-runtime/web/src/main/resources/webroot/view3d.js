// The 3D panels of the pages, on model3d.js (a module, loaded after the page's scripts): the
// station's twins as one still frame with their values of the moment and the command that opens
// the live desktop viewer (examiner), and a model previewed from the lab's list or a file (trainer).
const View3D = (() => {
  /** The drawing module once loaded; one that never loads (a browser without modules) fails in the end, not forever. */
  function model3d() {
    if (window.Model3D) return Promise.resolve(window.Model3D);
    return new Promise((resolve, reject) => {
      window.addEventListener('model3d-ready', () => resolve(window.Model3D), {once: true});
      setTimeout(() => window.Model3D ? resolve(window.Model3D) : reject(new Error(t('view3dUnavailable'))), 30000);
    });
  }

  /** A line under the picture (say() would take the note's own class away). */
  function tell(note, text, bad) {
    note.textContent = text || '';
    note.classList.toggle('bad', !!bad);
  }

  function canvas() {
    return el('canvas', {class: 'model3d', width: 640, height: 360});
  }

  /** The desktop viewer's command line for these twins, as whoever is logged in. */
  function viewerCommand(twins, user) {
    return './twinlab-viewer --url ' + location.origin + ' --user ' + user + twins.map(id => ' --twin ' + id).join('');
  }

  function copyButton(text) {
    const b = el('button', {class: 'link', onclick: async () => {
      try { await navigator.clipboard.writeText(text); b.textContent = t('view3dCopied'); } catch (e) { /* the line stays selectable */ }
    }}, t('view3dCopy'));
    return b;
  }

  /** Draws the station's twins, each with its model and values as the API gives them now. */
  async function drawStation(box, twins) {
    const area = box.querySelector('.model3d-area');
    const note = box.querySelector('.model3d-note');
    const c = canvas();
    area.replaceChildren(c);
    try {
      const entries = [];
      for (const id of twins) {
        const [twin, model] = await Promise.all([api('GET', '/api/v1/twins/' + encodeURIComponent(id)),
          api('GET', '/api/v1/twins/' + encodeURIComponent(id) + '/model')]);
        entries.push({model, values: twin.values, alarms: twin.alarms});
      }
      const drawn = await (await model3d()).draw(c, entries, t('view3dUnavailable'));
      tell(note, drawn ? tf('view3dDrawn', {time: new Date().toLocaleTimeString()}) : '');
    } catch (e) {
      tell(note, tf('view3dFailed', {why: describe(e)}), true);
    }
  }

  /** The examiner's panel for a station: its 3D snapshot and how to watch it live. */
  function station(container, twins, user) {
    const command = viewerCommand(twins, user);
    const box = el('section', {class: 'card', id: 'station-3d-card'},
      el('h3', {}, t('view3d'), ' ', el('button', {class: 'link', id: 'station-3d-redraw', onclick: () => drawStation(box, twins)}, t('view3dRedraw'))),
      el('div', {class: 'model3d-area'}),
      el('div', {class: 'model3d-note message'}),
      el('div', {class: 'model3d-live'}, el('small', {}, t('view3dLive')), ' ', copyButton(command)),
      el('pre', {class: 'model3d-command', id: 'viewer-command'}, command));
    container.replaceChildren(box);
    return drawStation(box, twins);
  }

  /** Draws one model, with no values: lamps off, the tank empty, as the model is at rest. */
  async function drawModel(box, model) {
    const area = box.querySelector('.model3d-area');
    const note = box.querySelector('.model3d-note');
    const c = canvas();
    area.replaceChildren(c);
    const view = model.view || {};
    if (!(view.shapes || []).length && !(view.gltf && view.gltf.scene)) {
      tell(note, tf('modelPreviewNoView', {model: model.id}), true);
      return;
    }
    try {
      await (await model3d()).draw(c, [{model}], t('view3dUnavailable'));
      tell(note, (model.name && (lang() === 'zh' ? model.name.zh : model.name.en)) || model.id);
    } catch (e) {
      tell(note, tf('view3dFailed', {why: describe(e)}), true);
    }
  }

  /**
   * The trainer's panel: a model of the lab's list, or a model file picked, previewed in 3D. A YAML
   * file is read by the server as the lab would load it (its problems at file:line:column); a JSON
   * file is a model as the models API gives it.
   */
  async function modelPreview(container) {
    const pick = el('select', {id: 'preview-model'});
    const file = el('input', {type: 'file', id: 'preview-file', accept: '.yaml,.yml,.json,application/json'});
    const box = el('section', {class: 'card', id: 'model-preview-card'},
      el('h2', {}, t('modelPreview')),
      el('label', {class: 'inline'}, el('span', {}, t('modelPreviewPick')), pick),
      el('label', {}, el('span', {}, t('modelPreviewFile')), file),
      el('div', {class: 'model3d-area'}),
      el('div', {class: 'model3d-note message'}));
    container.replaceChildren(box);
    const models = await api('GET', '/api/v1/models');
    models.forEach(m => pick.append(el('option', {value: m.id}, m.id + ' · ' + ((lang() === 'zh' ? m.name.zh : m.name.en) || ''))));
    pick.onchange = async () => drawModel(box, await api('GET', '/api/v1/models/' + encodeURIComponent(pick.value)));
    file.onchange = async () => {
      const f = file.files[0];
      if (!f) return;
      const note = box.querySelector('.model3d-note');
      let model;
      if (/\.ya?ml$/i.test(f.name)) {
        try {
          // the server's name rules for a file: the picked name, its other characters as '_'
          const name = f.name.replace(/[^A-Za-z0-9._-]/g, '_').slice(-100);
          model = (await api('POST', '/api/v1/models/validate', {name, yaml: await f.text()})).view;
        } catch (e) {
          tell(note, tf('modelPreviewRefused', {file: f.name, why: describe(e)}), true);
          return;
        }
      } else {
        try {
          model = JSON.parse(await f.text());
          if (!model || typeof model.id !== 'string') throw new Error('no "id"');
        } catch (e) {
          tell(note, tf('modelPreviewBadFile', {file: f.name, why: e.message}), true);
          return;
        }
      }
      await drawModel(box, model);
    };
    if (models.length) await pick.onchange();
  }

  return {station, modelPreview, viewerCommand};
})();

// the trainer's page has a place for the preview: it fills itself (the page's own script need not know)
if (document.getElementById('model-preview')) View3D.modelPreview(document.getElementById('model-preview')).catch(e => console.error(e));
