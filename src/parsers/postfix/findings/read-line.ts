/**
 * What the findings need from a raw log line: the time, the Postfix program (with any
 * `syslog_name` prefix: `postfix/submission/smtpd`, `postfix-135.97.192.135/smtp`), the queue id
 * and the message. Lines of other programs are not Postfix lines and are skipped here (the
 * summary parser counts them).
 */
import { createStamp, readSyslogStamp } from '../syslog.ts';

export interface PostfixLine {
	/** Seconds, see `Moment.t`. */
	t: number;
	/** `MM-DD HH`, the hour the line belongs to. */
	hour: string;
	/** The last part of the program name: `smtpd`, `smtp`, `qmgr`, `postscreen`. */
	daemon: string;
	/** The program name before the daemon: `postfix`, `postfix/submission`, `postfix-out`. */
	instance: string;
	/** Queue id, `NOQUEUE`, or '' when the message has none. */
	qid: string;
	/** The text after `program[pid]: ` and after the queue id. */
	message: string;
}

// `postfix/submission/smtpd[1234]: ` — any program whose first part starts with `postfix`.
const PROGRAM = /(postfix[^\s/[:]*(?:\/[^\s/[:]+)*)\/([^\s/[:]+)(?:\[\d+\])?: /y;
// Short ids are upper-case hex; long ids (enable_long_queue_ids) have no vowels.
const QUEUE_ID = /^(?:[0-9A-F]{6,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}|NOQUEUE): /;

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads one line; undefined when it is not a Postfix line with a syslog header. */
export function createLineReader(): (text: string) => PostfixLine | undefined {
	const stamp = createStamp();
	return (text) => {
		if (!readSyslogStamp(text, stamp)) return undefined;
		PROGRAM.lastIndex = stamp.rest;
		const program = PROGRAM.exec(text);
		if (!program) return undefined;
		let message = text.slice(PROGRAM.lastIndex);
		const id = QUEUE_ID.exec(message);
		const qid = id ? id[0].slice(0, -2) : '';
		if (id) message = message.slice(id[0].length);
		const year = stamp.year < 0 ? 2000 : stamp.year;
		const t =
			Date.UTC(year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second) / 1000;
		return {
			t,
			hour: `${pad(stamp.month + 1)}-${pad(stamp.day)} ${pad(stamp.hour)}`,
			daemon: program[2]!,
			instance: program[1]!,
			qid,
			message,
		};
	};
}
