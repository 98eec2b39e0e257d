#!/usr/bin/python3
"""Re-bases whole batches of a captured Postfix log onto chosen days.

usage: rebase.py <maillog> <capture-year> <out> <batch>...
  batch = <first-line>:<end-line>:<YYYY-MM-DDTHH:MM:SS>   (0-based, end exclusive)

Rule (the same for every batch): offset = target - timestamp of the batch's first line;
every line of the batch gets timestamp + offset. Order, queue ids, pids and the seconds
between lines stay as captured. Timestamps are written the way Postfix writes them
("Jul  6 07:48:02": month abbreviation, day padded with a space, 24-hour time).
The capture year only matters for the arithmetic (a capture never spans New Year here).
"""
import datetime
import re
import sys

MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
STAMP = re.compile(r'^(\w{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) ')


def parse(line, year):
	m = STAMP.match(line)
	if not m:
		raise SystemExit('rebase: line without classic timestamp: %r' % line[:80])
	mon, day, hh, mm, ss = m.groups()
	return datetime.datetime(year, MONTHS.index(mon) + 1, int(day), int(hh), int(mm), int(ss)), m.end()


def stamp(t):
	return '%s %2d %02d:%02d:%02d ' % (MONTHS[t.month - 1], t.day, t.hour, t.minute, t.second)


def main():
	path, year, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
	with open(path, encoding='utf-8', errors='surrogateescape') as f:
		lines = f.read().splitlines()
	result = []
	last = None
	for spec in sys.argv[4:]:
		first, end, target = spec.split(':', 2)
		chunk = lines[int(first):int(end)]
		if not chunk:
			continue
		offset = datetime.datetime.fromisoformat(target) - parse(chunk[0], year)[0]
		if last and parse(chunk[0], year)[0] + offset < last:
			raise SystemExit('rebase: batch %s would start before the previous one ends' % spec)
		for line in chunk:
			t, rest = parse(line, year)
			t += offset
			last = max(last, t) if last else t
			result.append(stamp(t) + line[rest:])
	with open(out, 'w', encoding='utf-8', errors='surrogateescape') as f:
		f.write('\n'.join(result) + '\n')


if __name__ == '__main__':
	main()
