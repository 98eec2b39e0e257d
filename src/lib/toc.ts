/**
 * Table of contents for long pages, built from the `headings` that `render(entry)` returns
 * (`{ depth, slug, text }` per heading, in document order).
 */

/** One heading as Astro's markdown pipeline reports it. */
export interface TocHeading {
	depth: number;
	slug: string;
	text: string;
}

/** A table-of-contents entry; `children` holds the deeper headings that follow it. */
export interface TocItem extends TocHeading {
	children: TocItem[];
}

export interface TocOptions {
	/** Shallowest heading listed (default 2: the page's h1 is its title). */
	minDepth?: number;
	/** Deepest heading listed (default 3). */
	maxDepth?: number;
}

/**
 * Nests headings between `minDepth` and `maxDepth`: each heading goes under the nearest earlier
 * heading of a smaller depth, or at the top level when there is none (an h3 before any h2).
 */
export function buildToc(headings: readonly TocHeading[], options: TocOptions = {}): TocItem[] {
	const { minDepth = 2, maxDepth = 3 } = options;
	const root: TocItem[] = [];
	const stack: TocItem[] = [];
	for (const heading of headings) {
		if (heading.depth < minDepth || heading.depth > maxDepth || heading.slug === '') continue;
		const item: TocItem = {
			depth: heading.depth,
			slug: heading.slug,
			text: heading.text,
			children: [],
		};
		while (stack.length > 0 && stack[stack.length - 1]!.depth >= item.depth) stack.pop();
		const parent = stack[stack.length - 1];
		(parent ? parent.children : root).push(item);
		stack.push(item);
	}
	return root;
}

/** A page is long enough for a table of contents when it has at least `minimum` listed headings. */
export function needsToc(
	headings: readonly TocHeading[],
	minimum = 3,
	options: TocOptions = {},
): boolean {
	const { minDepth = 2, maxDepth = 3 } = options;
	return headings.filter((h) => h.depth >= minDepth && h.depth <= maxDepth).length >= minimum;
}
