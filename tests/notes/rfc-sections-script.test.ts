import { describe, expect, test } from 'vitest';
import {
	extractSections,
	extractTocNumbers,
	extractTocSections,
	findRfcNumber,
	findRfcTitle,
} from '../../scripts/rfc-sections.ts';

// A made-up RFC in the layout xml2rfc produces: header block, centred title, a TOC with dot
// leaders and a wrapped entry, column-0 headings with a page break between two of them.
const sample = [
	'Network Working Group                                          A. Author',
	'Request for Comments: 9999                                      Example',
	'Category: Standards Track                                    April 2013',
	'',
	'',
	'                      An Example Protocol for Tests',
	'',
	'Table of Contents',
	'',
	'   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .  2',
	'   2.  Protocol . . . . . . . . . . . . . . . . . . . . . . . . . .  2',
	'     2.1.  A Heading That Is Long Enough to Wrap Onto a Second Line',
	'           of the Table  . . . . . . . . . . . . . . . . . . . . . .  3',
	'   Appendix A.  Changes . . . . . . . . . . . . . . . . . . . . . .  4',
	'',
	'1.  Introduction',
	'',
	'   Body text 25 times.',
	'25 (SMTP).  A wrapped line that starts with a number is not a heading.',
	'',
	'Author                     Standards Track                     [Page 2]',
	'',
	'RFC 9999                    Example Protocol                 April 2013',
	'',
	'2.  Protocol',
	'',
	'2.1.  A Heading That Is Long Enough to Wrap Onto a Second Line of',
	'      the Table',
	'',
	'2.1.1.  _domainkey Records',
	'',
	'Appendix A.  Changes',
	'',
	'A.1.  Since the Draft',
].join('\n');

