// @ts-check
// Site URL and base path come from the environment so one build serves a user site (base `/`)
// and a GitHub Pages project site (base `/<repo>/`); see README "Deploy".
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import { remarkRfcLinks } from './src/lib/remark-rfc-links.ts';

const base = process.env.BASE_PATH || '/';

export default defineConfig({
	site: process.env.SITE_URL || 'http://localhost:4321',
	base,
	trailingSlash: 'always',
	integrations: [mdx(), sitemap()],
	markdown: {
		remarkPlugins: [remarkGfm, [remarkRfcLinks, { base }]],
		shikiConfig: {
			themes: { light: 'github-light', dark: 'github-dark' },
			defaultColor: false,
		},
	},
	image: { service: { entrypoint: 'astro/assets/services/noop' } },
	build: { format: 'directory' },
	devToolbar: { enabled: false },
});
