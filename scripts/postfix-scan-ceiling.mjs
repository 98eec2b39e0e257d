// `npm run bench -- postfix` row "node byte scan, 4 line kinds": how fast plain JavaScript can
// walk a Postfix log when it does the least any summary must do per line. Bytes are never decoded
// as a whole; each line's classic syslog header is read as bytes, `postfix/` and the queue id are
// matched by hand, and only four kinds of line do any work: qmgr's `from=<…>, size=` (a message
// entry by queue id), a delivery's `to=<…>` (a count per recipient, the message's size added
// up), and `removed` (the entry dropped). pflogsumm's report needs about twenty kinds and the
// exact rules of each; this is a ceiling to measure the real parser against, not a parser.
//
//   node scripts/postfix-scan-ceiling.mjs bench-data/postfix-relay-week-200mb.log
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;
const POSTFIX = Buffer.from('postfix/');
const messages = new Map();
const recipients = new Map();
const counts = { lines: 0, postfix: 0, sizes: 0, deliveries: 0, bytes: 0 };

function take(b, start, end) {
	counts.lines++;
	// `Jul  3 04:02:01 host program[pid]: `: the host starts at 16.
	let i = start + 16;
	while (i < end && b[i] !== 32) i++;
	i++;
	for (let k = 0; k < POSTFIX.length; k++) if (b[i + k] !== POSTFIX[k]) return;
	counts.postfix++;
	i += POSTFIX.length;
	while (i < end && b[i] !== 58) i++;
	const qidStart = i + 2;
	i = qidStart;
	while (i < end && b[i] !== 58 && b[i] !== 32) i++;
	if (b[i] !== 58) return;
	const qid = b.latin1Slice(qidStart, i);
	i += 2;
	if (b[i] === 102 && b[i + 1] === 114 && b[i + 4] === 61) {
		// from=<…>, size=N
		let j = i + 6;
		while (j < end && b[j] !== 62) j++;
		const from = b.latin1Slice(i + 6, j);
		let size = 0;
		for (j += 8; b[j] >= 48 && b[j] <= 57; j++) size = size * 10 + b[j] - 48;
		messages.set(qid, { from, size });
		counts.sizes++;
	} else if (b[i] === 116 && b[i + 1] === 111 && b[i + 2] === 61) {
		// to=<…>
		let j = i + 4;
		while (j < end && b[j] !== 62) j++;
		const to = b.latin1Slice(i + 4, j).toLowerCase();
		recipients.set(to, (recipients.get(to) ?? 0) + 1);
		counts.bytes += messages.get(qid)?.size ?? 0;
		counts.deliveries++;
	} else if (b[i] === 114 && b[i + 1] === 101 && b[i + 2] === 109) messages.delete(qid);
}

const fd = openSync(process.argv[2], 'r');
const buffer = Buffer.allocUnsafe(2 * CHUNK);
let held = 0;
for (;;) {
	const read = readSync(fd, buffer, held, CHUNK, null);
	const end = held + read;
	let start = 0;
	for (let nl = buffer.indexOf(10, start); nl >= 0 && nl < end; nl = buffer.indexOf(10, start)) {
		take(buffer, start, nl);
		start = nl + 1;
	}
	if (read === 0) {
		if (start < end) take(buffer, start, end);
		break;
	}
	buffer.copy(buffer, 0, start, end);
	// A line longer than a chunk (none in the bench log) is dropped, not grown into.
	held = end - start > CHUNK ? 0 : end - start;
}
closeSync(fd);
console.log(JSON.stringify({ ...counts, recipients: recipients.size }));
