/**
 * pflogsumm's program match, as its own two regular expressions, tried sticky at the start of
 * the text after the host (V8 runs them faster than a hand-written scan):
 *
 *   m#^(?:postfix|$syslogName)(?:/(?:smtps|submission))?/([^\[:]*).*?: ([^:\s]+)#  → cmd, qid
 *   m#^((?:postfix)(?:-script)?)(?:\[\d+\])?: ([^:\s]+)#                           → cmd, qid
 *
 * So `postfix/submission/smtpd[9]` is `smtpd`, `postfix/sender-cleanup/cleanup` stays
 * `sender-cleanup/cleanup`, and `postfix-out/smtp` is only read with `--syslog-name=postfix-out`.
 * As in pflogsumm, the syslog name is a regular expression.
 */
import { UsageError } from '../contract.ts';

export interface ProgramFields {
	cmd: string;
	qid: string;
}

/** Perl's `\s` (ASCII whitespace), not JavaScript's Unicode one. */
const NOT_SPACE_OR_COLON = '[^: \\t\\n\\v\\f\\r]';
const SCRIPT = new RegExp(`((?:postfix)(?:-script)?)(?:\\[\\d+\\])?: (${NOT_SPACE_OR_COLON}+)`, 'y');

function daemonPattern(syslogName: string): RegExp {
	const names = syslogName === 'postfix' ? 'postfix' : `postfix|${syslogName}`;
	try {
		return new RegExp(`(?:${names})(?:/(?:smtps|submission))?/([^\\[:]*).*?: (${NOT_SPACE_OR_COLON}+)`, 'sy');
	} catch (cause) {
		throw new UsageError(`--syslog-name ${JSON.stringify(syslogName)} is not a valid pattern: ${(cause as Error).message}`);
	}
}

/** A reader for one `--syslog-name`: fills `out` and returns true for a Postfix line. */
export function createProgramReader(syslogName: string): (text: string, at: number, out: ProgramFields) => boolean {
	const daemon = daemonPattern(syslogName);
	return (text, at, out) => {
		daemon.lastIndex = at;
		let match = daemon.exec(text);
		if (!match) {
			SCRIPT.lastIndex = at;
			match = SCRIPT.exec(text);
			if (!match) return false;
		}
		out.cmd = match[1]!;
		out.qid = match[2]!;
		return true;
	};
}
