/**
 * Builds Decap CMS's whole configuration from the content schemas in src/schemas/: every
 * widget, label, required flag, pattern, select list and relation comes from there, so the
 * CMS refuses the same input the build refuses and nothing is defined twice.
 */
import { t } from '../src/i18n/index.ts';
import { optionKey } from '../src/i18n/options.ts';
import { contentTypes, contentTypeByName } from '../src/schemas/index.ts';
import type { ContentType } from '../src/schemas/define.ts';
import { CMS_TRANSLATION_LOCALES, DEFAULT_CONTENT_LOCALE } from '../src/i18n/locales.ts';
import { describeFields, type FieldInfo } from '../src/lib/schema/walk.ts';
import { MEDIA_FOLDER, MEDIA_URL } from '../src/lib/media/paths.ts';
import { TEXT_LIMITS } from '../src/schemas/fields.ts';
import { YEAR_PATTERN, YEAR_RANGE } from '../src/lib/dates.ts';
import { decapBackend, publishMode, type CmsSettings } from '../src/lib/cms/backend.ts';

export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };

export interface CmsOptions {
  /**
   * The Git host of the published CMS and the approval switch: `cms` of content/settings/site.yml.
   * Without it the CMS edits this computer's files only. On localhost Decap uses decap-server
   * whatever this says (local_backend), and falls back to simple publishing if that server offers
   * no editorial workflow.
   */
  cms?: CmsSettings | undefined;
  /** Translations to edit beside Japanese (Decap i18n, one file per locale); default CMS_TRANSLATION_LOCALES. */
  locales?: string[];
  /** Port of the local decap-server (npm start runs it on 8081). */
  localBackendPort?: number;
}

// Each value labelled from the dictionary through its vocabulary (keys checked at compile time).
const optionsOf = (field: FieldInfo, values: string[]) =>
  values.map((value) => {
    const key = optionKey(field.meta.options, value);
    return { label: key ? t(key) : value, value };
  });

function relationWidget(field: FieldInfo, collection: string, multiple: boolean): Record<string, unknown> {
  const target = contentTypeByName.get(collection);
  if (!target) throw new Error(`relation to unknown collection ${collection} in field ${field.name}`);
  return {
    widget: 'relation',
    collection,
    value_field: 'id',
    search_fields: [target.titleField, 'id'],
    display_fields: [target.titleField],
    options_length: 200,
    ...(multiple ? { multiple: true, ...(field.min ? { min: field.min } : {}) } : {}),
  };
}

/**
 * Free text is translated; everything else (ids, dates, references, choices, numbers, image
 * files) stays out of translation files, so a translator cannot change when or where and the
 * site takes those from the Japanese original.
 */
export function isTranslatable(field: FieldInfo): boolean {
  if (field.kind === 'object') return true;
  if (field.kind === 'array')
    return (
      field.element?.kind === 'object' ||
      (field.element?.kind === 'string' && !field.element.pattern && !field.meta.relation)
    );
  return (
    field.kind === 'string' &&
    !field.pattern &&
    !field.meta.relation &&
    (field.meta.widget ?? 'string') !== 'image' &&
    field.meta.widget !== 'datetime'
  );
}

