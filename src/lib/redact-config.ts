/**
 * Where the site's redaction settings come from. The site is redacted by default: every sample's
 * result is passed through `redactResult` before its page is made, unless the sample's
 * frontmatter says `redact: false` (see `src/schemas/sample.ts`).
 *
 * The salt comes from the environment variable `FIELDNOTES_REDACT_SALT`. The default below is
 * committed, hence public: anyone can recompute its pseudonyms, and hashing all 2³² IPv4
 * addresses under it takes minutes. It is good for tests and for the test-domain samples in this
 * repository, not for real logs. A real deployment sets its own salt as a repository secret (or
 * variable) named `FIELDNOTES_REDACT_SALT`, which `.github/workflows/deploy.yml` passes to the
 * build. Changing the salt changes every pseudonym on the site at once.
 */
import type { RedactOptions } from './redact.ts';

/** Public salt used when `FIELDNOTES_REDACT_SALT` is unset or empty. */
export const DEFAULT_REDACT_SALT = 'fieldnotes-public-default-salt-v1';

/** Environment variable holding the site's salt. */
export const REDACT_SALT_ENV = 'FIELDNOTES_REDACT_SALT';

/** A sample's `redact` frontmatter: absent or `true` (redact), `false`, or options. */
export type SampleRedact = boolean | { keepDomains?: boolean } | undefined;

/** The salt the site build uses: the environment's, or the committed default. */
export function readRedactSalt(env: NodeJS.ProcessEnv = process.env): string {
	const salt = env[REDACT_SALT_ENV];
	return salt === undefined || salt === '' ? DEFAULT_REDACT_SALT : salt;
}

/** True when the build would publish pseudonyms made with the public default salt. */
export function usesDefaultSalt(env: NodeJS.ProcessEnv = process.env): boolean {
	return readRedactSalt(env) === DEFAULT_REDACT_SALT;
}

/** Redaction options for one sample, or undefined when its frontmatter turns redaction off. */
export function sampleRedactOptions(
	redact: SampleRedact,
	env: NodeJS.ProcessEnv = process.env,
): RedactOptions | undefined {
	if (redact === false) return undefined;
	const keepDomains = typeof redact === 'object' ? (redact.keepDomains ?? false) : false;
	return { salt: readRedactSalt(env), keepDomains };
}
