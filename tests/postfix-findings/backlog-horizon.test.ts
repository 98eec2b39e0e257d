/**
 * The backlog's queue ids stay with the active queue: a message begun and never removed (a
 * client gone during DATA) is forgotten six days on, and only removals within six days of a
 * piece's first line are kept for the merge — also when the log crosses New Year, where classic
 * syslog's year-less dates step back.
 */
import { describe, expect, test } from 'vitest';
import { mergePostfixFindings } from '../../src/parsers/postfix/findings/index.ts';
import { pastHorizon, secondsBetween } from '../../src/parsers/postfix/findings/read-line.ts';
import { plain, readLines, stateOf } from './collect.ts';

const week = readLines(new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `line` with its classic stamp moved by `days` (the year is only used to count days). */
function shifted(line: string, days: number): string {
	const [, month, day] = /^([A-Z][a-z]{2}) ([ \d]\d) /.exec(line)!;
	const date = new Date(Date.UTC(2001, MONTHS.indexOf(month!), Number(day!.trim()) + days));
	return `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)}${line.slice(6)}`;
}

/** `line` with a prefix on its queue id, as another copy of the same traffic. */
const renumbered = (line: string, prefix: string) => line.replace(/\]: ([0-9A-F]{10,}): /, `]: ${prefix}$1: `);

// Queue ids of relay-week.log.gz (Jun 28 09:12 – Jul 6 07:51), with awk over the raw log:
// begun (`client=` or pickup) and never `removed`:
//   zcat relay-week.log.gz | awk '/client=/{split($6,a,":"); b[a[1]]=1} / removed$/{split($6,a,":");
//   r[a[1]]=1} END{for (q in b) if (!(q in r)) print q}'
const NEVER_REMOVED = [
	'AD12318406B', 'ADBB618406C', 'AE2DA18406E', 'AE89518406F', 'AECCA18406F', 'AF27618406F',
	'AF97618406F', '0CAF81840A1', '75E201840CC', '765571840C2', '76AF41840C3', '771771840C4',
	'777531840C4', '77C401840C4', '781701840C4',
];
// `removed` without a beginning (bounce notices, messages begun before the log), up to Jul 3 —
// within six days of Jun 28 09:12. Four more on Jul 6 (53C1C18405C, 824381840CA, C0E821840D2,
// CC31B18406F) are past the horizon.
const ORPHANS = [
	'4250A18405A', '67FB7184063', '039B0184201', '610A8184229', 'A755C18423F', 'C4D5218420A',
	'32F52184069', '96879184060', '02344184086', '32280184082', '41F25184086', '45EC2184084',
	'47CC7184085', '8D80E18405C', '8F0AF184082', '9CFD31840C3', 'A295518405E', 'B253F184086',
];

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('the backlog of one week', () => {
	const state = stateOf(week, 'log');

	test('keeps the messages begun and not removed, and the removals within six days of the start', () => {
		expect(sorted(Object.keys(state.backlog.live))).toEqual(sorted(NEVER_REMOVED));
		expect(sorted(Object.keys(state.backlog.orphanRemoved))).toEqual(sorted(ORPHANS));
	});

	test('gives each id the time of its line', () => {
		// Jul 1 08:33:07 (as in 2000) and Jun 28 09:12:04.
		expect(state.backlog.live['AD12318406B']).toBe(Date.UTC(2000, 6, 1, 8, 33, 7) / 1000);
		expect(state.backlog.orphanRemoved['4250A18405A']).toBe(Date.UTC(2000, 5, 28, 9, 12, 4) / 1000);
	});
});

describe('two weeks of the same traffic, the second eight days after the first', () => {
	const second = week.map((line) => renumbered(shifted(line, 8), 'F'));
	const state = stateOf([...week, ...second], 'log');

	test('forgets the first week’s unfinished messages: memory stays with the active queue', () => {
		expect(sorted(Object.keys(state.backlog.live))).toEqual(sorted(NEVER_REMOVED.map((id) => `F${id}`)));
	});

	test('keeps only the first week’s early removals', () => {
		expect(sorted(Object.keys(state.backlog.orphanRemoved))).toEqual(sorted(ORPHANS));
	});

	test('merges any split into the state of one pass', () => {
		const lines = [...week, ...second];
		for (const cut of [1, 400, week.length - 1, week.length, week.length + 300, lines.length - 5]) {
			const merged = mergePostfixFindings(
				stateOf(lines.slice(0, cut), 'log'),
				stateOf(lines.slice(cut), 'log', undefined, cut + 1),
			);
			expect(plain(merged)).toEqual(plain(state));
		}
	});
});

describe('a week across New Year (Dec 28 – Jan 5)', () => {
	const days = 183; // Jun 28 + 183 days = Dec 28
	const year = week.map((line) => shifted(line, days));
	const state = stateOf(year, 'log');

	test('keeps the same ids as the week in June', () => {
		expect(sorted(Object.keys(state.backlog.live))).toEqual(sorted(NEVER_REMOVED));
		expect(sorted(Object.keys(state.backlog.orphanRemoved))).toEqual(sorted(ORPHANS));
	});

	test('a message deferred in December and removed in January is not pending after a merge', () => {
		// 55A4D184202: deferred Dec 29 (line 301), removed Jan 1 (line 970); cut on Dec 30.
		const first = stateOf(year.slice(0, 400), 'log');
		expect(Object.keys(first.backlog.pending)).toContain('55A4D184202');
		const merged = mergePostfixFindings(first, stateOf(year.slice(400), 'log', undefined, 401));
		expect(merged.backlog.pending).toEqual({});
		expect(plain(merged)).toEqual(plain(state));
	});

	test('reads the step from Dec 31 to Jan 1 as one second, not a year back', () => {
		const dec31 = Date.UTC(2000, 11, 31, 23, 59, 59) / 1000;
		const jan1 = Date.UTC(2000, 0, 1, 0, 0, 0) / 1000;
		expect(secondsBetween(dec31, jan1)).toBe(1);
		expect(pastHorizon(dec31, jan1)).toBe(false);
		// A line out of order by a month is near, not a year ahead.
		expect(secondsBetween(Date.UTC(2000, 6, 1) / 1000, Date.UTC(2000, 5, 1) / 1000)).toBe(-30 * 86_400);
	});
});

describe('a deferred message an administrator deletes (`postsuper -d`)', () => {
	// relay-week line 301: 55A4D184202 deferred; in the first 400 lines it is still queued. Postfix
	// logs the deletion as postsuper.c's msg_info("%s: removed", queue_id) (the grok corpus'
	// postsuper_0001 test message is `D4F2023DB: removed`).
	const deleted = 'Jun 30 14:05:02 mx1 postfix/postsuper[4242]: 55A4D184202: removed';

	test('is no longer pending', () => {
		const before = Object.keys(stateOf(week.slice(0, 400), 'log').backlog.pending);
		const after = Object.keys(stateOf([...week.slice(0, 400), deleted], 'log').backlog.pending);
		expect(before).toContain('55A4D184202');
		expect(after).toEqual(before.filter((qid) => qid !== '55A4D184202'));
	});
});
