/**
 * pflogsumm's program match, without a regular expression for the usual names:
 *
 *   m#^(?:postfix|$syslogName)(?:/(?:smtps|submission))?/([^\[:]*).*?: ([^:\s]+)#  → cmd, qid
 *   m#^((?:postfix)(?:-script)?)(?:\[\d+\])?: ([^:\s]+)#                           → cmd, qid
 *
 * So `postfix/submission/smtpd[9]` is `smtpd`, `postfix/sender-cleanup/cleanup` stays
 * `sender-cleanup/cleanup`, and `postfix-out/smtp` is only read with `--syslog-name=postfix-out`.
 */
import { isSpace } from './syslog.ts';

export interface ProgramFields {
	cmd: string;
	qid: string;
}

/** `: ` then a run of characters other than `:` and whitespace, searched from `at`. */
function readQid(text: string, at: number, out: ProgramFields): boolean {
	for (let i = text.indexOf(': ', at); i >= 0; i = text.indexOf(': ', i + 1)) {
		let end = i + 2;
		for (; end < text.length; end++) {
			const code = text.charCodeAt(end);
			if (code === 58 || isSpace(code)) break;
		}
		if (end > i + 2) {
			out.qid = text.slice(i + 2, end);
			return true;
		}
	}
	return false;
}

function readAfterName(text: string, at: number, out: ProgramFields): boolean {
	let i = at;
	if (text.charCodeAt(i) !== 47) return false;
	// `/smtps/` or `/submission/` (pflogsumm's optional group) before the daemon name.
	if (text.charCodeAt(i + 1) === 115 && text.startsWith('/smtps/', i)) i += 6;
	else if (text.charCodeAt(i + 1) === 115 && text.startsWith('/submission/', i)) i += 11;
	const start = i + 1;
	let end = start;
	for (; end < text.length; end++) {
		const code = text.charCodeAt(end);
		if (code === 91 || code === 58) break;
	}
	if (!readQid(text, end, out)) return false;
	out.cmd = commonName(text, start, end) ?? text.slice(start, end);
	return true;
}

/** Daemon names seen on most lines, by length, returned without allocating a new string. */
const COMMON: Record<number, readonly string[]> = {
	4: ['smtp', 'qmgr', 'lmtp'],
	5: ['smtpd', 'local', 'anvil'],
	6: ['pickup', 'bounce', 'master'],
	7: ['cleanup', 'virtual'],
	10: ['postscreen'],
};

function commonName(text: string, start: number, end: number): string | undefined {
	const names = COMMON[end - start];
	if (names === undefined) return undefined;
	for (let i = 0; i < names.length; i++) if (text.startsWith(names[i]!, start)) return names[i];
	return undefined;
}

/** `postfix-script[12]: fatal: …` and `postfix[12]: …` (no daemon name). */
function readScript(text: string, at: number, out: ProgramFields): boolean {
	if (!text.startsWith('postfix', at)) return false;
	let i = at + 7;
	if (text.startsWith('-script', i)) i += 7;
	const cmd = text.slice(at, i);
	if (text.charCodeAt(i) === 91) {
		let j = i + 1;
		while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
		if (j > i + 1 && text.charCodeAt(j) === 93) i = j + 1;
	}
	if (text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32) {
		// `(?:-script)?` may give back "-script" when only `postfix` fits.
		return cmd !== 'postfix' && readScriptPlain(text, at, out);
	}
	let end = i + 2;
	for (; end < text.length; end++) {
		const code = text.charCodeAt(end);
		if (code === 58 || isSpace(code)) break;
	}
	if (end === i + 2) return cmd !== 'postfix' && readScriptPlain(text, at, out);
	out.cmd = cmd;
	out.qid = text.slice(i + 2, end);
	return true;
}

function readScriptPlain(text: string, at: number, out: ProgramFields): boolean {
	const match = /^postfix(?:\[\d+\])?: ([^: \t\n\v\f\r]+)/.exec(text.slice(at));
	if (!match) return false;
	out.cmd = 'postfix';
	out.qid = match[1]!;
	return true;
}

/** A reader for `--syslog-name`: plain names are matched by hand, others as pflogsumm's regex. */
export function createProgramReader(syslogName: string): (text: string, at: number, out: ProgramFields) => boolean {
	const names = syslogName === 'postfix' ? ['postfix'] : ['postfix', syslogName];
	if (/^[\w-]+$/.test(syslogName)) {
		return (text, at, out) => {
			for (const name of names) {
				if (text.startsWith(name, at) && readAfterName(text, at + name.length, out)) return true;
			}
			return readScript(text, at, out);
		};
	}
	const pattern = new RegExp(`(?:postfix|${syslogName})(?:/(?:smtps|submission))?/([^\\[:]*).*?: ([^: \\t\\n\\v\\f\\r]+)`, 'sy');
	return (text, at, out) => {
		pattern.lastIndex = at;
		const match = pattern.exec(text);
		if (!match) return readScript(text, at, out);
		out.cmd = match[1]!;
		out.qid = match[2]!;
		return true;
	};
}