describe('rfc-sections script', () => {
	test('reads the RFC number and the centred title from the header', () => {
		expect(findRfcNumber(sample)).toBe(9999);
		expect(findRfcTitle(sample)).toBe('An Example Protocol for Tests');
	});

	test('takes column-0 headings in sequence, joins wrapped titles, reports stray lines', () => {
		const rejected: string[] = [];
		expect(extractSections(sample, rejected)).toEqual([
			{ n: '1', title: 'Introduction' },
			{ n: '2', title: 'Protocol' },
			{ n: '2.1', title: 'A Heading That Is Long Enough to Wrap Onto a Second Line of the Table' },
			{ n: '2.1.1', title: '_domainkey Records' },
			{ n: 'A', title: 'Changes' },
			{ n: 'A.1', title: 'Since the Draft' },
		]);
		expect(rejected).toEqual([
			'19: 25 (SMTP).  A wrapped line that starts with a number is not a heading.',
		]);
	});

	test('lists the table of contents numbers for cross-checking', () => {
		expect(extractTocNumbers(sample)).toEqual(['1', '2', '2.1', 'A']);
	});

	test('reads TOC titles without dot leaders, joining a wrapped entry', () => {
		expect(extractTocSections(sample)).toEqual([
			{ n: '1', title: 'Introduction' },
			{ n: '2', title: 'Protocol' },
			{ n: '2.1', title: 'A Heading That Is Long Enough to Wrap Onto a Second Line of the Table' },
			{ n: 'A', title: 'Changes' },
		]);
	});

	test('reads an RFC 3463-style TOC with "Appendix A - Title" entries and leader-less page numbers', () => {
		const toc = [
			'Table of Contents',
			'',
			'     3.8  Security or Policy Status ..................................12',
			'   4.   References ...................................................13',
			'        Appendix A - Collected Status Codes ..........................14',
			"        Author's Address .............................................15",
			'     7.1.  Registration of the "application/dns-message" Media Type   11',
		].join('\n');
		expect(extractTocSections(toc)).toEqual([
			{ n: '3.8', title: 'Security or Policy Status' },
			{ n: '4', title: 'References' },
			{ n: 'A', title: 'Collected Status Codes' },
			{ n: '7.1', title: 'Registration of the "application/dns-message" Media Type' },
		]);
	});

	test('reads a TOC without page numbers (xml2rfc v3): wrapped titles joined, unnumbered entries not', () => {
		const toc = [
			'Table of Contents',
			'',
			'   1.  Introduction',
			'     1.9.  Differences from NFSv4.0',
			'     18.5.  Operation 7: DELEGPURGE - Purge Delegations Awaiting',
			'             Recovery',
			'   Appendix C.  Security Issues That Need to Be Addressed',
			'   Acknowledgments',
			"   Authors' Addresses",
			'',
			'1.  Introduction',
		].join('\n');
		expect(extractTocSections(toc)).toEqual([
			{ n: '1', title: 'Introduction' },
			{ n: '1.9', title: 'Differences from NFSv4.0' },
			{ n: '18.5', title: 'Operation 7: DELEGPURGE - Purge Delegations Awaiting Recovery' },
			{ n: 'C', title: 'Security Issues That Need to Be Addressed' },
		]);
	});

	test.each([
		['2.1 Other or Undefined Status', { n: '2.1', title: 'Other or Undefined Status' }],
		['Appendix A - Collected Status Codes', { n: 'A', title: 'Collected Status Codes' }],
		['2.1. The contents of inverse queries          Inverse', { n: '2.1', title: 'The contents of inverse queries' }],
	])('reads the older heading style %j', (line, expected) => {
		const found = extractSections(['1. STATUS OF THIS MEMO', '2. INTRODUCTION', line].join('\n'));
		expect(found.at(-1)).toEqual(expected);
	});

	test.each([
		[['1 Intro', '1.1 Scope', '1.2 Issues', "1.2.1 64-bit offsets and lengths"], '64-bit offsets and lengths'],
		[['1 Intro', '1.1 32 bit clients/servers and 64 bit clients/servers'], '32 bit clients/servers and 64 bit clients/servers'],
		[['1.  Status Codes', '1.1.  Successful 2xx', '1.1.1.  200 OK'], '200 OK'],
	])('keeps a heading whose title starts with a number joined to a word: %j', (lines, title) => {
		const found = extractSections(lines.join('\n'));
		expect(found.map((s) => s.title)).toHaveLength(lines.length);
		expect(found.at(-1)?.title).toBe(title);
	});

	test('joins a long heading wrapped onto a line indented by three spaces (RFC 2018 section 5)', () => {
		const text = [
			'1.  Introduction',
			'2.  Interpreting the Sack Option and Retransmission Strategy: Data',
			'   Sender Behavior',
			'',
			'   When receiving an ACK containing a SACK option, the data sender',
		].join('\n');
		expect(extractSections(text).at(-1)?.title).toBe(
			'Interpreting the Sack Option and Retransmission Strategy: Data Sender Behavior',
		);
	});

	test('still rejects a column-0 line whose "title" is a bare number', () => {
		const rejected: string[] = [];
		const found = extractSections(['1. Introduction', '2 3 4', '2. Protocol'].join('\n'), rejected);
		expect(found.map((s) => s.n)).toEqual(['1', '2']);
		expect(found.at(-1)?.title).toBe('Protocol');
	});

	test('reads TOC entries whose titles start with a number (RFC 1813, RFC 9110)', () => {
		const toc = [
			'Table of Contents',
			'',
			'   6.3     Implementation issues  . . . . . . . . . . . . . . . . . 120',
			'   6.3.1     64-bit offsets and lengths . . . . . . . . . . . . . . 120',
			'   6.3.2     File handles . . . . . . . . . . . . . . . . . . . . . 120',
			'       15.2.1.  100 Continue  . . . . . . . . . . . . . . . . . . . 172',
		].join('\n');
		expect(extractTocSections(toc)).toEqual([
			{ n: '6.3', title: 'Implementation issues' },
			{ n: '6.3.1', title: '64-bit offsets and lengths' },
			{ n: '6.3.2', title: 'File handles' },
			{ n: '15.2.1', title: '100 Continue' },
		]);
	});
});
