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

function* renderProblems(s: PostfixSummary, o: PostfixOptions): Generator<string> {
	const q = o.quiet;
	if (o.deferralDetail !== 0) yield* renderNested(s.deferralDetail, 'message deferral detail', o.deferralDetail, q);
	if (o.bounceDetail !== 0) yield* renderNested(s.bounceDetail, 'message bounce detail (by relay)', o.bounceDetail, q);
	if (o.rejectDetail !== 0) {
		yield* renderNested(s.rejectDetail, 'message reject detail', o.rejectDetail, q);
		yield* renderNested(s.rejectWarningDetail, 'message reject warning detail', o.rejectDetail, q);
		yield* renderNested(s.holdDetail, 'message hold detail', o.rejectDetail, q);
		yield* renderNested(s.discardDetail, 'message discard detail', o.rejectDetail, q);
	}
	if (o.smtpDetail !== 0) yield* renderNested(s.smtpFailures, 'smtp delivery failures', o.smtpDetail, q);
	if (o.smtpdWarningDetail !== 0) yield* renderNested(s.warnings, 'Warnings', o.smtpdWarningDetail, q);
	yield* renderNested(s.fatals, 'Fatal Errors', 0, q);
	yield* renderNested(s.panics, 'Panics', 0, q);
	yield* renderCountList(s.master, 'Master daemon messages', q);
}

/**
 * The report pflogsumm prints for the same log and options, in pieces (a row of a list at a
 * time), which the CLI writes as they come: see {@link renderPostfixText} for the whole text.
 */
export function* renderPostfixTextParts(result: Result<PostfixSummary>, partial?: Partial<PostfixOptions>): Generator<string> {
	const o = resolvePostfixOptions(partial);
	const s = result.summary;
	if (o.day) yield `Postfix log summaries for ${dayPrefixes(o.day, o.now ?? localClock()).classic}\n`;
	yield renderGrandTotals(s);
	if (o.smtpdStats && s.smtpd) yield renderSmtpdTotals(s.smtpd);
	yield '\n';
	if (o.problemsFirst) yield* renderProblems(s, o);
	if (s.dayCount > 1) yield renderPerDay(s, o.isoDateTime);
	yield renderPerHour(s, o.isoDateTime);
	yield* renderDeliveryDomains(s.recipientDomains, o.hosts);
	yield* renderSenderDomains(s.senderDomains, o.hosts);
	if (o.smtpdStats && s.smtpd) {
		if (s.dayCount > 1) yield renderSmtpdPerDay(s.smtpd, o.isoDateTime);
		yield renderSmtpdPerHour(s.smtpd, s.dayCount, o.isoDateTime);
		yield* renderSmtpdDomains(s.smtpd, o.hosts);
	}
	yield* renderUsers(s.senders, 'Senders by message count', 0, o.users, o.quiet);
	yield* renderUsers(s.recipients, 'Recipients by message count', 0, o.users, o.quiet);
	yield* renderUsers(s.senders, 'Senders by message size', 1, o.users, o.quiet);
	yield* renderUsers(s.recipients, 'Recipients by message size', 1, o.users, o.quiet);
	yield* renderByKey(s.noSize, 'Messages with no size data');
	if (!o.problemsFirst) yield* renderProblems(s, o);
	if (o.extended && s.messageDetail) yield* renderMessageDetail(s.messageDetail, o.quiet);
}

/** The report pflogsumm prints for the same log and options. */
export function renderPostfixText(result: Result<PostfixSummary>, partial?: Partial<PostfixOptions>): string {
	let out = '';
	for (const part of renderPostfixTextParts(result, partial)) out += part;
	return out;
}
