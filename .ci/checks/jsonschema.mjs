// Validates the open data of the built site against its own JSON Schemas.
//
// What: every JSON document under PUBLIC_DIR/api/v1/ (the schemas in
// api/v1/schema/ excepted) is validated with ajv (JSON Schema 2020-12,
// strict mode, ajv-formats) against the schema its "$schema" names. The URL
// is mapped to the local file by the part after /api/v1/, whatever base URL
// the build used: https://host/x/api/v1/schema/area.schema.json ->
// PUBLIC_DIR/api/v1/schema/area.schema.json. Every schema must also compile
// in strict mode on its own (they are self-contained), and its "$id" must be
// the URL the documents use. Every JSON document index.json lists (in
// "documents", and the plans' progress documents in "progress") must be
// there, with the schema the index gives it.
// Why: the schemas are published for re-users; a document that does not
// match them, or a schema a strict validator rejects, breaks their tools.
//
// Strict mode: every rule of ajv's strict mode is on ("strict: true"), and
// a schema that breaks one fails the check (ajv stops at the first one in
// each schema): strictSchema (unknown keywords, unknown formats, ignored
// keywords), strictNumbers, strictTuples, strictTypes (a keyword such as
// "pattern" or "required" needs the "type" it applies to in its own
// subschema or a parent at the same place, not only behind a "$ref") and
// strictRequired (a "required" property must be declared in "properties",
// e.g. with true in an if/then branch).
//
// Usage: node .ci/checks/jsonschema.mjs PUBLIC_DIR
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = process.argv[2];
if (!root || process.argv.length > 3) { console.error('usage: node jsonschema.mjs PUBLIC_DIR'); process.exit(2); }
const api = path.join(root, 'api', 'v1');
const schemaDir = path.join(api, 'schema');

const problems = [];
const fail = (file, msg) => problems.push(`${path.relative(root, file)}: ${msg}`);
const readJSON = (file) => {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { fail(file, `not JSON: ${e.message}`); return undefined; }
};

// 1. Compile every schema on its own (a fresh Ajv each, so one schema's
// problems are reported against its own file). A schema that fails strict
// mode is still compiled leniently so that its documents are validated
// (its warnings are silenced there: the strict failure is already reported).
const newAjv = (strict = true) => {
  const logger = { log() {}, warn: strict ? console.warn : () => {}, error: console.error };
  const ajv = new Ajv2020({ strict, allErrors: true, logger }); // strict: true turns on all five rules (see the header)
  addFormats(ajv);
  return ajv;
};
const validators = new Map(); // local schema file -> { validate, id }
const schemaFiles = fs.existsSync(schemaDir) ? fs.readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json')).sort() : [];
for (const name of schemaFiles) {
  const file = path.join(schemaDir, name);
  const schema = readJSON(file);
  if (schema === undefined) continue;
  if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') fail(file, `"$schema" is ${JSON.stringify(schema.$schema)}, expected the 2020-12 meta-schema`);
  if (typeof schema.$id !== 'string' || !schema.$id.endsWith(`/api/v1/schema/${name}`)) fail(file, `"$id" ${JSON.stringify(schema.$id)} does not end with /api/v1/schema/${name}`);
  try {
    validators.set(file, { validate: newAjv().compile(schema), id: schema.$id });
  } catch (e) {
    fail(file, `does not compile in strict mode: ${e.message}`);
    try { validators.set(file, { validate: newAjv(false).compile(schema), id: schema.$id }); } catch { /* reported above */ }
  }
}

// 2. Validate every document against the schema its "$schema" names.
const documents = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (p !== schemaDir) walk(p); } else if (e.name.endsWith('.json')) documents.push(p);
  }
})(api);
documents.sort();

const used = new Set();
let valid = 0;
for (const file of documents) {
  const doc = readJSON(file);
  if (doc === undefined) continue;
  const url = doc?.$schema;
  const m = typeof url === 'string' && /\/api\/v1\/(schema\/[^/?#]+\.schema\.json)$/.exec(url);
  if (!m) { fail(file, `"$schema" ${JSON.stringify(url)} does not name a schema under /api/v1/schema/`); continue; }
  const schemaFile = path.join(api, m[1]);
  const v = validators.get(schemaFile);
  if (!v) { fail(file, `"$schema" ${url}: ${fs.existsSync(schemaFile) ? 'the schema did not compile' : 'no such file'}: ${path.relative(root, schemaFile)}`); continue; }
  used.add(schemaFile);
  if (url !== v.id) fail(file, `"$schema" ${url} differs from the schema's "$id" ${v.id}`);
  if (v.validate(doc)) { valid++; continue; }
  for (const err of v.validate.errors) {
    fail(file, `${err.instancePath || '/'} ${err.message}${err.params && Object.keys(err.params).length ? ' ' + JSON.stringify(err.params) : ''} (schema ${m[1]}${err.schemaPath})`);
  }
}
for (const file of validators.keys()) {
  if (!used.has(file)) console.log(`jsonschema: note: no document uses ${path.relative(root, file)}`);
}

// 3. Every JSON document index.json lists was found and validated above:
// those of "documents" and, since 1.3, the progress documents of each
// published plan ("progress", listed apart so that copies of the index
// schema kept from 1.2 still accept the index), each with the schema it
// names.
const localOf = (url) => { const m = typeof url === 'string' && /\/api\/v1\/(.+)$/.exec(url); return m ? path.join(api, m[1]) : null; };
const index = fs.existsSync(path.join(api, 'index.json')) ? readJSON(path.join(api, 'index.json')) : undefined;
let progress = 0;
if (index) {
  const listed = (index.documents || []).filter((d) => d.media_type === 'application/json').map((d) => [d.url, d.schema]);
  for (const p of index.progress || []) {
    listed.push([p.url, p.schema]);
    progress++;
    if (!fs.existsSync(localOf(p.csv) || '')) fail(path.join(api, 'index.json'), `progress of plan ${p.plan}: no CSV at ${p.csv}`);
  }
  for (const [url, schema] of listed) {
    const file = localOf(url);
    if (!file || !documents.includes(file)) { fail(path.join(api, 'index.json'), `lists ${url}, which is not in the output`); continue; }
    const doc = readJSON(file);
    if (doc && doc.$schema !== schema) fail(file, `"$schema" ${doc.$schema} differs from the schema index.json gives it, ${schema}`);
  }
}

if (documents.length === 0) fail(api, 'no JSON document found');
if (schemaFiles.length === 0) fail(schemaDir, 'no schema found');
for (const p of problems) console.error(p);
console.log(`jsonschema: ${schemaFiles.length} schemas (2020-12, all strict rules), ${valid}/${documents.length} documents valid (of which ${progress} plan progress), ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
