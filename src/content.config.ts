/**
 * Astro's collections, one per content type, all from src/schemas/. Entries are the Japanese
 * originals `<id>.ja.md`; translations beside them (`<id>.en.md` …, Decap i18n
 * multiple_files) are the `translations` collection. Every collection is fed by the
 * project's own loader (src/lib/content/loader.ts): the entries as `npm run check` read and
 * validated them, so the pages see exactly what check passed.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { ContentType } from './schemas/define.ts';
import { contentModules } from './lib/content/modules.ts';

// Node's copies of the schemas and the loader in a build (src/lib/content/modules.ts).
const { schemas, loader } = await contentModules();
const {
  districtType,
  placeType,
  organizationType,
  eventType,
  salonType,
  reportType,
  recruitmentType,
  practiceType,
  deskType,
  serviceType,
  planType,
  fundingType,
  newsletterType,
  pageType,
  settingsType,
} = schemas;
const { contentLoader, translationsLoader } = loader;

// The schema gives getCollection its types; the loader stores data the schema already parsed.
const folder = <S extends z.ZodType>(type: ContentType<S>) =>
  defineCollection({ loader: contentLoader(type), schema: type.schema });

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
  services: folder(serviceType),
  plans: folder(planType),
  funding: folder(fundingType),
  newsletters: folder(newsletterType),
  pages: folder(pageType),
  settings: defineCollection({
    // One YAML file edited as a Decap file collection, stored under the id 'site'.
    loader: contentLoader(settingsType),
    schema: settingsType.schema.extend({ id: z.literal('site') }),
  }),
  // Every valid translation (`<id>.<locale>.md`, `site.<locale>.yml`), keyed
  // `<collection>/<id>/<locale>`: the original's data with the translated text, validated by the
  // type's own schema before it gets here (src/lib/content/translations.ts).
  translations: defineCollection({
    loader: translationsLoader(),
    schema: z.object({
      collection: z.string(),
      entry: z.string(),
      locale: z.string(),
      ownBody: z.boolean(),
      original: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  }),
};
