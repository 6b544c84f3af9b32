// Parses every calendar feed of the built site with node-ical (the most
// used Node parser, what many member websites run) and checks what its
// users read: the calendar's name as a plain string (node-ical turns a
// property with parameters into an object, so X-WR-CALNAME must carry
// none), every event with a UID, a text title, a start before its end,
// and, in the default feeds (calendar.ics and calendars/), no event longer
// than its real duration: no all-day block over 14 days, no timed event
// over 24 hours (multi-day times are daily sessions).
// Usage: node nodeical.mjs PUBLIC_DIR
import fs from 'node:fs';
import path from 'node:path';
import ical from 'node-ical';

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
const text = (v) => (typeof v === 'string' ? v : v && typeof v.val === 'string' ? v.val : '');
const day = 24 * 3600 * 1000;
for (const file of feeds.sort()) {
  const rel = path.relative(root, file);
  const dflt = rel.endsWith('/calendar.ics') || rel.includes('/calendars/');
  let data;
  try {
    data = ical.sync.parseICS(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, `node-ical cannot parse it: ${e.message}`);
    continue;
  }
  const name = data.vcalendar && data.vcalendar['WR-CALNAME'];
  if (typeof name !== 'string' || !name) fail(file, `X-WR-CALNAME is not a plain string: ${JSON.stringify(name)}`);
  for (const ev of Object.values(data).filter((v) => v && v.type === 'VEVENT')) {
    events++;
    if (!ev.uid) fail(file, 'an event without UID');
    if (!text(ev.summary)) fail(file, `${ev.uid}: no title`);
    if (!(ev.start instanceof Date) || !(ev.end instanceof Date)) { fail(file, `${ev.uid}: no start or end`); continue; }
    const span = ev.end - ev.start;
    if (span <= 0) fail(file, `${ev.uid}: ends before it starts`);
    if (ev.datetype === 'date-time' && span > day) fail(file, `${ev.uid}: a timed event of ${span / 3600000} h, not a daily session`);
    if (dflt && ev.datetype === 'date' && span > 14 * day) fail(file, `${ev.uid}: an all-day block of ${span / day} days in a default feed`);
  }
}
console.log(`node-ical: ${feeds.length} feeds, ${events} events parsed, ${failures} problem(s)`);
if (feeds.length === 0) { console.error('node-ical: no feed found'); process.exit(1); }
process.exit(failures ? 1 : 0);
