/**
 * `fieldnotes postfix`: Postfix mail logs (syslog `maillog`/`mail.log` with classic or RFC 3339
 * timestamps, rotated files in order, gzip'd or not) summarised exactly as Debian's pflogsumm
 * 1.1.5 does, with its options. Guide: `guides/postfix/`.
 */
import type { ParserSpec } from '../contract.ts';
import { mergePostfixSummary } from './merge.ts';
import { postfixCli, type PostfixOptions } from './options.ts';
import { createPostfixSink } from './parse.ts';
import { renderPostfixMarkdown } from './render-markdown.ts';
import { renderPostfixText } from './render-text.ts';
import { renderPostfixView } from './render-view.ts';
import { emptyPostfixSummary, type PostfixSummary } from './summary.ts';

export { createPostfixSink } from './parse.ts';
export { renderPostfixText } from './render-text.ts';
export { renderPostfixView } from './render-view.ts';
export { renderPostfixMarkdown } from './render-markdown.ts';
export { mergePostfixSummary } from './merge.ts';
export { emptyPostfixSummary, type PostfixSummary } from './summary.ts';
export { defaultPostfixOptions, normalizePostfixArgs, readPostfixOptions, type PostfixOptions } from './options.ts';

export const postfix: ParserSpec<PostfixSummary, PostfixOptions> = {
	name: 'postfix',
	title: 'Postfix mail logs, summarised as pflogsumm 1.1.5 does',
	description: 'Reads Postfix syslog lines (classic or RFC 3339 timestamps) and prints pflogsumm\'s report.',
	inputs: 'concatenate',
	guide: 'guides/postfix/',
	createSink: createPostfixSink,
	empty: emptyPostfixSummary,
	merge: mergePostfixSummary,
	renderText: renderPostfixText,
	renderView: renderPostfixView,
	formats: { pflogsumm: renderPostfixText, markdown: renderPostfixMarkdown },
	cli: postfixCli,
};
