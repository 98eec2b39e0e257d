/**
 * Picks, at test time, a word that Pagefind can only match on one report page, so a search for
 * it has exactly one right answer. Works on the text Pagefind itself indexed.
 *
 * Pagefind 1.6 keeps `_` inside words (`include_characters` in pagefind-entry.json) and also
 * indexes the parts of compound words, matches the last term as a prefix, and requires every
 * term found anywhere in the index. So a word qualifies when it occurs (as a substring, case
 * folded) on one indexed page only, and so does at least one of its `_`-separated parts.
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

/** True when a search for `word` can only match one indexed page. */
export function isUniqueWord(pages: IndexedPage[], word: string): boolean {
	if (countPages(pages, word) !== 1) return false;
	const parts = word.split('_').filter((part) => part.length >= 3);
	return parts.length <= 1 || parts.some((part) => countPages(pages, part) === 1);
}

function rankWord(word: string): number {
	return PREFERRED.includes(word) ? 0 : word.includes('_') ? 1 : 2;
}

/** Candidate words of a report page: identifiers of 6+ characters. */
function listCandidates(content: string): string[] {
	return [...new Set(content.match(/[A-Za-z][A-Za-z0-9_]{5,}/g) ?? [])];
}

/**
 * The best word that occurs on exactly one indexed page, that page being a report: a preferred
 * kernel symbol, else the longest symbol with `_`, else the longest plain word.
 */
export function chooseSearchWord(pages: IndexedPage[]): SearchTarget {
	const reports = pages.filter((page) => /^\/reports\/[^/]+\/[^/]+\/$/.test(page.url));
	const found = reports
		.flatMap((page) => listCandidates(page.content).map((word) => ({ word, page })))
		.sort((a, b) => rankWord(a.word) - rankWord(b.word) || b.word.length - a.word.length || a.word.localeCompare(b.word))
		.find(({ word }) => isUniqueWord(pages, word));
	if (!found) {
		throw new Error(`no word of 6+ characters occurs on exactly one indexed page among ${reports.length} report pages (${pages.length} pages indexed)`);
	}
	return { word: found.word, url: `${BASE.slice(0, -1)}${found.page.url}` };
}
