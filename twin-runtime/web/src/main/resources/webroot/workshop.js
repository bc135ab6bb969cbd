// The trainer's editor: CodeMirror (served from the jar as a WebJar) with completion of keys and
// allowed values from the scenario JSON Schema, and the server's problems marked at their
// line and column. Scenarios, models and bindings are YAML.

/** Follows a schema node's $ref and gathers the alternatives it may be (oneOf, anyOf, allOf). */
function schemaAlternatives(root, node, seen = new Set()) {
  if (!node || typeof node !== 'object' || seen.has(node)) return [];
  seen.add(node);
  if (node.$ref && node.$ref.startsWith('#/')) {
    const target = node.$ref.slice(2).split('/').reduce((n, k) => (n ? n[k] : undefined), root);
    return [node, ...schemaAlternatives(root, target, seen)];
  }
  const out = [node];
  for (const k of ['oneOf', 'anyOf', 'allOf']) (node[k] || []).forEach(n => out.push(...schemaAlternatives(root, n, seen)));
  if (node.if) out.push(...schemaAlternatives(root, node.then, seen), ...schemaAlternatives(root, node.else, seen));
  return out;
}

/** The schema nodes a path of keys (and '[]' for a list item) leads to. */
function schemaAt(root, path) {
  let nodes = schemaAlternatives(root, root);
  for (const step of path) {
    const next = [];
    for (const n of nodes) {
      if (step === '[]') {
        if (n.items) next.push(...schemaAlternatives(root, n.items));
      } else if (n.properties && n.properties[step]) {
        next.push(...schemaAlternatives(root, n.properties[step]));
      } else if (n.additionalProperties && typeof n.additionalProperties === 'object') {
        next.push(...schemaAlternatives(root, n.additionalProperties));
      }
    }
    nodes = next;
  }
  return nodes;
}

/** The keys a mapping at that place may have, sorted, the required ones first. */
function schemaKeys(nodes) {
  const required = new Set(nodes.flatMap(n => n.required || []));
  const keys = new Set(nodes.flatMap(n => Object.keys(n.properties || {})));
  return [...keys].sort((a, b) => (required.has(b) - required.has(a)) || a.localeCompare(b));
}

