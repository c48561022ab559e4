/**
 * Builds Decap CMS's whole configuration from the content schemas in src/schemas/: every
 * widget, label, required flag, pattern, select list and relation comes from there, so the
 * CMS refuses the same input the build refuses and nothing is defined twice.
 */
import { t } from '../src/i18n/index.ts';
import type { UIKey } from '../src/i18n/ja.ts';
import { contentTypes, contentTypeByName } from '../src/schemas/index.ts';
import type { ContentType } from '../src/schemas/define.ts';
import { describeFields, type FieldInfo } from '../src/lib/schema/walk.ts';

export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };

export interface CmsOptions {
  /** Production Git backend; the local decap-server is used on localhost whatever this says. */
  backend?: Record<string, unknown>;
  /** Translations to edit beside Japanese (Decap i18n, one file per locale). */
  locales?: string[];
  /** Port of the local decap-server (npm start runs it on 8081). */
  localBackendPort?: number;
}

const optionsOf = (field: FieldInfo, values: string[]) =>
  values.map((value) => ({ label: field.meta.options ? t(`${field.meta.options}.${value}` as UIKey) : value, value }));

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

/** Translates one described schema field into a Decap field. */
export function cmsField(field: FieldInfo): CmsField {
  const { meta } = field;
  const base: Record<string, unknown> = { name: field.name, label: meta.label ?? field.name, required: field.required };
  if (meta.hint) base['hint'] = meta.hint;
  if (field.default !== undefined) base['default'] = field.default;
  const pattern =
    field.pattern && meta.format
      ? { pattern: [field.pattern.source, meta.format.ja] }
      : field.kind === 'string' && field.max !== undefined
        ? // Decap has no maxlength; a pattern makes it refuse what the schema's .max() refuses.
          { pattern: [`^[\\s\\S]{0,${field.max}}$`, `${field.max}字以内で書いてください`] }
        : {};

  if (meta.relation) {
    return { ...base, ...relationWidget(field, meta.relation, field.kind === 'array') } as CmsField;
  }
  switch (field.kind) {
    case 'string':
      if (meta.widget === 'datetime' || meta.widget === 'image') return { ...base, widget: meta.widget, ...meta.cms } as CmsField;
      return { ...base, widget: meta.widget ?? 'string', ...pattern, ...meta.cms } as CmsField;
    case 'number':
      return {
        ...base,
        widget: 'number',
        value_type: field.integer ? 'int' : 'float',
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...meta.cms,
      } as CmsField;
    case 'boolean':
      return { ...base, widget: 'boolean', ...meta.cms } as CmsField;
    case 'enum':
      return { ...base, widget: 'select', options: optionsOf(field, field.enumValues ?? []) } as CmsField;
    case 'object':
      return { ...base, widget: 'object', collapsed: false, fields: (field.fields ?? []).map(cmsField) } as CmsField;
    case 'array': {
      const element = field.element;
      if (!element) throw new Error(`array field ${field.name} has no element`);
      const bounds = { ...(field.min ? { min: field.min } : {}), ...(field.max !== undefined ? { max: field.max } : {}) };
      if (element.kind === 'enum')
        return { ...base, widget: 'select', multiple: true, ...bounds, options: optionsOf(field, element.enumValues ?? []) } as CmsField;
      if (element.kind === 'object')
        return { ...base, widget: 'list', ...bounds, collapsed: false, fields: (element.fields ?? []).map(cmsField) } as CmsField;
      // A list of single values: one input per item, each with the element's own checks.
      const item = cmsField({ ...element, required: true, meta: { ...element.meta, label: element.meta.label ?? base['label'] as string } });
      return { ...base, widget: 'list', ...bounds, field: item } as CmsField;
    }
  }
}

export function cmsFields(type: ContentType): CmsField[] {
  const fields = describeFields(type.schema).map(cmsField);
  if (type.body) fields.push({ name: 'body', label: type.body.label, widget: 'markdown', required: type.body.required, ...(type.body.hint ? { hint: type.body.hint } : {}) });
  return fields;
}

function cmsCollection(type: ContentType, i18n: boolean): Record<string, unknown> {
  const common = { name: type.name, label: type.label, label_singular: type.labelSingular, description: type.description };
  if (type.file) {
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
    ...(i18n ? { i18n: true } : {}),
    fields: cmsFields(type),
  };
}

export function buildCmsConfig(options: CmsOptions = {}): Record<string, unknown> {
  const locales = options.locales ?? [];
  const i18n = locales.length > 0;
  return {
    load_config_file: false,
    locale: 'ja',
    // On localhost Decap talks to decap-server and edits content/ in the working tree.
    local_backend: options.localBackendPort ? { url: `http://localhost:${options.localBackendPort}/api/v1` } : true,
    backend: options.backend ?? { name: 'git-gateway', branch: 'main' },
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    site_url: '/',
    ...(i18n ? { i18n: { structure: 'multiple_files', locales: ['ja', ...locales], default_locale: 'ja' } } : {}),
    collections: contentTypes.map((type) => cmsCollection(type, i18n)),
  };
}
