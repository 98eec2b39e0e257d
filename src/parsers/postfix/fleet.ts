/**
 * Fleets: several relays' logs (separate files or one mixed log from a central syslog host) read
 * with `--host-from-log`. Each line goes to its relay's own sink by the syslog header's host name,
 * so every relay gets the report a run over its log alone would give, and the fleet summary is the
 * merge of the relays' summaries.
 *
 * Merging is also how summaries made apart combine (`--from-json`): relay by relay with the
 * stream merge (files of one relay, in order), then across relays with {@link mergeFleet}. The
 * fleet's day count, which pflogsumm divides by for its daily averages, is the number of calendar
 * days with traffic on any relay (at least the largest relay's own count), not the relays' sum.
 */
import type { Result, Sink, SinkContext } from '../contract.ts';
import { emptyTally, mergeTally } from '../tally.ts';
import { createStamp, readSyslogStamp } from './syslog.ts';
import type { PostfixSummary } from './summary.ts';

/** Host of lines without a readable syslog header before any relay was seen. */
export const NO_HOST = '(no host)';

/** A summary with the relays it was made from, when read with `--host-from-log`. */
export type Fleet<S> = S & { hosts?: Record<string, S> };

/** Reads the host name field of a syslog line; undefined when the line has no syslog header. */
export function createHostReader(): (text: string) => string | undefined {
	const stamp = createStamp();
	return (text) => {
		if (!readSyslogStamp(text, stamp)) return undefined;
		// `stamp.rest` is just past `host `; the host starts after the space before it.
		const end = stamp.rest - 1;
		return text.slice(text.lastIndexOf(' ', end - 1) + 1, end);
	};
}

/**
 * The fleet summary of `hosts`: their summaries added (`combine`, which leaves each relay's queue
 * ids apart) in host-name order, with the fleet's day count (see the module comment).
 */
export function mergeFleet<S extends PostfixSummary>(
	hosts: Record<string, S>,
	combine: (a: S, b: S) => S,
	empty: () => S,
): S {
	const names = Object.keys(hosts).sort();
	const fleet = names.reduce((total, name) => combine(total, hosts[name]!), empty());
	const largest = Math.max(0, ...names.map((name) => hosts[name]!.dayCount));
	return { ...fleet, dayCount: Math.max(largest, Object.keys(fleet.days).length) };
}

/** Relay → summary, merged relay by relay with the stream merge. */
function mergeHosts<S>(a: Record<string, S>, b: Record<string, S>, merge: (a: S, b: S) => S): Record<string, S> {
	const out: Record<string, S> = Object.create(null);
	for (const source of [a, b]) {
		for (const name of Object.keys(source)) {
			const mine = out[name];
			out[name] = mine === undefined ? source[name]! : merge(mine, source[name]!);
		}
	}
	return out;
}

/**
 * A merge that keeps relays apart: summaries with `hosts` merge relay by relay (`merge`, pieces
 * of one relay's log in order) and the top level becomes their fleet (`combine`); summaries
 * without are merged by `merge` as before. A plain summary merged with a fleet is taken as the
 * relay {@link NO_HOST}.
 */
export function mergeWithHosts<S extends PostfixSummary>(
	merge: (a: S, b: S) => S,
	combine: (a: S, b: S) => S,
	empty: () => S,
): (a: Fleet<S>, b: Fleet<S>) => Fleet<S> {
	const hostsOf = (s: Fleet<S>): Record<string, S> => {
		if (s.hosts) return s.hosts;
		if (s.received + s.delivered + s.rejected + s.deferrals + s.bounced === 0 && s.dayCount === 0) return {};
		return { [NO_HOST]: s };
	};
	return (a, b) => {
		if (!a.hosts && !b.hosts) return merge(a, b);
		const hosts = mergeHosts(hostsOf(a), hostsOf(b), merge);
		return { ...mergeFleet(hosts, combine, empty), hosts };
	};
}

/**
 * A sink that sends each line to its relay's sink (made by `createHostSink`) and ends with the
 * fleet. Lines without a syslog header go to the relay of the line before (the first relay's
 * sink counts them as unparsed, as a single run would).
 */
export function createFleetSink<S extends PostfixSummary>(
	context: SinkContext,
	createHostSink: (context: SinkContext) => Sink<S>,
	combine: (a: S, b: S) => S,
	empty: () => S,
): Sink<Fleet<S>> {
	const readHost = createHostReader();
	const sinks = new Map<string, { sink: Sink<S>; file: string }>();
	let file = context.file;
	let last: string | undefined;
	const sinkOf = (host: string) => {
		let entry = sinks.get(host);
		if (entry === undefined) {
			entry = { sink: createHostSink({ file }), file };
			sinks.set(host, entry);
		}
		if (entry.file !== file) {
			entry.file = file;
			entry.sink.beginFile?.(file);
		}
		return entry.sink;
	};
	return {
		beginFile(name) {
			file = name;
		},
		line(text, lineNo) {
			const host = readHost(text) ?? last ?? NO_HOST;
			last = host;
			sinkOf(host).line(text, lineNo);
		},
		end(): Result<Fleet<S>> {
			const hosts: Record<string, S> = Object.create(null);
			let unparsed = emptyTally();
			const messages: Result<S>['messages'] = [];
			for (const [name, { sink }] of sinks) {
				const result = sink.end();
				hosts[name] = result.summary;
				unparsed = mergeTally(unparsed, result.unparsed);
				messages.push(...result.messages);
			}
			return { summary: { ...mergeFleet(hosts, combine, empty), hosts }, unparsed, messages };
		},
	};
}
