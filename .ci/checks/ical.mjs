// Parses every calendar feed of the built site with Mozilla's ical.js (the
// parser Thunderbird uses) and checks what a subscriber's calendar needs.
// Usage: node ical.mjs PUBLIC_DIR
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';

const root = process.argv[2];
const feeds = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.ics')) feeds.push(p);
  }
})(root);

let failures = 0, events = 0;
const fail = (file, msg) => { failures++; console.error(`${path.relative(root, file)}: ${msg}`); };
for (const file of feeds.sort()) {
  let cal;
  try {
    cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    fail(file, `ical.js cannot parse it: ${e.message}`);
    continue;
  }
  if (cal.name !== 'vcalendar') fail(file, `top component is ${cal.name}`);
  if (!cal.getFirstPropertyValue('x-wr-calname') || !cal.getFirstPropertyValue('name')) fail(file, 'no calendar name');
  const uids = new Set();
  const vevents = cal.getAllSubcomponents('vevent');
  if (vevents.length === 0 && cal.getAllSubcomponents('vjournal').length === 0) fail(file, 'no component');
  for (const ve of vevents) {
    events++;
    const ev = new ICAL.Event(ve);
    if (!ev.uid || uids.has(ev.uid)) fail(file, `missing or duplicate UID ${ev.uid}`);
    uids.add(ev.uid);
    if (!ev.summary) fail(file, `${ev.uid}: no summary`);
    if (!ev.startDate || !ev.endDate) { fail(file, `${ev.uid}: no start or end`); continue; }
    if (ev.endDate.compare(ev.startDate) <= 0) fail(file, `${ev.uid}: ends before it starts`);
    const status = ve.getFirstPropertyValue('status');
    if (!['TENTATIVE', 'CONFIRMED', 'CANCELLED'].includes(status)) fail(file, `${ev.uid}: status ${status}`);
    if (!/^https?:\/\//.test(ve.getFirstPropertyValue('url') || '')) fail(file, `${ev.uid}: no URL`);
  }
}
console.log(`ical.js: ${feeds.length} feeds, ${events} events parsed, ${failures} problem(s)`);
if (feeds.length === 0) { console.error('ical.js: no feed found'); process.exit(1); }
process.exit(failures ? 1 : 0);
