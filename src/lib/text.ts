/**
 * Makes control characters visible (`\x1b` → `\\x1b`) so a hostile log line cannot drive the
 * terminal; tab is kept.
 */
export function showControls(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
