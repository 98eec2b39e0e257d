/** cleanup's header/body checks: `reject`, `milter-reject`, `warning`, `hold`, `discard`. */
import { trimString } from '../strings.ts';
import { keepsWholeText, trimLimit } from './newer-options.ts';
import { bump3, bumpDay, forget, type ParseState } from '../state.ts';

const CHECK = /\/cleanup\[\d+\]: .*?\b((?:milter-)?reject|warning|hold|discard): (header|body|END-OF-MESSAGE) (.*)$/s;
const CHECK_WORD = /: (?:header|body|END-OF-MESSAGE) /;
const ENVELOPE = /( from [^ \t\n\v\f\r]+?)?; from=<.*$/s;

/**
 * Jan 27 15:02:11 mail postfix/cleanup[4121]: 4DLBsQ0c6Bz1xJ9: hold: header Subject: test from
 * localhost[127.0.0.1]; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<x>
 *
 * Returns false when the line is not such a check, so pflogsumm's next branch may take it.
 */
export function handleCleanupCheck(state: ParseState): boolean {
	const { rest } = state;
	// CHECK needs one of these words; most cleanup lines (message-id=) have none.
	if (!CHECK_WORD.test(rest)) return false;
	const match = CHECK.exec(rest);
	if (!match) return false;
	const { summary, options } = state;
	const [, action, part] = match as unknown as [string, string, string, string];
	let text = match[3]!;
	if (!options.verboseMsgDetail) text = text.replace(ENVELOPE, '');
	text = trimString(text, trimLimit(64, options), keepsWholeText(options));
	const keep = options.rejectDetail !== 0;
	if (action === 'reject' || action === 'milter-reject') {
		if (keep) bump3(summary.rejectDetail, state.cmd, part, text);
		summary.rejected++;
	} else if (action === 'warning') {
		if (keep) bump3(summary.rejectWarningDetail, state.cmd, part, text);
		summary.rejectWarnings++;
	} else if (action === 'hold') {
		if (keep) bump3(summary.holdDetail, state.cmd, part, text);
		summary.held++;
	} else {
		if (keep) bump3(summary.discardDetail, state.cmd, part, text);
		summary.discarded++;
	}
	if (state.stamp.hour < 24) summary.hours.rejected[state.stamp.hour]!++;
	bumpDay(state, 4);
	// A rejected or discarded message never reaches qmgr: its queue id is done.
	if (action !== 'warning' && action !== 'hold') forget(state);
	return true;
}
