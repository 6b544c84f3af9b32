// Checks every HTML page of the built site with the W3C Nu HTML Checker.
//
// What: runs vnu.jar (npm vnu-jar, in .ci/node_modules) with Debian's java
// once over every .html file under PUBLIC_DIR (one JVM, so it stays fast),
// errors only, and requires zero errors. Each error is printed as
// file:line:column: message, with the markup around it.
// Why: browsers repair invalid markup silently, each in its own way, and
// assistive technologies read the repaired tree; the checker also flags
// ARIA misuse and heading structure problems.
// Usage: node .ci/checks/html.mjs PUBLIC_DIR   (from the repository root)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = process.argv[2];
if (!root) { console.error('usage: node html.mjs PUBLIC_DIR'); process.exit(2); }
const jar = path.resolve('.ci/node_modules/vnu-jar/build/dist/vnu.jar');

const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.html')) files.push(path.resolve(p));
  }
})(root);
files.sort();
if (files.length === 0) { console.error('html: no HTML file found'); process.exit(1); }

// The JSON report goes to stderr; the exit status only says "errors found".
const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.error) { console.error(`html: cannot run java: ${run.error.message}`); process.exit(1); }
let report;
try {
  report = JSON.parse(run.stderr);
} catch {
  console.error(`html: vnu.jar did not print a JSON report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  process.exit(1);
}

const rel = (url) => (url ? path.relative(root, decodeURIComponent(url.replace(/^file:/, ''))) : '(no file)');
const errors = report.messages.filter((m) => m.type !== 'info'); // "error" and "non-document-error"
const byFile = new Set();
for (const m of errors) {
  byFile.add(m.url);
  const pos = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn}` : '';
  const extract = m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ')}` : '';
  console.error(`${rel(m.url)}${pos}: ${m.type === 'error' ? '' : m.type + ': '}${m.message}${extract}`);
}
console.log(`html: ${files.length} files checked by the Nu HTML Checker ${report.version ?? ''}, ${errors.length} error(s) in ${byFile.size} file(s)`);
process.exit(errors.length ? 1 : 0);