/** The values a key may take that can be listed: its enum, const and boolean choices. */
function schemaValues(nodes) {
  const out = new Set();
  for (const n of nodes) {
    (n.enum || []).forEach(v => out.add(String(v)));
    if ('const' in n) out.add(String(n.const));
    if (n.type === 'boolean') { out.add('true'); out.add('false'); }
  }
  return [...out];
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(.*)$/;

/**
 * Where the cursor stands in a block YAML document: the keys leading to its mapping, and whether
 * it is typing a key or the value of one (with what is typed so far). Flow mappings are left out.
 */
function yamlPlace(lines, lineNo, ch) {
  const before = lines[lineNo].slice(0, ch);
  let indent; let path = []; let key = null; let prefix;
  const value = before.match(/^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:\s*([\w.-]*)$/);
  const typing = before.match(/^(\s*)(-\s+)?([\w-]*)$/);
  let m = value || typing;
  if (!m) return null;
  indent = m[1].length + (m[2] ? m[2].length : 0);
  if (value) { key = value[3]; prefix = value[4]; } else { prefix = typing[3]; }
  let within = indent;
  let allowEqual = false;
  if (m[2]) { path.unshift('[]'); within = m[1].length; allowEqual = true; }
  for (let i = lineNo - 1; i >= 0 && within > 0; i--) {
    const line = lines[i];
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const k = line.match(KEY_LINE);
    const dash = line.match(/^(\s*)-\s+/);
    const col = k ? k[1].length + (k[2] ? k[2].length : 0) : (dash ? dash[1].length + dash[0].length - dash[1].length : line.search(/\S/));
    if (dash && k && k[2] && col === within && !allowEqual) {
      // the first key of the list item we are in
      path.unshift('[]'); within = dash[1].length; allowEqual = true;
      continue;
    }
    if (dash && !k && dash[0].length === within && !allowEqual) {
      path.unshift('[]'); within = dash[1].length; allowEqual = true;
      continue;
    }
    if (k && !k[2] && (col < within || (allowEqual && col === within)) && /^\s*(#.*)?$/.test(k[4])) {
      path.unshift(k[3]); within = col; allowEqual = false;
      continue;
    }
    if (col < within) return null; // a structure these completions do not follow
  }
  return {path, key, prefix};
}

/** A CodeMirror hint source: the keys or values the schema allows where the cursor is. */
function schemaHints(schema) {
  return cm => {
    const cur = cm.getCursor();
    const lines = cm.getValue().split('\n');
    const place = yamlPlace(lines, cur.line, cur.ch);
    if (!place) return null;
    let words;
    if (place.key) {
      words = schemaValues(schemaAt(schema, place.path.concat(place.key)));
    } else {
      words = schemaKeys(schemaAt(schema, place.path)).map(k => ({text: k + ': ', displayText: k}));
    }
    const p = place.prefix.toLowerCase();
    const list = words.filter(w => (typeof w === 'string' ? w : w.displayText).toLowerCase().startsWith(p));
    if (!list.length) return null;
    return {list, from: CodeMirror.Pos(cur.line, cur.ch - place.prefix.length), to: cur};
  };
}

/**
 * An editor over a textarea with one document per kind of file; problems from the server are
 * marked in the document of the file they name.
 */
class Workshop {
  constructor(textarea, schema) {
    this.docs = {};
    this.marks = new Map();
    this.cm = CodeMirror.fromTextArea(textarea, {
      mode: 'yaml', lineNumbers: true, indentUnit: 2, tabSize: 2, indentWithTabs: false, lineWrapping: false,
      gutters: ['problem-gutter', 'CodeMirror-linenumbers'],
      extraKeys: {'Ctrl-Space': cm => this.complete(), Tab: cm => cm.execCommand('insertSoftTab')}
    });
    // the editor types into a hidden field of its own: it carries the name the original field had
    this.cm.getInputField().setAttribute('aria-label', textarea.getAttribute('aria-label') || t('workshopTitle'));
    this.schema = schema;
    this.cm.on('inputRead', (cm, change) => {
      if (this.kind === 'scenario' && /^[A-Za-z_]$/.test(change.text.join(''))) this.complete();
    });
  }

  /** Shows the document of a kind of file, made on first use. */
  ensure(kind) {
    if (!this.docs[kind]) this.docs[kind] = {doc: CodeMirror.Doc('', 'yaml'), name: ''};
    return this.docs[kind];
  }

  show(kind) {
    this.ensure(kind);
    this.kind = kind;
    this.cm.swapDoc(this.docs[kind].doc);
  }

  complete() {
    if (this.kind !== 'scenario' || !this.schema) return;
    this.cm.showHint({hint: schemaHints(this.schema), completeSingle: false});
  }

  text(kind = this.kind) {
    return this.docs[kind] ? this.docs[kind].doc.getValue() : '';
  }

  setText(text, kind = this.kind) {
    this.show(kind);
    this.docs[kind].doc.setValue(text);
    this.clear(kind);
  }

  clear(kind) {
    (this.marks.get(kind) || []).forEach(m => m.clear());
    this.marks.set(kind, []);
    const d = this.docs[kind];
    if (d) d.doc.eachLine(h => { d.doc.removeLineClass(h, 'background', 'problem-line'); });
    if (kind === this.kind) this.cm.clearGutter('problem-gutter');
  }

  /** Marks each problem at its line and column in the document of its file, the first in view. */
  mark(kind, problems, words) {
    this.clear(kind);
    const d = this.ensure(kind);
    const marks = this.marks.get(kind);
    problems.filter(p => p.line > 0 && p.line <= d.doc.lineCount()).forEach(p => {
      const line = p.line - 1;
      const from = {line, ch: Math.max(0, (p.column || 1) - 1)};
      const text = d.doc.getLine(line);
      const end = text.slice(from.ch).search(/[\s,}\]]/);
      const to = {line, ch: end > 0 ? from.ch + end : Math.max(from.ch + 1, text.length)};
      marks.push(d.doc.markText(from, to, {className: 'problem-mark', attributes: {title: words(p)}}));
      d.doc.addLineClass(line, 'background', 'problem-line');
      marks.push(d.doc.addLineWidget(line, el('div', {class: 'problem-widget', 'data-line': p.line, 'data-column': p.column}, '⚠ ' + words(p)),
        {coverGutter: false, noHScroll: true}));
      if (kind === this.kind) this.cm.setGutterMarker(line, 'problem-gutter', el('span', {class: 'problem-dot', title: words(p)}, '●'));
    });
    const first = problems.find(p => p.line > 0);
    if (first && kind === this.kind) this.cm.scrollIntoView({line: first.line - 1, ch: 0}, 80);
  }
}
