/** `warning:`, `fatal:` and `panic:` lines of any daemon, and master's own messages. */
import { trimString } from '../strings.ts';
import { keepsWholeText, trimLimit } from './newer-options.ts';
import { bump, bump2, type ParseState } from '../state.ts';

/**
 * Jan 27 07:01:12 mail postfix/smtpd[812]: warning: hostname h-9.example does not resolve to
 * address 192.0.2.9: Name or service not known
 */
export function handleProblem(state: ParseState, kind: 'warning' | 'fatal' | 'panic'): void {
	const { rest, summary, options } = state;
	const marker = `${kind}: `;
	const at = rest.lastIndexOf(marker);
	const text = trimString(at < 0 ? rest : rest.slice(at + marker.length), trimLimit(66, options), keepsWholeText(options));
	if (kind === 'warning' && state.cmd === 'smtpd' && options.noSmtpdWarnings) return;
	const target = kind === 'warning' ? summary.warnings : kind === 'fatal' ? summary.fatals : summary.panics;
	bump2(target, state.cmd, text);
}

/**
 * Jan 27 06:36:50 mail postfix/master[1042]: daemon started -- version 3.4.14, configuration /etc/postfix
 *
 * pflogsumm keeps what follows the last `: ` after `master` (`split(/^.*master.*: /)`).
 */
export function handleMaster(state: ParseState): void {
	const { rest } = state;
	const master = rest.indexOf('master');
	const colon = rest.lastIndexOf(': ');
	const text = master >= 0 && colon >= master + 6 ? rest.slice(colon + 2) : '';
	bump(state.summary.master, text);
}
