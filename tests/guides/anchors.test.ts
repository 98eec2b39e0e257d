/**
 * Every guide section a parser links to exists: findings, layer explanations and input messages
 * carry `guides/<id>/#<anchor>` links, and the guide must have a heading whose slug (as Astro
 * makes it with github-slugger) is that anchor. The links are collected by reading the parser
 * sources, so a new link is checked without touching this test.
 */
import { describe, expect, test } from 'vitest';
import { LAYERS } from '../../src/parsers/dropwatch/layers.ts';
import { NETSTAT_RULES } from '../../src/parsers/netstat/findings.ts';
import { INPUT_GUIDE } from '../../src/parsers/netstat/state.ts';
import {
	formatGuideLinks,
	listParserGuideLinks,
	readGuide,
	readHeadingIds,
} from './guide-source.ts';

const LINKS = formatGuideLinks(listParserGuideLinks());

/** Links the parsers build at run time, to prove the source scan does not miss a shape. */
const RUNTIME_LINKS = [
	...NETSTAT_RULES.map((rule) => `guides/netstat/#${rule.anchor}`),
	...LAYERS.map((layer) => layer.explain),
	INPUT_GUIDE,
];

describe('guide links in src/parsers', () => {
	test('are found in the sources, including every link the parsers build at run time', () => {
		expect(LINKS.length).toBeGreaterThan(0);
		expect(LINKS).toEqual(expect.arrayContaining([...new Set(RUNTIME_LINKS)]));
	});

	test.each(LINKS)('%s names a guide that exists and a heading with that anchor', (link) => {
		const [, guide, anchor] = /^guides\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(link)!;
		const mdx = readGuide(guide!);
		expect(mdx, `content/guides/${guide}.mdx`).toBeDefined();
		expect([...readHeadingIds(mdx!)]).toContain(anchor);
	});
});

/** Sections the planned Postfix findings (issue 4) will link to, in `guides/relay-health/`. */
const POSTFIX_FINDING_ANCHORS = [
	'blocklisted',
	'rbl-rejects',
	'mail-loops',
	'spam-bursts',
	'exploit-attempts',
	'delivery-health',
	'config-warnings',
];

describe('the relay-health guide', () => {
	test.each(POSTFIX_FINDING_ANCHORS)('has a section #%s for a Postfix finding', (anchor) => {
		expect([...readHeadingIds(readGuide('relay-health') ?? '')]).toContain(anchor);
	});
});

describe('the heading slugs', () => {
	test.each([
		['## Before-after', 'before-after'],
		['### TIME-WAIT', 'time-wait'],
		["## The kernel's buffers", 'the-kernels-buffers'],
		['### `edns-udp-size` in BIND', 'edns-udp-size-in-bind'],
		['## Window divided by RTT: the ceiling', 'window-divided-by-rtt-the-ceiling'],
	])('%s gets the id %s', (heading, id) => {
		expect([...readHeadingIds(`${heading}\n`)]).toEqual([id]);
	});

	test('ignore headings inside fenced code and number repeated headings', () => {
		const mdx = '## Backlog\n```sh\n## not a heading\n```\n## Backlog\n';
		expect([...readHeadingIds(mdx)]).toEqual(['backlog', 'backlog-1']);
	});
});
