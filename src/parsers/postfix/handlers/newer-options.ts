/**
 * Helpers for the options of the newer pflogsumm (1.1.7+, read from 1.3.0) that change how
 * 1.1.5's handlers read a line: `--srs-mung` and `--colwidth`.
 */
import type { PostfixOptions } from '../options.ts';

/**
 * pflogsumm's `srs_mung`: `SRS0=A6cv=PT=sender.example.com=support@srs.example.net` (also SRS1
 * with its `==` hops, any case) becomes `support@sender.example.com`; other addresses stay.
 */
const SRS = /^SRS[01][=+-](?:[^=]+=[\w.]+==)*(?:[^=]+=[^=]+=)([\w.]+)=(.+)@[\w.]+$/is;

/** `--srs-mung`: the original address of an SRS-rewritten sender. */
export function mungSrs(address: string, enabled: boolean): string {
	if (!enabled) return address;
	const match = SRS.exec(address);
	return match ? `${match[2]}@${match[1]}` : address;
}

/**
 * pflogsumm 1.1.7+'s `string_trimmer` limit under `--colwidth N`: 1.1.5's limit plus N − 80 when
 * N > 0; unchanged for a negative N. Whether to trim at all is {@link keepsWholeText}.
 */
export function trimLimit(limit: number, options: PostfixOptions): number {
	return options.colwidth > 0 ? limit + options.colwidth - 80 : limit;
}

/** No trimming with `--verbose-msg-detail` (1.1.5) or `--colwidth 0` (1.1.7+). */
export function keepsWholeText(options: PostfixOptions): boolean {
	return options.verboseMsgDetail || options.colwidth === 0;
}
