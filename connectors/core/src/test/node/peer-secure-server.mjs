// node-opcua serving only secured endpoints, for our client's security to meet another vendor's.
// Usage: PEER_PASSWORD=... node peer-secure-server.mjs PORT PKI_DIR USER
// Basic256Sha256, Aes128_Sha256_RsaOaep and Aes256_Sha256_RsaPss, Sign and SignAndEncrypt, username
// login only. Its own certificate is made in PKI_DIR on first start; client certificates are
// accepted as they come (as a training PLC set to accept all). Prints "READY <url>" once listening.
import { OPCUAServer, OPCUACertificateManager, Variant, DataType, MessageSecurityMode, SecurityPolicy } from "node-opcua";

const [port, pkiDir, user] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const password = process.env.PEER_PASSWORD;
if (!password) {
  console.error("PEER_PASSWORD is not set");
  process.exit(2);
}
const serverCertificateManager = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: true });
await serverCertificateManager.initialize();
const server = new OPCUAServer({
  port,
  hostname: "127.0.0.1",
  resourcePath: "/UA/Secured",
  serverCertificateManager,
  securityModes: [MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt],
  securityPolicies: [SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep, SecurityPolicy.Aes256_Sha256_RsaPss],
  allowAnonymous: false,
  userManager: { isValidUser: (name, pass) => name === user && pass === password },
  buildInfo: { productName: "twinlab secured interop peer" },
});
await server.initialize();

const addressSpace = server.engine.addressSpace;
const ns = addressSpace.registerNamespace("urn:twinlab:interop-peer");
const line = ns.addFolder(addressSpace.rootFolder.objects, { browseName: "Line" });
let counter = 0;
const timer = setInterval(() => { counter += 1; }, 50);
ns.addVariable({
  organizedBy: line, browseName: "Counter", nodeId: "s=Line.Counter", dataType: "Int32",
  minimumSamplingInterval: 50,
  value: { get: () => new Variant({ dataType: DataType.Int32, value: counter }) },
});

await server.start();
console.log(`READY opc.tcp://127.0.0.1:${port}/UA/Secured`);

const stop = async () => {
  clearInterval(timer);
  await server.shutdown(100);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
