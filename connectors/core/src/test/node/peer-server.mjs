// An OPC UA server on node-opcua, independent of Milo, for our client to talk to.
// Usage: node peer-server.mjs PORT   — prints "READY <url>" once listening; stops on SIGTERM or stdin close.
import { OPCUAServer, Variant, DataType, StatusCodes, MessageSecurityMode, SecurityPolicy } from "node-opcua";

const port = Number(process.argv[2]);
const server = new OPCUAServer({
  port,
  hostname: "127.0.0.1",
  resourcePath: "/UA/Peer",
  securityModes: [MessageSecurityMode.None],
  securityPolicies: [SecurityPolicy.None],
  allowAnonymous: true,
  buildInfo: { productName: "twinlab interop peer" },
});
await server.initialize();

const addressSpace = server.engine.addressSpace;
const ns = addressSpace.registerNamespace("urn:twinlab:interop-peer");
const line = ns.addFolder(addressSpace.rootFolder.objects, { browseName: "Line" });

let temperature = 20.0;
let counter = 0;
let setpoint = 1.5;
let enabled = false;
const timer = setInterval(() => {
  temperature += 0.1;
  counter += 1;
}, 50);

const rw = "CurrentRead | CurrentWrite";
ns.addVariable({
  organizedBy: line, browseName: "Temperature", nodeId: "s=Line.Temperature", dataType: "Double",
  minimumSamplingInterval: 50,
  value: { get: () => new Variant({ dataType: DataType.Double, value: temperature }) },
});
ns.addVariable({
  organizedBy: line, browseName: "Counter", nodeId: "s=Line.Counter", dataType: "Int32",
  minimumSamplingInterval: 50,
  value: { get: () => new Variant({ dataType: DataType.Int32, value: counter }) },
});
ns.addVariable({
  organizedBy: line, browseName: "Setpoint", nodeId: "s=Line.Setpoint", dataType: "Float",
  accessLevel: rw, userAccessLevel: rw, minimumSamplingInterval: 50,
  value: {
    get: () => new Variant({ dataType: DataType.Float, value: setpoint }),
    set: (v) => { setpoint = v.value; return StatusCodes.Good; },
  },
});
ns.addVariable({
  organizedBy: line, browseName: "Enabled", nodeId: "s=Line.Enabled", dataType: "Boolean",
  accessLevel: rw, userAccessLevel: rw, minimumSamplingInterval: 50,
  value: {
    get: () => new Variant({ dataType: DataType.Boolean, value: enabled }),
    set: (v) => { enabled = v.value; return StatusCodes.Good; },
  },
});

await server.start();
console.log(`READY opc.tcp://127.0.0.1:${port}/UA/Peer`);

const stop = async () => {
  clearInterval(timer);
  await server.shutdown(100);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
