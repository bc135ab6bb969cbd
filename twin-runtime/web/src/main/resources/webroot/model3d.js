// A model drawn in 3D, lit and shaded, from its view hints as the API serves them (shapes and an
// inline glTF scene), with a twin's values applied as the desktop viewer applies them: lamps and
// parts coloured, the tank filled, the belt moved. One still frame, drawn with three.js (shipped as
// a WebJar); where the browser has no WebGL, it says so instead. Pages call window.Model3D.
import * as THREE from 'three';
import {GLTFLoader} from '/webjars/three/0.181.1/examples/jsm/loaders/GLTFLoader.js';

const SPACING_X = 3.2;
const SPACING_Z = 2.4;

/** Whether this browser can draw WebGL at all (headless ones without a GPU need SwiftShader). */
function available() {
  try {
    const c = document.createElement('canvas');
    return !!(window.WebGLRenderingContext && (c.getContext('webgl2') || c.getContext('webgl')));
  } catch (e) {
    return false;
  }
}

function colour(text) {
  const hex = String(text || '#9e9e9e').replace('#', '');
  return {rgb: new THREE.Color('#' + hex.slice(0, 6)), alpha: hex.length >= 8 ? parseInt(hex.slice(6, 8), 16) / 255 : 1};
}

function material(text) {
  const c = colour(text);
  return new THREE.MeshStandardMaterial({color: c.rgb, roughness: 0.6, metalness: 0.1,
    transparent: c.alpha < 1, opacity: c.alpha, depthWrite: c.alpha >= 1});
}

function paint(object, text) {
  const c = colour(text);
  object.traverse(o => { if (o.isMesh) { o.material = o.material.clone(); o.material.color.copy(c.rgb); } });
}

/** The property's range [min, max] from the model, if it has one. */
function rangeOf(model, property) {
  for (const c of model.components || []) for (const p of c.properties || []) if (p.property === property) return p.range && p.range.length === 2 ? p.range : null;
  return null;
}

/** A colour for a value: a boolean or enum by its name, a number by the highest threshold reached. */
function colourFor(colors, value) {
  if (typeof value === 'number') {
    let best = null, at = -Infinity;
    for (const [k, c] of Object.entries(colors || {})) {
      const v = Number(k);
      if (value >= v && v >= at) { best = c; at = v; }
    }
    return best;
  }
  return (colors || {})[String(value)] || null;
}

/** Applies one binding's effect to the body node between a part and its children, as the viewer does. */
function apply(model, body, a, value) {
  if (value === undefined || value === null) {
    if (a.effect === 'fill') body.scale.set(a.axis[0] ? 0.001 : 1, a.axis[1] ? 0.001 : 1, a.axis[2] ? 0.001 : 1);
    return;
  }
  const axis = new THREE.Vector3(...(a.axis || [1, 0, 0]));
  const num = typeof value === 'number' ? value : (value === true ? 1 : 0);
  switch (a.effect) {
    case 'translate': {
      let d = num * (a.scale ?? 1) + (a.offset || 0);
      if (a.wrap > 0) d = ((d % a.wrap) + a.wrap) % a.wrap;
      body.position.copy(axis.multiplyScalar(d));
      break;
    }
    case 'fill': {
      const r = rangeOf(model, a.property);
      const f = Math.min(1, Math.max(0.001, r ? (num - r[0]) / (r[1] - r[0]) : num));
      body.scale.set(axis.x ? f : 1, axis.y ? f : 1, axis.z ? f : 1);
      break;
    }
    case 'spin': body.setRotationFromAxisAngle(axis.normalize(), num * (a.scale ?? 1)); break;
    case 'color': { const c = colourFor(a.colors, value); if (c) paint(body, c); break; }
    case 'visible': body.visible = value === true; break;
    default: break; // shake: a still frame does not shake
  }
}

/** A shape of the hints: its pivot at its position, a cylinder standing on it, the body between. */
function shape(hint) {
  const [x, y, z] = hint.size;
  let geometry;
  if (hint.shape === 'box') geometry = new THREE.BoxGeometry(x, y, z);
  else if (hint.shape === 'cylinder') { geometry = new THREE.CylinderGeometry(x / 2, x / 2, y, 32); geometry.translate(0, y / 2, 0); }
  else geometry = new THREE.SphereGeometry(x / 2, 24, 16);
  const mesh = new THREE.Mesh(geometry, material(hint.color));
  mesh.castShadow = mesh.receiveShadow = !mesh.material.transparent;
  const body = new THREE.Group();
  body.add(mesh);
  const pivot = new THREE.Group();
  pivot.name = hint.id;
  pivot.position.set(...hint.position);
  pivot.add(body);
  return {pivot, body};
}

/** A body node put between a glTF node and its children, so effects act relative to where the file put it. */
function bodyOf(node) {
  if (node.isMesh) {
    // three.js makes a node with one mesh a Mesh itself: a holder takes its place where the file put it
    const holder = new THREE.Group();
    holder.name = node.name + '#place';
    holder.position.copy(node.position);
    holder.quaternion.copy(node.quaternion);
    holder.scale.copy(node.scale);
    node.parent.add(holder);
    holder.add(node);
    node.position.set(0, 0, 0);
    node.quaternion.identity();
    node.scale.set(1, 1, 1);
    return node;
  }
  const body = new THREE.Group();
  [...node.children].forEach(c => body.add(c));
  node.add(body);
  return body;
}

/** A buffer's bytes from its data: URI (the only kind a served model carries: its glTF comes inline). */
function bytesOf(uri) {
  const comma = uri.indexOf(',');
  if (!uri.startsWith('data:') || comma < 0) throw new Error('a glTF buffer that is not a data: URI');
  const head = uri.slice(0, comma);
  const body = uri.slice(comma + 1);
  if (head.endsWith(';base64')) return Uint8Array.from(atob(body), ch => ch.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(body));
}

