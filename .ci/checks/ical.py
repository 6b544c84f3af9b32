"""Parses every calendar feed of the built site with Debian's python3-icalendar.

Usage: /usr/bin/python3 ical.py PUBLIC_DIR
"""
import pathlib
import sys

import icalendar

root = pathlib.Path(sys.argv[1])
feeds = sorted(root.rglob("*.ics"))
problems = events = 0
for feed in feeds:
    try:
        cal = icalendar.Calendar.from_ical(feed.read_bytes())
    except Exception as e:  # noqa: BLE001 - report any parser failure
        print(f"{feed.relative_to(root)}: python-icalendar cannot parse it: {e}", file=sys.stderr)
        problems += 1
        continue
    uids = set()
    for ev in cal.walk("VEVENT"):
        events += 1
        uid = str(ev.get("UID"))
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if uid in uids or end <= start:
            print(f"{feed.relative_to(root)}: {uid}: duplicate UID or end before start", file=sys.stderr)
            problems += 1
        uids.add(uid)
print(f"python-icalendar: {len(feeds)} feeds, {events} events parsed, {problems} problem(s)")
sys.exit(1 if problems or not feeds else 0)
