/**
 * Astro content-layer loader: runs every registered parser over its committed samples,
 * `content/samples/<parser>/<case>.md` plus that case's input files, and stores one entry per
 * case (id `<parser>/<case>`) with the parse result and the page view.
 *
 * A sample that fails (bad frontmatter, a missing input, an error message from the parser)
 * fails the build, listing every problem of every sample: never a silently missing page.
 * In `astro dev`, editing a sample or its description re-parses it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import type { AnyParserSpec, Message } from '../parsers/contract.ts';
import { parsers } from '../parsers/registry.ts';
import { fileInput, runParser } from '../parsers/run.ts';
import { describeZodError, sampleSchema, type SampleMeta } from '../schemas/sample.ts';
import { formatMessage } from '../cli/report-stderr.ts';
import { redactResult } from '../lib/redact.ts';
import { REDACT_SALT_ENV, sampleRedactOptions, usesDefaultSalt } from '../lib/redact-config.ts';

export const SAMPLES_DIR = 'content/samples';

/** Splits `---\nyaml\n---\nbody` into its parts; no frontmatter is an error. */
export function splitFrontmatter(text: string): { data: unknown; body: string } | undefined {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!match) return undefined;
	return { data: parseYaml(match[1]!), body: match[2]! };
}

export interface SampleCase {
	parser: AnyParserSpec;
	id: string;
	mdPath: string;
	meta: SampleMeta;
	body: string;
	inputs: string[];
}

/** Reads `<case>.md` and resolves its inputs; returns the problems instead of throwing. */
export async function readSampleCase(parser: AnyParserSpec, root: string, dir: string, mdName: string, siblings: string[]): Promise<SampleCase | string[]> {
	const mdPath = path.join(dir, mdName);
	const caseName = mdName.slice(0, -'.md'.length);
	const split = splitFrontmatter(await readFile(path.join(root, mdPath), 'utf8'));
	if (!split) return [`${mdPath}: missing --- frontmatter --- block`];
	const parsed = sampleSchema.safeParse(split.data ?? {});
	if (!parsed.success) return [describeZodError(mdPath, parsed.error)];
	const meta = parsed.data;
	const names = meta.inputs ?? siblings.filter((name) => name.startsWith(`${caseName}.`) && name !== mdName).sort();
	if (names.length === 0) return [`${mdPath}: no input files (expected ${caseName}.<ext> beside it, or an inputs: list)`];
	const missing = names.filter((name) => !siblings.includes(name));
	if (missing.length > 0) return missing.map((name) => `${mdPath}: input ${name} does not exist`);
	return { parser, id: `${parser.name}/${caseName}`, mdPath, meta, body: split.body, inputs: names.map((name) => path.join(dir, name)) };
}

/** Lists every case of every parser, with the problems found on the way. */
export async function findSampleCases(root: string, registry: readonly AnyParserSpec[] = parsers): Promise<{ cases: SampleCase[]; problems: string[] }> {
	const cases: SampleCase[] = [];
	const problems: string[] = [];
	for (const parser of registry) {
		const dir = path.join(SAMPLES_DIR, parser.name);
		const siblings = (await readdir(path.join(root, dir)).catch(() => [] as string[])).sort();
		const described = new Set<string>();
		for (const mdName of siblings.filter((name) => name.endsWith('.md'))) {
			const found = await readSampleCase(parser, root, dir, mdName, siblings);
			if (Array.isArray(found)) {
				problems.push(...found);
				// Its inputs are described, if badly: one problem per cause is enough.
				for (const name of siblings) if (name.startsWith(mdName.slice(0, -2))) described.add(name);
			} else {
				cases.push(found);
				for (const input of found.inputs) described.add(path.basename(input));
			}
		}
		for (const name of siblings) {
			if (!name.endsWith('.md') && !described.has(name)) problems.push(`${path.join(dir, name)}: sample has no <case>.md describing it`);
		}
	}
	return { cases, problems };
}

/**
 * Parses one case; error messages become build problems. Unless the sample says `redact: false`,
 * the result is redacted before anything else sees it: the page, the search index and the
 * build log show pseudonyms only.
 */
export async function parseSampleCase(sample: SampleCase, root: string, env: NodeJS.ProcessEnv = process.env) {
	const options = sample.parser.cli && sample.meta.options ? sample.parser.cli.read(sample.meta.options) : undefined;
	const inputs = sample.inputs.map((input) => ({ ...fileInput(path.join(root, input)), name: input }));
	const parsed = await runParser(sample.parser, inputs, options);
	const redact = sampleRedactOptions(sample.meta.redact, env);
	const result = redact ? redactResult(parsed, redact) : parsed;
	const errors = result.messages.filter((message: Message) => message.severity === 'error').map(formatMessage);
	return { result, view: sample.parser.renderView(result), errors, redacted: redact !== undefined };
}

async function loadAll(context: LoaderContext): Promise<void> {
	const root = fileURLToPath(context.config.root);
	const { cases, problems } = await findSampleCases(root);
	if (usesDefaultSalt()) context.logger.warn(`reports are redacted with the public default salt: set ${REDACT_SALT_ENV} before publishing real logs`);
	const seen = new Set<string>();
	for (const sample of cases) {
		let parsed: Awaited<ReturnType<typeof parseSampleCase>>;
		try {
			parsed = await parseSampleCase(sample, root);
		} catch (error) {
			problems.push(`${sample.mdPath}: ${(error as Error).message}`);
			continue;
		}
		problems.push(...parsed.errors);
		const { meta } = sample;
		const data = await context.parseData({
			id: sample.id,
			data: {
				parser: sample.parser.name,
				parserTitle: sample.parser.title,
				guide: sample.parser.guide,
				title: meta.title,
				description: meta.description,
				captured: meta.captured,
				tool: meta.tool,
				source: meta.source,
				license: meta.license,
				hostile: meta.hostile,
				redacted: parsed.redacted,
				inputs: sample.inputs,
				result: parsed.result,
				view: parsed.view,
			},
		});
		const rendered = await context.renderMarkdown(sample.body);
		context.store.set({ id: sample.id, data, body: sample.body, rendered, digest: context.generateDigest({ data: JSON.stringify(data), body: sample.body }) });
		seen.add(sample.id);
	}
	for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
	if (problems.length > 0) {
		const message = `${problems.length} problem(s) in ${SAMPLES_DIR}:\n${problems.map((p) => `  ${p}`).join('\n')}`;
		context.logger.error(message);
		throw new Error(message);
	}
}

export function reportsLoader(): Loader {
	return {
		name: 'fieldnotes-reports',
		async load(context) {
			await loadAll(context);
			const root = fileURLToPath(context.config.root);
			context.watcher?.add(path.join(root, SAMPLES_DIR));
			context.watcher?.on('all', (_event, changed) => {
				if (changed.startsWith(path.join(root, SAMPLES_DIR))) {
					loadAll(context).catch((error: Error) => context.logger.error(error.message));
				}
			});
		},
	};
}