/** Translates one described schema field into a Decap field. */
export function cmsField(field: FieldInfo, i18n = false): CmsField {
  const { meta } = field;
  const base: Record<string, unknown> = { required: field.required };
  if (i18n && isTranslatable(field)) base['i18n'] = true;
  if (meta.hint) base['hint'] = meta.hint;
  if (field.default !== undefined) base['default'] = field.default;
  const make = (widget: string, options: Record<string, unknown> = {}): CmsField => ({
    name: field.name,
    label: meta.label ?? field.name,
    ...base,
    widget,
    ...options,
  });
  const pattern =
    field.pattern && meta.format
      ? { pattern: [field.pattern.source, meta.format.ja] }
      : field.kind === 'string' && field.max !== undefined
        ? // Decap has no maxlength; a pattern makes it refuse what the schema's .max() refuses.
          { pattern: [`^[\\s\\S]{0,${field.max}}$`, `${field.max}字以内で書いてください`] }
        : {};

  if (meta.relation) {
    return make('relation', relationWidget(field, meta.relation, field.kind === 'array'));
  }
  switch (field.kind) {
    case 'string':
      if (meta.widget === 'datetime')
        return make('datetime', {
          pattern: [YEAR_PATTERN, `${YEAR_RANGE.min}年から${YEAR_RANGE.max}年までの日付にしてください`],
          ...meta.cms,
        });
      if (meta.widget === 'image') return make(meta.widget, meta.cms);
      return make(meta.widget ?? 'string', { ...pattern, ...meta.cms });
    case 'number':
      return make('number', {
        value_type: field.integer ? 'int' : 'float',
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...meta.cms,
      });
    case 'boolean':
      return make('boolean', meta.cms);
    case 'enum':
      return make('select', { options: optionsOf(field, field.enumValues ?? []) });
    case 'object':
      return make('object', { collapsed: false, fields: (field.fields ?? []).map((f) => cmsField(f, i18n)) });
    case 'array': {
      const element = field.element;
      if (!element) throw new Error(`array field ${field.name} has no element`);
      const bounds = {
        ...(field.min ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
      };
      if (element.kind === 'enum')
        return make('select', { multiple: true, ...bounds, options: optionsOf(field, element.enumValues ?? []) });
      if (element.kind === 'object')
        return make('list', {
          ...bounds,
          collapsed: false,
          fields: (element.fields ?? []).map((f) => cmsField(f, i18n)),
        });
      // A list of single values: one input per item, each with the element's own checks.
      const item = cmsField({
        ...element,
        required: true,
        meta: { ...element.meta, label: element.meta.label ?? meta.label ?? field.name },
      });
      return make('list', { ...bounds, field: item });
    }
  }
}

export function cmsFields(type: ContentType, i18n = false): CmsField[] {
  const fields = describeFields(type.schema).map((field) => cmsField(field, i18n));
  if (type.body)
    fields.push({
      name: 'body',
      label: type.body.label,
      widget: 'markdown',
      required: type.body.required,
      // The same limit the build checks (src/lib/validation/validate.ts).
      pattern: [`^[\\s\\S]{0,${TEXT_LIMITS.body}}$`, `${TEXT_LIMITS.body}字以内で書いてください`],
      ...(type.body.hint ? { hint: type.body.hint } : {}),
      ...(i18n ? { i18n: true } : {}),
    });
  return fields;
}

function cmsCollection(type: ContentType): Record<string, unknown> {
  const common = {
    name: type.name,
    label: type.label,
    label_singular: type.labelSingular,
    description: type.description,
  };
  if (type.file) {
    // Site settings are one file, which Decap's i18n cannot split per language.
    return { ...common, files: [{ name: 'site', label: type.label, file: type.file, fields: cmsFields(type) }] };
  }
  return {
    ...common,
    folder: `content/${type.name}`,
    extension: 'md',
    format: 'frontmatter',
    create: true,
    // The id field is the file name: ASCII, chosen by the volunteer, never derived from kanji.
    slug: '{{fields.id}}',
    identifier_field: type.titleField,
    summary: `{{${type.titleField}}}`,
    // Entries are <id>.ja.md with translations beside them (see src/i18n/locales.ts).
    i18n: true,
    fields: cmsFields(type, true),
  };
}

export function buildCmsConfig(options: CmsOptions = {}): Record<string, unknown> {
  const locales = options.locales ?? CMS_TRANSLATION_LOCALES;
  const localBackendUrl = `http://localhost:${options.localBackendPort ?? 8081}/api/v1`;
  return {
    load_config_file: false,
    locale: 'ja',
    // On localhost Decap talks to decap-server and edits content/ in the working tree.
    local_backend: options.localBackendPort ? { url: localBackendUrl } : true,
    // The Git host from the site settings (src/lib/cms/backend.ts), with Japanese commit messages.
    backend: decapBackend(options.cms, localBackendUrl),
    // Approval before publishing: drafts wait on their own cms/<collection>/<slug> branch.
    publish_mode: publishMode(options.cms),
    // Uploads go to media/, outside public/: only pictures entries use are published, each
    // checked and re-encoded without metadata (src/lib/media/), still at /uploads/<file>.
    media_folder: MEDIA_FOLDER,
    public_folder: MEDIA_URL,
    site_url: '/',
    i18n: {
      structure: 'multiple_files',
      locales: [DEFAULT_CONTENT_LOCALE, ...locales],
      default_locale: DEFAULT_CONTENT_LOCALE,
    },
    collections: contentTypes.map(cmsCollection),
  };
}
