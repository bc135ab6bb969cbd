// Lists the twins and follows each one's live feed (Server-Sent Events).
const main = document.getElementById('twins');



async function follow(twin) {
  await ModelWords.load();
  const box = el('section', {id: 'twin-' + twin.id});
  const title = el('h2');
  title.append(el('span', {}, [twin.id, twinName(twin.id, twin.name)].filter(Boolean).join(' · ')), el('small', {class: 'lifecycle'}, code('lifecycle', twin.lifecycle)));
  const alarms = el('div', {class: 'alarms'});
  const table = el('table');
  box.append(title, alarms, table);
  main.append(box);
  const rows = new Map();
  const active = new Map();
  const source = new EventSource('/api/v1/twins/' + encodeURIComponent(twin.id) + '/stream');
  source.addEventListener('property', e => {
    const p = JSON.parse(e.data);
    let row = rows.get(p.property);
    if (!row) {
      row = el('tr');
      row.append(el('td', {}, p.property), el('td', {class: 'v'}), el('td', {}, p.unit || ''));
      rows.set(p.property, row);
      table.append(row);
    }
    row.className = p.reason && p.reason.startsWith('STALE') ? 'UNCERTAIN' : p.quality;
    row.title = reason(p.reason);
    row.children[1].textContent = fmt(p.value);
  });
  source.addEventListener('alarm', e => {
    const a = JSON.parse(e.data);
    if (a.active) active.set(a.alarm, alarmText(a, twin.id)); else active.delete(a.alarm);
    alarms.textContent = [...active.values()].join(' · ');
  });
  source.addEventListener('lifecycle', e => {
    box.querySelector('.lifecycle').textContent = code('lifecycle', JSON.parse(e.data).lifecycle);
  });
}

async function health() {
  const badge = document.getElementById('health');
  try {
    const h = await (await fetch('/api/v1/health')).json();
    badge.textContent = tf('healthConnections', {status: code('health', h.status), up: h.connections.filter(c => c.state === 'CONNECTED').length,
      all: h.connections.length});
    badge.className = 'badge ' + h.status;
  } catch (e) {
    badge.textContent = t('healthUnreachable');
    badge.className = 'badge DEGRADED';
  }
}

page().then(me => {
  // back to the page of the user's role
  document.getElementById('home').href = homeOf(me.role);
  return fetch('/api/v1/twins').then(r => r.json()).then(twins => twins.forEach(follow));
});
health();
setInterval(health, 3000);
