import type { z } from 'astro/zod';

/** What a content type tells the rest of the system about itself, beside its schema. */
export interface ContentType<S extends z.ZodType = z.ZodType, N extends string = string> {
  /** Collection name: folder under content/, URL segment and Decap collection name. */
  name: N;
  /** The zod schema of the front matter (or of the whole file for data files). */
  schema: S;
  /** Japanese plural label in the CMS sidebar. */
  label: string;
  /** Japanese singular label ("新しい{label_singular}"). */
  labelSingular: string;
  /** Shown at the top of the collection in the CMS. */
  description: string;
  /** The field that names an entry in lists and relation pickers. */
  titleField: string;
  /**
   * The Markdown body below the front matter, if the type has one. `checkPrivacy`: volunteers
   * write about residents there, so check, the build and the CMS warn when it looks like it
   * holds a private person's data (src/lib/validation/privacy.ts); the type's schema then has
   * `privacyConsent` (privacyConsentField) to state consent.
   */
  body?: { label: string; hint?: string; required: boolean; checkPrivacy?: boolean };
  /**
   * The date (or month) field the CMS list shows before the title and sorts by, newest first
   * (admin/config.ts); types without one are listed by title.
   */
  listDate?: string;
  /** A single file instead of a folder (site settings). */
  file?: string;
}

// The name is kept as its literal ('events'), so ContentTypeName is a union the kinds' registry
// (src/kinds/index.ts) is checked against.
export const defineContentType = <S extends z.ZodType, const N extends string>(
  type: ContentType<S, N>,
): ContentType<S, N> => type;
