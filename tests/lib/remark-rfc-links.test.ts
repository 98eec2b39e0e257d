import { createProcessor } from '@mdx-js/mdx';
import type { Nodes, Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import {
	noteOfPath,
	officialRfcUrl,
	readNoteIds,
	remarkRfcLinks,
} from '../../src/lib/remark-rfc-links.ts';

const NOTES = new Map([
	[5321, 'rfc5321-smtp'],
	[6891, 'rfc6891-edns0'],
]);
const NOTE_PATH = '/work/main/content/notes/rfc6891-edns0.mdx';
const GUIDE_PATH = '/work/main/content/guides/tcp-buffers.mdx';
const OFFICIAL = 'https://www.rfc-editor.org/rfc/';
const SMTP_NOTE = '/fieldnotes/notes/rfc5321-smtp/';
const EDNS_NOTE = '/fieldnotes/notes/rfc6891-edns0/';
const official = (rfc: number, anchor?: string) =>
	`${OFFICIAL}rfc${rfc}.html${anchor ? `#${anchor}` : ''}`;

/** Parses MDX as the site does, runs the plugin, returns the links and the page's text. */
function run(mdx: string, path = GUIDE_PATH, base = '/fieldnotes/') {
	const tree = createProcessor().parse({ value: mdx, path } as never) as Root;
	remarkRfcLinks({ base, notes: NOTES })(tree, { path });
	const links: [string, string][] = [];
	const collect = (node: Nodes) => {
		if (node.type === 'link') links.push([textOf(node), node.url]);
		if ('children' in node) node.children.forEach((child) => collect(child as Nodes));
	};
	collect(tree);
	return { links, text: textOf(tree) };
}

function textOf(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	if ('children' in node) return node.children.map((child) => textOf(child as Nodes)).join('');
	return '';
}

describe('remarkRfcLinks', () => {
	const own = NOTE_PATH.replace('rfc6891-edns0', 'rfc7766-dns-over-tcp');
	test.each<[string, string, string, [string, string][]]>([
		['links an RFC we have a note for to the note', 'See RFC 5321 here.', GUIDE_PATH, [
			['RFC 5321', SMTP_NOTE],
		]],
		['links an RFC without a note to the RFC Editor', 'See RFC 1123.', GUIDE_PATH, [
			['RFC 1123', official(1123)],
		]],
		['links RFC N §x to the note and the official section', 'RFC 5321 §4.5.4 says', GUIDE_PATH, [
			['RFC 5321', SMTP_NOTE],
			['§4.5.4', official(5321, 'section-4.5.4')],
		]],
		['links "Section x" the same way', 'RFC 5321 Section 4.5.3.1 says', GUIDE_PATH, [
			['RFC 5321', SMTP_NOTE],
			['Section 4.5.3.1', official(5321, 'section-4.5.3.1')],
		]],
		['links "RFC N, Section x", the comma kept as text', 'RFC 5321, Section 2.3.', GUIDE_PATH, [
			['RFC 5321', SMTP_NOTE],
			['Section 2.3', official(5321, 'section-2.3')],
		]],
		['links a section of an RFC without a note as one link', 'RFC 1123 §5.3.1.1.', GUIDE_PATH, [
			['RFC 1123 §5.3.1.1', official(1123, 'section-5.3.1.1')],
		]],
		['links an appendix to the official #appendix anchor', 'RFC 1123 Appendix A.1', GUIDE_PATH, [
			['RFC 1123 Appendix A.1', official(1123, 'appendix-A.1')],
		]],
		['links a bare § in a note to its own RFC', 'FORMERR (§6.1.1, §6.2.1).', NOTE_PATH, [
			['§6.1.1', official(6891, 'section-6.1.1')],
			['§6.2.1', official(6891, 'section-6.2.1')],
		]],
		['leaves a bare § alone outside notes', 'see §6.1.1', GUIDE_PATH, []],
		['does not link a note to itself', 'This RFC 6891 replaced RFC 2671.', NOTE_PATH, [
			['RFC 2671', official(2671)],
		]],
		['links its own RFC section only to the official text', 'RFC 6891 §7 covers it', NOTE_PATH, [
			['RFC 6891 §7', official(6891, 'section-7')],
		]],
		['leaves inline code alone', 'Run `grep "RFC 5321"` and read RFC 5322.', GUIDE_PATH, [
			['RFC 5322', official(5322)],
		]],
		['leaves fenced code alone', '```\nRFC 5321 §4.5.4\n```', GUIDE_PATH, []],
		['leaves existing links alone', 'The [RFC 5321 note](../rfc5321-smtp/), RFC 6891', GUIDE_PATH, [
			['RFC 5321 note', '../rfc5321-smtp/'],
			['RFC 6891', EDNS_NOTE],
		]],
		['leaves headings alone', '## RFC 5321 §4.5.4\n\nRFC 5321.', GUIDE_PATH, [
			['RFC 5321', SMTP_NOTE],
		]],
		['leaves JSX code elements alone', '<code>RFC 5321</code> and <em>RFC 5321</em>', GUIDE_PATH, [
			['RFC 5321', SMTP_NOTE],
		]],
		['links inside emphasis and list items', '- *RFC 5321 §2*\n- **§3** RFC 6891', own, [
			['RFC 5321', SMTP_NOTE],
			['§2', official(5321, 'section-2')],
			['§3', official(7766, 'section-3')],
			['RFC 6891', EDNS_NOTE],
		]],
		['joins a reference wrapped over two lines', 'see RFC\n5321 §4.5.4 again', GUIDE_PATH, [
			['RFC\n5321', SMTP_NOTE],
			['§4.5.4', official(5321, 'section-4.5.4')],
		]],
		['ignores look-alikes', 'RFCs, RFC-ish, §x, RFC 5321a', GUIDE_PATH, []],
	])('%s', (_name, mdx, path, expected) => {
		const { links, text } = run(mdx, path);
		expect(links).toEqual(expected);
		expect(text).toBe(textOf(createProcessor().parse(mdx) as Root));
	});

	test('keeps the words of the text exactly', () => {
		const mdx = 'Per RFC 5321, Section 4.5.3.1.1 and §2 of RFC 1123 (RFC 6891 §6.1.3).';
		const tree = createProcessor().parse(mdx) as Root;
		const plain = textOf(tree);
		remarkRfcLinks({ notes: NOTES })(tree, { path: NOTE_PATH });
		expect(textOf(tree)).toBe(plain);
	});

	test('links through the site base, or from the root without one', () => {
		expect(run('RFC 5321', GUIDE_PATH, '/').links).toEqual([['RFC 5321', '/notes/rfc5321-smtp/']]);
		expect(run('RFC 5321', GUIDE_PATH, '/fieldnotes').links).toEqual([['RFC 5321', SMTP_NOTE]]);
	});

	test('links every text when the file path is unknown, without bare § links', () => {
		const tree = createProcessor().parse('RFC 6891 §6.1.1 and §7') as Root;
		remarkRfcLinks({ base: '/', notes: NOTES })(tree, {});
		expect(textOf(tree)).toBe('RFC 6891 §6.1.1 and §7');
		expect(JSON.stringify(tree)).toContain('/notes/rfc6891-edns0/');
		expect(JSON.stringify(tree)).not.toContain('#section-7');
	});
});

describe('helpers', () => {
	test.each([
		[5321, undefined, `${OFFICIAL}rfc5321.html`],
		[5321, '4.5.4', `${OFFICIAL}rfc5321.html#section-4.5.4`],
		[1123, 'A', `${OFFICIAL}rfc1123.html#appendix-A`],
		[1123, 'B.2', `${OFFICIAL}rfc1123.html#appendix-B.2`],
	])('officialRfcUrl(%i, %s) is %s', (rfc, section, url) => {
		expect(officialRfcUrl(rfc, section)).toBe(url);
	});

	test.each([
		['/x/content/notes/rfc6891-edns0.mdx', { rfc: 6891, id: 'rfc6891-edns0' }],
		['C:\\x\\content\\notes\\rfc9293-tcp.mdx', { rfc: 9293, id: 'rfc9293-tcp' }],
		['/x/content/guides/netstat.mdx', undefined],
		[undefined, undefined],
	])('noteOfPath(%s)', (path, expected) => {
		expect(noteOfPath(path)).toEqual(expected);
	});

	test('reads a note id for every note in content/notes', () => {
		const ids = readNoteIds(new URL('../../content/notes/', import.meta.url).pathname);
		expect(ids.get(5321)).toBe('rfc5321-smtp');
		expect(ids.get(6891)).toBe('rfc6891-edns0');
		expect(ids.size).toBeGreaterThanOrEqual(33);
	});
});
