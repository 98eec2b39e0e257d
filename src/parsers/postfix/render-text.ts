/**
 * pflogsumm 1.1.5's text report, byte for byte: section order, widths, `k`/`m` suffixes, the
 * blank-line rules, and `--problems-first`, `-q`, `-e`, `--smtpd-stats`, `-d`.
 */
import type { Result } from '../contract.ts';
import { renderByKey, renderCountList, renderDeliveryDomains, renderNested, renderSenderDomains, renderUsers } from './render-lists.ts';
import { renderMessageDetail } from './render-detail.ts';
import { renderSmtpdDomains, renderSmtpdPerDay, renderSmtpdPerHour, renderSmtpdTotals } from './render-smtpd.ts';
import { renderGrandTotals, renderPerDay, renderPerHour } from './render-traffic.ts';
import { resolvePostfixOptions, type PostfixOptions } from './options.ts';
import type { PostfixSummary } from './summary.ts';
import { dayPrefixes, localClock } from './syslog.ts';

function renderProblems(s: PostfixSummary, o: PostfixOptions): string {
	let out = '';
	const q = o.quiet;
	if (o.deferralDetail !== 0) out += renderNested(s.deferralDetail, 'message deferral detail', o.deferralDetail, q);
	if (o.bounceDetail !== 0) out += renderNested(s.bounceDetail, 'message bounce detail (by relay)', o.bounceDetail, q);
	if (o.rejectDetail !== 0) {
		out += renderNested(s.rejectDetail, 'message reject detail', o.rejectDetail, q);
		out += renderNested(s.rejectWarningDetail, 'message reject warning detail', o.rejectDetail, q);
		out += renderNested(s.holdDetail, 'message hold detail', o.rejectDetail, q);
		out += renderNested(s.discardDetail, 'message discard detail', o.rejectDetail, q);
	}
	if (o.smtpDetail !== 0) out += renderNested(s.smtpFailures, 'smtp delivery failures', o.smtpDetail, q);
	if (o.smtpdWarningDetail !== 0) out += renderNested(s.warnings, 'Warnings', o.smtpdWarningDetail, q);
	out += renderNested(s.fatals, 'Fatal Errors', 0, q);
	out += renderNested(s.panics, 'Panics', 0, q);
	out += renderCountList(s.master, 'Master daemon messages', q);
	return out;
}

/** The report pflogsumm prints for the same log and options. */
export function renderPostfixText(result: Result<PostfixSummary>, partial?: Partial<PostfixOptions>): string {
	const o = resolvePostfixOptions(partial);
	const s = result.summary;
	let out = '';
	if (o.day) out += `Postfix log summaries for ${dayPrefixes(o.day, o.now ?? localClock()).classic}\n`;
	out += renderGrandTotals(s);
	if (o.smtpdStats && s.smtpd) out += renderSmtpdTotals(s.smtpd);
	out += '\n';
	if (o.problemsFirst) out += renderProblems(s, o);
	if (s.dayCount > 1) out += renderPerDay(s, o.isoDateTime);
	out += renderPerHour(s, o.isoDateTime);
	out += renderDeliveryDomains(s.recipientDomains, o.hosts);
	out += renderSenderDomains(s.senderDomains, o.hosts);
	if (o.smtpdStats && s.smtpd) {
		if (s.dayCount > 1) out += renderSmtpdPerDay(s.smtpd, o.isoDateTime);
		out += renderSmtpdPerHour(s.smtpd, s.dayCount, o.isoDateTime);
		out += renderSmtpdDomains(s.smtpd, o.hosts);
	}
	out += renderUsers(s.senders, 'Senders by message count', 0, o.users, o.quiet);
	out += renderUsers(s.recipients, 'Recipients by message count', 0, o.users, o.quiet);
	out += renderUsers(s.senders, 'Senders by message size', 1, o.users, o.quiet);
	out += renderUsers(s.recipients, 'Recipients by message size', 1, o.users, o.quiet);
	out += renderByKey(s.noSize, 'Messages with no size data');
	if (!o.problemsFirst) out += renderProblems(s, o);
	if (o.extended && s.messageDetail) out += renderMessageDetail(s.messageDetail, o.quiet);
	return out;
}
