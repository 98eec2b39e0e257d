/**
 * The mapping table turned around for a reference page: one entry per counter, with every
 * net-tools wording it was printed with and the revisions that printed each.
 */
import { displayName, SECTION_ORDER, toNstatName } from './mib-lookup.ts';
import { MIB_ROWS } from './mib-table.ts';
import type { MibKind } from './mib-types.ts';

export interface MibReferenceEntry {
	/** nstat name, `TcpExtSyncookiesFailed`. */
	nstat: string;
	/** `TcpExt:SyncookiesFailed`. */
	display: string;
	section: string;
	kind: MibKind;
	/** Sentences with `N` where the value goes, newest revision first. */
	wordings: { text: string; revisions: readonly string[] }[];
}

/** Every counter net-tools has a sentence for, in section order, so "invalid SYN cookies" finds `TcpExt:SyncookiesFailed`. */
export function listMibReference(): MibReferenceEntry[] {
	const byName = new Map<string, MibReferenceEntry>();
	for (const [section, field, kind, wording, revisions] of MIB_ROWS) {
		const nstat = toNstatName(section, field);
		const entry = byName.get(nstat) ?? { nstat, display: displayName(nstat), section, kind, wordings: [] };
		entry.wordings.push({ text: wording.replace('%llu', 'N').replace('%s', '…').trim(), revisions });
		byName.set(nstat, entry);
	}
	const rank = (section: string) => SECTION_ORDER.indexOf(section);
	return [...byName.values()]
		.map((entry) => ({ ...entry, wordings: entry.wordings.reverse() }))
		.sort((a, b) => rank(a.section) - rank(b.section) || a.nstat.localeCompare(b.nstat));
}
