/**
 * Exact merges of a log cut anywhere. pflogsumm remembers three things per queue id (the client
 * that sent the message, its size, whether it was deferred), so a message whose lines fall on
 * both sides of a cut would be counted wrongly by two separate runs: its size line after the cut
 * does not know the sender was received, its deliveries do not know the size, a second deferral
 * counts the message twice.
 *
 * So each piece keeps, in its summary, the messages still open at its end ({@link OpenMessage})
 * and, for every message whose first line in the piece was not its start (`client=` or pickup),
 * the operations it did with it ({@link CarriedOp}). The piece's own figures are those of a run
 * over it alone; at a merge the operations are done again from the earlier piece's open message
 * and the difference is applied — the figures of one run over both pieces.
 *
 * Messages first seen more than {@link CARRY_HORIZON_SECONDS} after a piece's first line are not
 * carried: no message stays in Postfix's queue that long (`maximal_queue_lifetime` and
 * `bounce_queue_lifetime` default to 5 days), and this keeps memory to the messages near the cut.
 */
import { isTrue } from './strings.ts';
import type { CountSize } from './summary.ts';

/** `[client, size, deferred]` of a message not removed yet: pflogsumm's three hashes. */
export type OpenMessage = [client: string | null, size: string | null, deferred: 0 | 1];

/**
 * What a piece did with a message it had not seen begin, in order:
 * `r` received (client domain or `pickup`), `s` qmgr's size line (address as counted, size, and
 * whether `-e` lists it), `d` a delivery (recipient, its domain, whether a missing size is listed,
 * whether `-e` lists it), `f` a deferral, `x` removed (or rejected/discarded by cleanup). The
 * list starts with `t`: the seconds of the message's first line in the piece.
 */
export type CarriedOp =
	| ['t', number]
	| ['r', string]
	| ['s', string, string, 0 | 1]
	| ['d', string, string, 0 | 1, 0 | 1]
	| ['f']
	| ['x'];

/** Six days: Postfix's default queue lifetime (5 days) and a day's slack. */
export const CARRY_HORIZON_SECONDS = 6 * 86_400;
/** smtpd connections last minutes: a disconnect later than this after the first line is not carried. */
export const DISCONNECT_HORIZON_SECONDS = 86_400;

/** What the operations changed in the figures, from a given prior state. */
export interface Effects {
	bytesReceived: number;
	bytesDelivered: number;
	deferred: number;
	senders: Map<string, CountSize>;
	senderDomains: Map<string, CountSize>;
	/** Recipient domain → bytes delivered. */
	domainBytes: Map<string, number>;
	/** Recipient → bytes delivered. */
	recipientBytes: Map<string, number>;
	/** The last `noSize` written for the message, if any. */
	noSize: string | undefined;
	/** What `-e` lists for the message, in order. */
	detail: string[];
	/** The message's state after the operations; undefined once removed. */
	state: OpenMessage | undefined;
}

function addTo(map: Map<string, CountSize>, key: string, bytes: number): void {
	const row = map.get(key) ?? [0, 0];
	row[0]++;
	row[1] += bytes;
	map.set(key, row);
}

const add = (map: Map<string, number>, key: string, bytes: number) => map.set(key, (map.get(key) ?? 0) + bytes);

/** The operations done from `prior` (undefined: a message not known before), as the parser does them. */
export function replayOps(prior: OpenMessage | undefined, ops: readonly CarriedOp[]): Effects {
	const out: Effects = {
		bytesReceived: 0, bytesDelivered: 0, deferred: 0,
		senders: new Map(), senderDomains: new Map(), domainBytes: new Map(), recipientBytes: new Map(),
		noSize: undefined, detail: [], state: prior && [...prior],
	};
	for (const op of ops) {
		const state = out.state;
		switch (op[0]) {
			case 't':
				break;
			case 'r':
				(out.state ??= [null, null, 0])[0] = op[1];
				break;
			case 's': {
				const [, address, size, listed] = op;
				if (isTrue(state?.[1])) break;
				const message = (out.state ??= [null, null, 0]);
				message[1] = size;
				if (listed) out.detail.push(address);
				const client = message[0];
				if (!isTrue(client)) break;
				const bytes = Number(size);
				const at = address.indexOf('@');
				const domain = at > 0 && at < address.length - 1 ? address.slice(at + 1) : client === 'pickup' ? address : client!;
				addTo(out.senderDomains, domain, bytes);
				addTo(out.senders, address, bytes);
				out.bytesReceived += bytes;
				message[0] = null;
				break;
			}
			case 'd': {
				const [, address, domain, listNoSize, listed] = op;
				const size = state?.[1];
				if (isTrue(size)) {
					const bytes = Number(size);
					add(out.domainBytes, domain, bytes);
					add(out.recipientBytes, address, bytes);
					out.bytesDelivered += bytes;
				} else {
					if (listNoSize) out.noSize = address;
					if (listed) out.detail.push('(sender not in log)');
				}
				if (listed) out.detail.push(address);
				break;
			}
			case 'f': {
				const message = (out.state ??= [null, null, 0]);
				if (!message[2]) {
					message[2] = 1;
					out.deferred++;
				}
				break;
			}
			case 'x':
				out.state = undefined;
				break;
		}
	}
	return out;
}
