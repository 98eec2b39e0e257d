/**
 * Makes invisible and terminal-driving characters visible, so a hostile log line can neither
 * drive a terminal nor reorder or hide text on a page: C0 controls and DEL become `\x1b`-style
 * escapes, C1 controls and the bidi embedding/override/isolate marks `\u202e`-style ones.
 * Tab is kept. Markup is left alone (Astro escapes it on pages).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// The same, line feed aside.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => {
	const code = c.charCodeAt(0);
	return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

export function showControls(text: string): string {
	return text.replace(CONTROL, escape);
}

/**
 * {@link showControls} for every line of a multi-line text, its line feeds kept: one pass, and
 * the text itself when there is nothing to show (a report of a million lines is not copied).
 */
export function showControlsInLines(text: string): string {
	return text.replace(CONTROL_BUT_NEWLINE, escape);
}
