/**
 * A small view over parse5's tree for the site tests: every element in document order, attribute
 * lookup, ids and text. parse5 is the spec-compliant parser Astro's Markdown pipeline already
 * installs (via hast-util-from-html), so a page is read exactly as a browser would read it: a
 * `<img` that only appears inside escaped text is text, not an element.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;

/** One parsed page: its elements in document order (template contents included). */
export interface ParsedHtml {
	document: DefaultTreeAdapterTypes.Document;
	elements: HtmlElement[];
}

function isElement(node: HtmlNode): node is HtmlElement {
	return 'tagName' in node;
}

function childrenOf(node: HtmlNode): HtmlNode[] {
	const children: HtmlNode[] = 'childNodes' in node ? [...node.childNodes] : [];
	if (isElement(node) && node.tagName === 'template' && 'content' in node) {
		children.push(...(node as DefaultTreeAdapterTypes.Template).content.childNodes);
	}
	return children;
}

/** Every element below `root`, depth first, in document order. */
export function listElements(root: HtmlNode): HtmlElement[] {
	const out: HtmlElement[] = [];
	const stack: HtmlNode[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (isElement(node) && node !== root) out.push(node);
		stack.push(...childrenOf(node).reverse());
	}
	return out;
}

/** Parses a whole HTML document. */
export function parseHtml(html: string): ParsedHtml {
	const document = parse(html);
	return { document, elements: listElements(document) };
}

/** The value of attribute `name` (lower-case, as parse5 stores it), or undefined. */
export function readAttribute(element: HtmlElement, name: string): string | undefined {
	return element.attrs.find((attr) => attr.name === name)?.value;
}

/** Elements with one of the given tag names. */
export function findElements(parsed: ParsedHtml, ...tags: string[]): HtmlElement[] {
	return parsed.elements.filter((element) => tags.includes(element.tagName));
}

/** Elements carrying attribute `name`, whatever its value. */
export function findWithAttribute(parsed: ParsedHtml, name: string): HtmlElement[] {
	return parsed.elements.filter((element) => readAttribute(element, name) !== undefined);
}

/** Fragment targets of a page: every `id`, and `name` on `<a>` (both valid `#x` targets). */
export function collectAnchors(parsed: ParsedHtml): Set<string> {
	const anchors = new Set<string>();
	for (const element of parsed.elements) {
		const id = readAttribute(element, 'id');
		if (id) anchors.add(id);
		const name = element.tagName === 'a' ? readAttribute(element, 'name') : undefined;
		if (name) anchors.add(name);
	}
	return anchors;
}

/** True when `element` sits inside an element named `tag` (`head`, `main`). */
export function hasAncestor(element: HtmlElement, tag: string): boolean {
	for (let node = element.parentNode; node; node = 'parentNode' in node ? node.parentNode : null) {
		if (node.nodeName === tag) return true;
	}
	return false;
}

/** Text content below `node`, leaving out `<script>`, `<style>` and `<template>`; whitespace kept. */
export function readText(node: HtmlNode): string {
	if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
	if (isElement(node) && ['script', 'style', 'template'].includes(node.tagName)) return '';
	return ('childNodes' in node ? node.childNodes : []).map((child) => readText(child)).join('');
}

/** Text with runs of white space (including no-break spaces) folded to one space, trimmed. */
export function readCleanText(node: HtmlNode): string {
	return readText(node).replace(/[\s\u00a0]+/g, ' ').trim();
}
