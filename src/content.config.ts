import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportsLoader } from './loaders/reports.ts';
import { guideSchema } from './schemas/guide.ts';
import { noteSchema } from './schemas/note.ts';
import { reportSchema } from './schemas/report.ts';

const notes = defineCollection({
	loader: glob({ base: './content/notes', pattern: '**/*.mdx' }),
	schema: noteSchema,
});

const guides = defineCollection({
	loader: glob({ base: './content/guides', pattern: '**/*.mdx' }),
	schema: guideSchema,
});

const reports = defineCollection({
	loader: reportsLoader(),
	schema: reportSchema,
});

export const collections = { notes, guides, reports };
