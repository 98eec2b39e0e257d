import { describe, expect, test } from 'vitest';
import { extractXmlSections, findXmlRfcNumber, findXmlTitle } from '../../scripts/rfc-sections-xml.ts';

// A made-up xml2rfc v3 source in the shape of RFC 9111's: title attributes and <name> children,
// two top-level <references> (which xml2rfc puts under one numbered "References" section), a
// lettered appendix and an unnumbered Acknowledgements section.
const sample = `<?xml version="1.0"?>
<rfc number="9999" category="std" version="3">
<front><title abbrev="Ex">An Example &amp; Test</title></front>
<middle>
<section title="Introduction" anchor="intro">
  <section title="Requirements Notation"/>
  <section anchor="syntax"><name>Syntax <tt>Notation</tt></name>
    <section title="Delta Seconds"><t>text</t></section>
  </section>
</section>
<!-- <section title="Commented Out"></section> -->
<section title="Caching">
  <t><![CDATA[ <section title="In Artwork"> ]]></t>
</section>
</middle>
<back>
<references title="Normative References"></references>
<references title="Informative References"></references>
<section title="Collected ABNF"><section title="Rules"></section></section>
<section title="Acknowledgements" numbered="false"><section title="Thanks"></section></section>
</back>
</rfc>`;

describe('rfc-sections xml2rfc v3 reader', () => {
	test('reads the RFC number and the front title', () => {
		expect(findXmlRfcNumber(sample)).toBe(9999);
		expect(findXmlTitle(sample)).toBe('An Example & Test');
	});

	test('numbers sections as xml2rfc does: nesting, References wrapper, appendices, unnumbered', () => {
		expect(extractXmlSections(sample)).toEqual([
			{ n: '1', title: 'Introduction' },
			{ n: '1.1', title: 'Requirements Notation' },
			{ n: '1.2', title: 'Syntax Notation' },
			{ n: '1.2.1', title: 'Delta Seconds' },
			{ n: '2', title: 'Caching' },
			{ n: '3', title: 'References' },
			{ n: '3.1', title: 'Normative References' },
			{ n: '3.2', title: 'Informative References' },
			{ n: 'A', title: 'Collected ABNF' },
			{ n: 'A.1', title: 'Rules' },
		]);
	});

	test('a single top-level <references> is numbered itself', () => {
		const xml = '<middle><section title="One"></section></middle><back><references title="References"></references></back>';
		expect(extractXmlSections(xml)).toEqual([
			{ n: '1', title: 'One' },
			{ n: '2', title: 'References' },
		]);
	});
});
