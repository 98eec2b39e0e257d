/**
 * Every internal link goes through {@link withBase}, so the site works at `/` and under a
 * GitHub Pages project path such as `/fieldnotes/`. Astro 5's `BASE_URL` has no trailing slash
 * unless the configured base is `/`.
 */
export function joinBase(base: string, target: string): string {
	if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(target)) return target;
	const trimmedBase = base.replace(/\/+$/, '');
	const trimmedTarget = target.replace(/^\/+/, '');
	return `${trimmedBase}/${trimmedTarget}`;
}

/** `withBase('notes/rfc5321-smtp/')` → `/fieldnotes/notes/rfc5321-smtp/` under base `/fieldnotes`. */
export function withBase(target: string): string {
	return joinBase(import.meta.env.BASE_URL, target);
}
