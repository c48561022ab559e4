/**
 * Astro's collections, one per content type, all from src/schemas/. Entries are the Japanese
 * originals `<id>.ja.md`; translations beside them (`<id>.en.md` …, Decap i18n
 * multiple_files) are left out until translated pages exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import YAML from 'yaml';
import {
  districtType,
  placeType,
  organizationType,
  eventType,
  salonType,
  reportType,
  recruitmentType,
  practiceType,
  deskType,
  newsletterType,
  pageType,
  settingsType,
} from './schemas/index.ts';
import type { ContentType } from './schemas/define.ts';
import { formatProblem } from './lib/validation/messages.ts';
import { missingFileProblem } from './lib/validation/validate.ts';

const folder = <S extends z.ZodType>(type: ContentType<S>) =>
  defineCollection({
    loader: glob({
      pattern: '*.ja.md',
      base: `./content/${type.name}`,
      generateId: ({ entry }) => entry.replace(/\.ja\.md$/, ''),
    }),
    schema: type.schema,
  });

export const collections = {
  districts: folder(districtType),
  places: folder(placeType),
  organizations: folder(organizationType),
  events: folder(eventType),
  salons: folder(salonType),
  reports: folder(reportType),
  recruitments: folder(recruitmentType),
  practices: folder(practiceType),
  desks: folder(deskType),
  newsletters: folder(newsletterType),
  pages: folder(pageType),
  settings: defineCollection({
    // One YAML file edited as a Decap file collection; read with the YAML 1.2 core schema like the validator.
    loader: async () => {
      const file = settingsType.file ?? 'content/settings/site.yml';
      // The build validates first and stops earlier; `astro dev` only logs, so say it here too.
      if (!existsSync(file)) throw new Error(formatProblem(missingFileProblem({ ...settingsType, file })));
      return [{ id: 'site', ...YAML.parse(readFileSync(file, 'utf8'), { schema: 'core' }) }];
    },
    schema: settingsType.schema.extend({ id: z.literal('site') }),
  }),
};
