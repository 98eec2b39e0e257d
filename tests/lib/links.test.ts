import { describe, expect, test } from 'vitest';
import {
	entryKey,
	groupByTag,
	linksToBuiltPage,
	noteTitle,
	pageKey,
	resolveRelated,
	type EntryLink,
} from '../../src/lib/links.ts';

const entry = (key: string, title: string, tags: string[] = []): EntryLink => ({
	key,
	kind: key.startsWith('notes/') ? 'note' : key.startsWith('guides/') ? 'guide' : 'report',
	title,
	description: '',
	href: `${key}/`,
	tags,
});
const index = new Map(
	[
		entry('notes/rfc9293-tcp', 'RFC 9293: TCP', ['tcp']),
		entry('guides/dropwatch', 'dropwatch', ['kernel', 'tcp']),
	].map((e) => [e.key, e]),
);

describe('pageKey', () => {
	test.each([
		['guides/dropwatch/#ip-layer', 'guides/dropwatch'],
		['/guides/dropwatch/', 'guides/dropwatch'],
		['notes/rfc9293-tcp', 'notes/rfc9293-tcp'],
		['reports/dropwatch/blog/?x=1', 'reports/dropwatch/blog'],
	])('reads the page of %s as %s', (link, expected) => {
		expect(pageKey(link)).toBe(expected);
	});
});

describe('entryKey and noteTitle', () => {
	test('puts a note under notes/', () => {
		expect(entryKey('note', 'rfc5321-smtp')).toBe('notes/rfc5321-smtp');
	});
	test('puts a report id with its parser under reports/', () => {
		expect(entryKey('report', 'dropwatch/blog')).toBe('reports/dropwatch/blog');
	});
	test('titles a note with its RFC number', () => {
		expect(noteTitle({ rfc: 5321, title: 'Simple Mail Transfer Protocol' })).toBe(
			'RFC 5321: Simple Mail Transfer Protocol',
		);
	});
});

describe('resolveRelated', () => {
	test('returns existing entries in the given order and reports unknown ids', () => {
		const { found, missing } = resolveRelated(
			['guides/dropwatch', 'notes/rfc0000-none', 'notes/rfc9293-tcp/'],
			index,
		);
		expect(found.map((e) => e.key)).toEqual(['guides/dropwatch', 'notes/rfc9293-tcp']);
		expect(missing).toEqual(['notes/rfc0000-none']);
	});
});

describe('linksToBuiltPage', () => {
	test.each([
		['guides/dropwatch/#unix-sockets', true],
		['notes/rfc9293-tcp/', true],
		['guides/tcp-buffers/#rmem', false],
	])('knows whether %s points at a built page: %s', (link, expected) => {
		expect(linksToBuiltPage(link, index)).toBe(expected);
	});
});

describe('groupByTag', () => {
	test('lists each tag once, alphabetically, with its entries by title', () => {
		const groups = groupByTag([...index.values()]);
		expect([...groups.keys()]).toEqual(['kernel', 'tcp']);
		expect(groups.get('tcp')!.map((e) => e.title)).toEqual(['dropwatch', 'RFC 9293: TCP']);
	});
	test('counts an entry once even when a tag repeats', () => {
		expect(groupByTag([entry('guides/x', 'x', ['a', 'a'])]).get('a')).toHaveLength(1);
	});
	test('gives no tags for no entries', () => {
		expect(groupByTag([]).size).toBe(0);
	});
});
