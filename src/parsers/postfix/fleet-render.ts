/**
 * Reports of a fleet (`--host-from-log`): the fleet's report first, then each relay's, in every
 * format. A summary without relays renders exactly as before, so pflogsumm's text is untouched.
 */
import type { ReportSection, ReportView, Result } from '../contract.ts';
import { emptyTally } from '../tally.ts';
import type { Fleet } from './fleet.ts';
import type { PostfixSummary } from './summary.ts';

type Render<S, T> = (result: Result<S>) => T;

function split<S>(result: Result<Fleet<S>>): { fleet: Result<S>; hosts: [string, Result<S>][] } | undefined {
	const { hosts, ...fleet } = result.summary;
	if (!hosts) return undefined;
	const names = Object.keys(hosts).sort();
	return {
		fleet: { ...result, summary: fleet as S },
		// Unparsed lines and messages are the run's, shown once with the fleet.
		hosts: names.map((name) => [name, { summary: hosts[name]!, unparsed: emptyTally(), messages: [] }]),
	};
}

function heading(text: string): string {
	return `${text}\n${'='.repeat(text.length)}\n`;
}

/** Text: the fleet under a heading naming the relays, then one block per relay; in pieces. */
export function* renderFleetTextParts<S>(result: Result<Fleet<S>>, render: Render<S, Iterable<string>>): Generator<string> {
	const parts = split(result);
	if (!parts) return yield* render(result as Result<S>);
	const names = parts.hosts.map(([name]) => name);
	yield heading(`Fleet of ${names.length} relay${names.length === 1 ? '' : 's'}: ${names.join(', ')}`);
	yield* render(parts.fleet);
	for (const [name, host] of parts.hosts) {
		yield `\n${heading(`Relay ${name}`)}`;
		yield* render(host);
	}
}

/** {@link renderFleetTextParts} as one text. */
export function renderFleetText<S>(result: Result<Fleet<S>>, render: Render<S, string>): string {
	let out = '';
	for (const part of renderFleetTextParts(result, (one) => [render(one)])) out += part;
	return out;
}

/** JSON: the fleet's summary with `hosts: { relay: summary }` beside it. */
export function renderFleetJson<S>(result: Result<Fleet<S>>, render: Render<S, unknown>): unknown {
	const parts = split(result);
	if (!parts) return render(result as Result<S>);
	const hosts: Record<string, unknown> = Object.create(null);
	for (const [name, host] of parts.hosts) hosts[name] = render(host);
	return { ...(render(parts.fleet) as object), hosts };
}

/** Markdown: the fleet, then each relay under its own top heading. */
export function renderFleetMarkdown<S>(result: Result<Fleet<S>>, render: Render<S, string>): string {
	const parts = split(result);
	if (!parts) return render(result as Result<S>);
	const titled = (text: string, title: string) => text.replace(/^# [^\n]*/, `# ${title}`);
	const names = parts.hosts.map(([name]) => name);
	const out = [titled(render(parts.fleet), `Postfix fleet: ${names.join(', ')}`)];
	for (const [name, host] of parts.hosts) out.push(titled(render(host), `Relay ${name}`));
	return out.join('\n');
}

/** The page: the fleet's view with a table of the relays first among its sections. */
export function renderFleetView<S extends PostfixSummary>(
	result: Result<Fleet<S>>,
	render: Render<S, ReportView>,
): ReportView {
	const parts = split(result);
	if (!parts) return render(result as Result<S>);
	const view = render(parts.fleet);
	const relays: ReportSection = {
		id: 'relays',
		title: 'Relays',
		table: {
			columns: [
				{ key: 'relay', label: 'relay' },
				{ key: 'received', label: 'received', numeric: true },
				{ key: 'delivered', label: 'delivered', numeric: true },
				{ key: 'deferred', label: 'deferred', numeric: true },
				{ key: 'bounced', label: 'bounced', numeric: true },
				{ key: 'rejected', label: 'rejected', numeric: true },
			],
			rows: parts.hosts.map(([relay, { summary: s }]) => ({
				relay, received: s.received, delivered: s.delivered, deferred: s.deferred, bounced: s.bounced, rejected: s.rejected,
			})),
		},
	};
	return { ...view, sections: [relays, ...view.sections] };
}
