// A Sparkplug B edge node built on sparkplug-client (independent of twinlab) for the interop tests.
// node edge-node.mjs <broker url> <group> <node> <device>
// Prints "READY birth" after its first births, "BIRTH <n>" on every birth, "NCMD <json>" and
// "DCMD <json>" for commands; takes one JSON command per line on stdin:
//   {"op":"ndata","metrics":[...]}  {"op":"ddata","metrics":[...]}  {"op":"ddeath"}
//   {"op":"skip"} (loses one sequence number)  {"op":"stop"} (NDEATH, then exits)
import sparkplug from 'sparkplug-client';
import readline from 'node:readline';

const [url, groupId, edgeNode, device] = process.argv.slice(2);
const client = sparkplug.newClient({
  serverUrl: url, groupId, edgeNode, clientId: 'edge-' + edgeNode + '-' + process.pid,
  username: '', password: '', version: 'spBv1.0', publishDeath: true, keepalive: 5,
});

const node = { Temperature: 21.5 };
const tank = { Level: 40, Pump: false, Setpoint: 50.0 };
let births = 0;

function birth() {
  client.publishNodeBirth({ timestamp: Date.now(), metrics: [
    { name: 'Temperature', alias: 1, type: 'Float', value: node.Temperature },
    { name: 'Node Control/Rebirth', alias: 2, type: 'Boolean', value: false },
  ] });
  client.publishDeviceBirth(device, { timestamp: Date.now(), metrics: [
    { name: 'Level', alias: 10, type: 'Int16', value: tank.Level },
    { name: 'Pump', alias: 11, type: 'Boolean', value: tank.Pump },
    { name: 'Setpoint', alias: 12, type: 'Float', value: tank.Setpoint },
  ] });
  births++;
  console.log(births === 1 ? 'READY birth' : 'BIRTH ' + births);
}

client.on('birth', birth);
client.on('ncmd', (payload) => {
  console.log('NCMD ' + JSON.stringify(payload.metrics.map((m) => ({ name: m.name, type: m.type, value: m.value }))));
  if (payload.metrics.some((m) => m.name === 'Node Control/Rebirth' && m.value === true)) birth();
});
client.on('dcmd', (dev, payload) => {
  console.log('DCMD ' + JSON.stringify({ device: dev, metrics: payload.metrics.map((m) => ({ name: m.name, type: m.type, value: m.value })) }));
  // a device takes the setpoint it is sent and reports it back, as a controller would
  const changed = payload.metrics.filter((m) => m.name in tank);
  changed.forEach((m) => { tank[m.name] = m.value; });
  if (changed.length) {
    client.publishDeviceData(device, { timestamp: Date.now(), metrics: changed.map((m) => ({ name: m.name, type: m.type, value: m.value })) });
  }
});
client.on('error', (e) => console.error('edge node: ' + e));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const cmd = JSON.parse(line);
  switch (cmd.op) {
    case 'ndata': client.publishNodeData({ timestamp: Date.now(), metrics: cmd.metrics }); break;
    case 'ddata': client.publishDeviceData(device, { timestamp: Date.now(), metrics: cmd.metrics }); break;
    case 'ddeath': client.publishDeviceDeath(device, { timestamp: Date.now() }); break;
    case 'skip': client.incrementSeqNum(); break;
    case 'stop': client.stop(); setTimeout(() => process.exit(0), 200); break;
    default: console.error('edge node: unknown op ' + cmd.op);
  }
  console.log('DONE ' + cmd.op);
});
