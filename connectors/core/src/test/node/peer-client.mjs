// An OPC UA client on node-opcua that browses, reads and writes a twinlab simulator's server,
// then prints what it found as one JSON object. Usage: node peer-client.mjs URL
import { OPCUAClient, AttributeIds, DataType, MessageSecurityMode, SecurityPolicy } from "node-opcua";

const url = process.argv[2];
const out = { browsePath: [], reads: {}, writes: {} };
const client = OPCUAClient.create({
  endpointMustExist: false,
  securityMode: MessageSecurityMode.None,
  securityPolicy: SecurityPolicy.None,
  connectionStrategy: { maxRetry: 5, initialDelay: 200, maxDelay: 1000 },
});

async function child(session, nodeId, name) {
  const result = await session.browse(nodeId);
  const ref = result.references.find((r) => r.browseName.name === name);
  if (!ref) throw new Error(`no ${name} under ${nodeId.toString()}`);
  out.browsePath.push(name);
  return ref.nodeId;
}

async function value(session, nodeId) {
  const dv = await session.read({ nodeId, attributeId: AttributeIds.Value });
  return { value: dv.value.value, dataType: DataType[dv.value.dataType], status: dv.statusCode.name };
}

async function write(session, nodeId, dataType, v) {
  const status = await session.write({ nodeId, attributeId: AttributeIds.Value, value: { value: { dataType, value: v } } });
  return status.name;
}

try {
  await client.connect(url);
  const session = await client.createSession();
  const blocks = await child(session, "ns=0;i=85", "DataBlocksGlobal");
  const db = await child(session, blocks, "DB_Sorting");
  const belt = await child(session, db, "Belt");
  const vars = await session.browse(belt);
  out.beltVariables = vars.references.map((r) => r.browseName.name);
  const ns = (await session.readNamespaceArray()).indexOf("urn:twinlab:plc");
  const id = (group, tag) => `ns=${ns};s="DB_Sorting"."${group}"."${tag}"`;

  out.reads.encoderFirst = await value(session, id("Belt", "EncoderPosition"));
  out.reads.speed = await value(session, id("Belt", "Speed"));
  await new Promise((r) => setTimeout(r, 1000));
  out.reads.encoderSecond = await value(session, id("Belt", "EncoderPosition"));

  out.writes.setpoint = await write(session, id("Belt", "FrequencySetpoint"), DataType.Float, 22.5);
  out.reads.setpointAfter = await value(session, id("Belt", "FrequencySetpoint"));
  out.writes.outOfRange = await write(session, id("Belt", "FrequencySetpoint"), DataType.Float, 80);
  out.writes.readOnly = await write(session, id("Belt", "Speed"), DataType.Float, 0.1);
  out.writes.wrongType = await write(session, id("Belt", "FrequencySetpoint"), DataType.String, "fast");

  await session.close();
  await client.disconnect();
  console.log(JSON.stringify(out));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e), partial: out }));
  process.exit(1);
}
