/**
 * Makes invisible and terminal-driving characters visible, so a hostile log line can neither
 * drive a terminal nor reorder or hide text on a page: C0 controls and DEL become `\x1b`-style
 * escapes, C1 controls and the bidi embedding/override/isolate marks `\u202e`-style ones.
 * Tab is kept. Markup is left alone (Astro escapes it on pages).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function showControls(text: string): string {
	return text.replace(CONTROL, (c) => {
		const code = c.charCodeAt(0);
		return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
	});
}
