/**
 * Links from report tables to the counter reference page (`reference/netstat-counters/`): a
 * counter gets one only when that page lists it, under the anchor the page gives it
 * (`#TcpExt-SyncookiesFailed`), so no report links to a missing anchor.
 */
import { listCounterReference } from './counter-reference.ts';

/** The reference page, site-relative (no base). */
export const COUNTER_REFERENCE_PAGE = 'reference/netstat-counters/';

let anchors: Set<string> | undefined;

/** Every row anchor on the reference page; built once. */
function listAnchors(): Set<string> {
	anchors ??= new Set(listCounterReference().flatMap((section) => section.rows.map((row) => row.id)));
	return anchors;
}

/**
 * `{ section: 'TcpExt', field: 'ListenOverflows' }` ->
 * `reference/netstat-counters/#TcpExt-ListenOverflows`; null for a counter the page does not list.
 */
export function linkCounterReference(counter: { section: string; field: string }): string | null {
	if (counter.section === '') return null;
	const id = `${counter.section}-${counter.field}`;
	return listAnchors().has(id) ? `${COUNTER_REFERENCE_PAGE}#${id}` : null;
}
