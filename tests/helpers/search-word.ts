/**
 * Lists, at test time, words that Pagefind can only match on one report page, so a search for
 * one has exactly one right answer. Works on the text Pagefind itself indexed.
 *
 * A word qualifies when it occurs (as a substring, case folded, so prefix matches count) on one
 * indexed page only. Pagefind 1.6 keeps `_` inside words (`include_characters` in
 * pagefind-entry.json) but also indexes the parts of compound words and stems English words, so
 * the browser test confirms the pick with Pagefind's own search before using it.
 */
import { BASE } from './dist.ts';
import type { IndexedPage } from './pagefind.ts';

/** Kernel symbols from the blog capture, tried first because a reader would search for them. */
const PREFERRED = ['unix_stream_recvmsg', 'netlink_sendskb', 'skb_queue_purge', 'ip_local_deliver', 'ip_rcv_finish'];

/** A word and the one page (URL path under the base) it must find. */
export interface SearchTarget {
	word: string;
	url: string;
}

function countPages(pages: IndexedPage[], needle: string): number {
	const folded = needle.toLowerCase();
	return pages.filter((page) => page.content.toLowerCase().includes(folded)).length;
}

/** True when `word` occurs on exactly one indexed page. */
export function isUniqueWord(pages: IndexedPage[], word: string): boolean {
	return countPages(pages, word) === 1;
}

function rankWord(word: string): number {
	return PREFERRED.includes(word) ? 0 : word.includes('_') ? 1 : 2;
}

/**
 * Candidate words of a report page: identifiers of 6+ characters standing alone between spaces
 * (after trimming sentence punctuation), so Pagefind indexes them as the same whole word
 * (`nul\x00byte_sym` or `.brk.dmi_alloc` would not be).
 */
function listCandidates(content: string): string[] {
	const words = content.split(/\s+/).map((word) => word.replace(/^[(\["']+|[)\]"',.;:!?]+$/g, ''));
	return [...new Set(words.filter((word) => /^[A-Za-z][A-Za-z0-9_]{5,}$/.test(word)))];
}

/**
 * Words that occur on exactly one indexed page, that page being a report, best first: a
 * preferred kernel symbol, then symbols with `_`, then plain words (which Pagefind stems, so the
 * caller should confirm the pick with Pagefind itself), longer before shorter.
 */
export function listSearchCandidates(pages: IndexedPage[]): SearchTarget[] {
	const reports = pages.filter((page) => /^\/reports\/[^/]+\/[^/]+\/$/.test(page.url));
	const candidates = reports
		.flatMap((page) => listCandidates(page.content).map((word) => ({ word, url: `${BASE.slice(0, -1)}${page.url}` })))
		.sort((a, b) => rankWord(a.word) - rankWord(b.word) || b.word.length - a.word.length || a.word.localeCompare(b.word))
		.filter(({ word }) => isUniqueWord(pages, word));
	if (candidates.length === 0) {
		throw new Error(`no word of 6+ characters occurs on exactly one indexed page among ${reports.length} report pages (${pages.length} pages indexed)`);
	}
	return candidates;
}
