/** smtpd and postscreen: received messages, rejects, and (`--smtpd-stats`) connection times. */
import { clientDomain, detach } from '../strings.ts';
import { DISCONNECT_HORIZON_SECONDS } from '../carry.ts';
import { countReceived, lineSeconds, queued, type ParseState } from '../state.ts';
import { createSmtpdStats, type ConnectStats } from '../summary.ts';
import { handleSmtpdReject, type RejectKind } from './reject.ts';

const CLIENT = /\[\d+\]: \w+: client=(.+?)(,|$)/s;
/**
 * CLIENT or REJECT in one scan, client first at each position. A client match is CLIENT's own
 * leftmost match; after a reject match CLIENT may still match further on, and pflogsumm tries
 * CLIENT first, so that is checked before the line counts as a reject.
 */
const CLIENT_OR_REJECT = /\[\d+\]: \w+: (?:client=(.+?)(,|$)|(reject(?:_warning)?|hold|discard): )/s;
const CONNECT_PID = /\/smtpd\[(\d+)\]: /;
const DISCONNECT = /\/smtpd\[(\d+)\]: disconnect from (.+)$/s;

/** A disconnect without its connect, kept for a merge with the piece before (`carry.ts`). */
function carryDisconnect(state: ParseState, pid: string, host: string): void {
	const seconds = lineSeconds(state);
	if (seconds - state.firstSeconds > DISCONNECT_HORIZON_SECONDS) return;
	const stats = (state.summary.smtpd ??= createSmtpdStats());
	stats.carried.push([detach(pid), seconds, state.stamp.hour, state.dayKey, clientDomain(host)]);
}

function addConnect(stats: ConnectStats, seconds: number): void {
	stats[0]++;
	stats[1] += seconds;
	if (seconds > stats[2]) stats[2] = seconds;
}

/**
 * Jan 27 06:40:01 mail postfix/smtpd[23012]: connect from h-1.example[192.0.2.7]
 * Jan 27 06:40:02 mail postfix/smtpd[23012]: disconnect from h-1.example[192.0.2.7] ehlo=1 quit=1 commands=2
 */
function handleConnection(state: ParseState): boolean {
	const { rest } = state;
	if (rest.includes(': connect from ')) {
		const pid = CONNECT_PID.exec(rest)?.[1];
		if (pid === undefined) return false;
		state.connects.set(detach(pid), lineSeconds(state));
		return true;
	}
	if (!rest.includes(': disconnect from ')) return false;
	const match = DISCONNECT.exec(rest);
	if (!match) return false;
	const start = state.connects.get(match[1]!);
	if (start === undefined) {
		carryDisconnect(state, match[1]!, match[2]!);
		return true;
	}
	state.connects.delete(match[1]!);
	const seconds = lineSeconds(state) - start;
	const stats = (state.summary.smtpd ??= createSmtpdStats());
	if (state.stamp.hour < 24) addConnect(stats.perHour[state.stamp.hour]!, seconds);
	addConnect((stats.perDay[state.dayKey] ??= [0, 0, 0]), seconds);
	addConnect((stats.perDomain[clientDomain(match[2]!)] ??= [0, 0, 0]), seconds);
	stats.connections++;
	stats.seconds += seconds;
	return true;
}

/**
 * Jan 27 06:37:58 mail postfix/smtpd[23012]: 4DLBsQ0c6Bz1xJ9: client=h-1.example[192.0.2.7]
 * Jan 27 10:12:41 mail postfix/smtpd[9077]: NOQUEUE: reject: RCPT from …
 *
 * Returns whether one of pflogsumm's branches took the line.
 */
export function handleSmtpd(state: ParseState): boolean {
	const { rest } = state;
	// Most smtpd lines are connect, disconnect or lost connection: one scan finds neither.
	const match = CLIENT_OR_REJECT.exec(rest);
	if (match) {
		const client = match[1] === undefined ? CLIENT.exec(rest) : match;
		if (client) {
			countReceived(state);
			// clientDomain's answers are already detached from the line.
			const domain = clientDomain(client[1]!);
			state.carried.get(state.qid)?.push(['r', domain]);
			queued(state).client = domain;
			return true;
		}
		handleSmtpdReject(state, match[3] as RejectKind);
		return true;
	}
	return state.options.smtpdStats && handleConnection(state);
}