/**
 * The inline glTF as one binary glTF (GLB): its buffers joined into the binary chunk, so the loader
 * fetches nothing (the pages' policy lets scripts fetch from this server only, not data: URIs).
 */
function glb(gltfJson) {
  const doc = JSON.parse(JSON.stringify(gltfJson));
  const parts = (doc.buffers || []).map(b => bytesOf(b.uri));
  const starts = [];
  let length = 0;
  for (const p of parts) { starts.push(length); length += Math.ceil(p.length / 4) * 4; }
  for (const v of doc.bufferViews || []) { v.byteOffset = (v.byteOffset || 0) + starts[v.buffer]; v.buffer = 0; }
  if (parts.length) doc.buffers = [{byteLength: length}];
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const jsonLength = Math.ceil(json.length / 4) * 4;
  const total = 12 + 8 + jsonLength + (parts.length ? 8 + length : 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546C67, true); dv.setUint32(4, 2, true); dv.setUint32(8, total, true);
  dv.setUint32(12, jsonLength, true); dv.setUint32(16, 0x4E4F534A, true);
  out.fill(0x20, 20, 20 + jsonLength);
  out.set(json, 20);
  if (parts.length) {
    const bin = 20 + jsonLength;
    dv.setUint32(bin, length, true); dv.setUint32(bin + 4, 0x004E4942, true);
    parts.forEach((p, i) => out.set(p, bin + 8 + starts[i]));
  }
  return out.buffer;
}

async function gltf(view) {
  const loader = new GLTFLoader();
  const parsed = await loader.parseAsync(glb(view.gltf.scene), '');
  const root = parsed.scene;
  root.traverse(o => { if (o.isMesh) { o.castShadow = o.receiveShadow = !(o.material && o.material.transparent); } });
  return root;
}

/** One twin's rig: its shapes and glTF scene with its values applied and its alarms' parts in red. */
async function rig(entry) {
  const {model} = entry;
  const values = entry.values || {};
  const value = p => values[p] ? values[p].value : undefined;
  const view = model.view || {};
  const group = new THREE.Group();
  for (const hint of view.shapes || []) {
    const {pivot, body} = shape(hint);
    for (const a of hint.animate || []) apply(model, body, a, value(a.property));
    group.add(pivot);
  }
  if (view.gltf && view.gltf.scene) {
    const root = await gltf(view);
    for (const n of view.gltf.nodes || []) {
      const node = root.getObjectByName(n.node);
      if (!node) continue;
      if (!node.userData.body) node.userData.body = bodyOf(node);
      apply(model, node.userData.body, n, value(n.property));
    }
    group.add(root);
  }
  // a part an active alarm is about glows red: a red rig is enough for a still frame
  const active = (entry.alarms || []).filter(a => a.active);
  if (active.length) group.traverse(o => { if (o.isMesh && o.material.emissive) { o.material = o.material.clone(); o.material.emissive.set('#b71c1c'); } });
  return group;
}

/**
 * Draws the twins (each {model, values?, alarms?}) into the canvas as one still frame, lit, with
 * shadows; answers false, having said so in the canvas's place, where WebGL is missing.
 */
async function draw(canvas, entries, unavailable) {
  if (!available()) {
    const note = document.createElement('div');
    note.className = 'message bad model3d-unavailable';
    note.textContent = unavailable;
    canvas.replaceWith(note);
    return false;
  }
  const renderer = new THREE.WebGLRenderer({canvas, antialias: true, preserveDrawingBuffer: true});
  renderer.setSize(canvas.width, canvas.height, false);
  renderer.shadowMap.enabled = true;
  const scene = new THREE.Scene();
  scene.background = new THREE.Color('#eef0f2');
  const columns = Math.max(1, Math.ceil(Math.sqrt(entries.length)));
  for (let i = 0; i < entries.length; i++) {
    const r = await rig(entries[i]);
    r.position.set((i % columns) * SPACING_X, 0, Math.floor(i / columns) * SPACING_Z);
    scene.add(r);
  }
  const box = new THREE.Box3().setFromObject(scene);
  const centre = box.getCenter(new THREE.Vector3());
  const size = Math.max(1, box.getSize(new THREE.Vector3()).length());
  const floor = new THREE.Mesh(new THREE.PlaneGeometry(size * 3, size * 3), new THREE.MeshStandardMaterial({color: '#cfcfc8'}));
  floor.rotation.x = -Math.PI / 2;
  floor.position.set(centre.x, box.min.y - 0.002, centre.z);
  floor.receiveShadow = true;
  scene.add(floor);
  scene.add(new THREE.AmbientLight('#ffffff', 0.9));
  const sun = new THREE.DirectionalLight('#fffbe8', 2.2);
  sun.position.set(centre.x + size, centre.y + size * 1.6, centre.z + size * 0.8);
  sun.target.position.copy(centre);
  sun.castShadow = true;
  sun.shadow.mapSize.set(1024, 1024);
  Object.assign(sun.shadow.camera, {left: -size, right: size, top: size, bottom: -size, near: 0.1, far: size * 6});
  sun.shadow.camera.updateProjectionMatrix();
  scene.add(sun, sun.target);
  const camera = new THREE.PerspectiveCamera(45, canvas.width / canvas.height, 0.05, 500);
  camera.position.set(centre.x + size * 0.35, centre.y + size * 0.55, centre.z + size * 0.95);
  camera.lookAt(centre);
  renderer.render(scene, camera);
  canvas.dataset.drawn = String(entries.length);
  return true;
}

window.Model3D = {available, draw};
window.dispatchEvent(new Event('model3d-ready'));
