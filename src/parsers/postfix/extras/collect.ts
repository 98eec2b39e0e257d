/**
 * The extras observer: fed each Postfix line already read by the findings' line reader (one
 * parse per line for both), it fills a mergeable {@link PostfixExtras}.
 *
 * ```ts
 * const extras = createPostfixExtras();
 * const read = createLineReader();
 * for (const text of lines) { const line = read(text); if (line) extras.observe(line); }
 * const state = extras.end();
 * ```
 */
import { createLineReader, type PostfixLine } from '../findings/read-line.ts';
import { detach } from '../strings.ts';
import { observeDelays } from './delays.ts';
import { observeDnsblog, observePostscreen } from './observe-postscreen.ts';
import { observeSaslFailure, observeSaslLogin, observeTls } from './observe-sasl-tls.ts';
import { observeReject } from './reject-classes.ts';
import { emptyInstanceCounts, emptyPostfixExtras } from './state.ts';
import type { InstanceCounts, PostfixExtras } from './types.ts';

export interface PostfixExtrasObserver {
	/** One line as `createLineReader` read it; the object may be reused after the call. */
	observe(line: PostfixLine): void;
	/** The state so far; the observer can go on after it. */
	end(): PostfixExtras;
}

// Postfix 3.x: qmgr `status=expired, returned to sender`; smtp/local etc. `status=sent (…)`.
const STATUS = /, status=(sent|deferred|bounced|expired)\b/;
// pickup: `uid=1000 from=<alice>` (older: `sender=`), as pflogsumm counts a local submission.
const PICKUP = /^(?:uid=\d+ )?(?:from|sender)=</;

function countStatus(extras: PostfixExtras, counts: InstanceCounts, message: string): void {
	const status = STATUS.exec(message)?.[1];
	if (status === 'sent') {
		counts.delivered++;
		observeDelays(extras.delays, message);
	} else if (status === 'deferred') counts.deferred++;
	else if (status === 'bounced') counts.bounced++;
	else if (status === 'expired') counts.expired++;
}

function isReceived(line: PostfixLine): boolean {
	if (!line.qid || line.qid === 'NOQUEUE') return false;
	if (line.daemon === 'pickup') return PICKUP.test(line.message);
	return (line.daemon === 'smtpd' || line.daemon === 'qmqpd') && line.message.startsWith('client=');
}

/** Handles one line; see {@link PostfixExtrasObserver.observe}. */
export function observeLine(
	extras: PostfixExtras,
	line: PostfixLine,
	counts = (extras.instances[line.instance] ??= emptyInstanceCounts()),
): void {
	const { daemon, message } = line;
	extras.lines++;
	counts.lines++;
	if (message.startsWith('reject: ') || message.startsWith('milter-reject: ')) {
		counts.rejected++;
		observeReject(extras.rejects, message);
		if (daemon === 'postscreen') observePostscreen(extras.postscreen, message);
		return;
	}
	if (message.includes(', status=')) return countStatus(extras, counts, message);
	if (isReceived(line)) {
		counts.received++;
		if (daemon === 'smtpd') observeSaslLogin(extras.sasl, message);
		return;
	}
	if (daemon === 'postscreen') return observePostscreen(extras.postscreen, message);
	if (daemon === 'dnsblog') return observeDnsblog(extras.postscreen, message);
	if (message.includes('TLS connection ') && observeTls(extras.tls, message)) return;
	if (daemon === 'smtpd' && message.startsWith('warning: '))
		observeSaslFailure(extras.sasl, message);
}

/** A new observer with an empty state. */
export function createPostfixExtras(): PostfixExtrasObserver {
	const state = emptyPostfixExtras();
	// Most lines are of the instance before them: one string compare instead of a record lookup.
	let instance = '';
	let counts: InstanceCounts | undefined;
	return {
		observe(line) {
			if (counts === undefined || line.instance !== instance) {
				// Detached: a slice would keep its whole input chunk alive.
				instance = detach(line.instance);
				counts = state.instances[instance] ??= emptyInstanceCounts();
			}
			observeLine(state, line, counts);
		},
		end: () => state,
	};
}

/** The state of raw log lines (for tests and tools that have no findings collector). */
export function collectPostfixExtras(lines: Iterable<string>): PostfixExtras {
	const read = createLineReader();
	const extras = createPostfixExtras();
	for (const text of lines) {
		const line = read(text);
		if (line) extras.observe(line);
	}
	return extras.end();
}
