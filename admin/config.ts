/**
 * Builds Decap CMS's whole configuration from the content schemas in src/schemas/: every
 * widget, label, required flag, pattern, select list and relation comes from there, so the
 * CMS refuses the same input the build refuses and nothing is defined twice.
 */
import { t } from '../src/i18n/japanese.ts';
import { optionKey } from '../src/i18n/options.ts';
import { contentTypes, contentTypeByName } from '../src/schemas/index.ts';
import type { ContentType } from '../src/schemas/define.ts';
import { CMS_TRANSLATION_LOCALES, DEFAULT_CONTENT_LOCALE } from '../src/i18n/locales.ts';
import { translatableFields } from '../src/lib/content/translations.ts';
import { describeFields, type FieldInfo } from '../src/lib/schema/walk.ts';
import { MEDIA_FOLDER, MEDIA_URL } from '../src/lib/media/paths.ts';
import { TEXT_LIMITS } from '../src/schemas/fields.ts';
import { YEAR_PATTERN, YEAR_RANGE } from '../src/lib/dates.ts';
import { summaryMarker, translationsMarker, type MarkerLabels } from '../src/lib/cms/list-markers.ts';
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
 * Which fields a translation holds (Decap `i18n: true`): those the schema marks translatable
 * (FieldMeta.translatable, src/lib/content/translations.ts), and an object holding some. The
 * rest have no `i18n` (Decap's `none`): Decap writes them only into the Japanese file, so a
 * translator cannot change when or where, and the site takes them from the original.
 */
export function isTranslatable(field: FieldInfo): boolean {
  return translatableFields([field]).length > 0;
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

/**
 * A new entry's id is made when it is first saved (admin/cms-client.ts, src/lib/cms/ids.ts), so
 * the field a volunteer meets first no longer asks them to invent an ASCII name; whoever cares
 * can still type one, checked against the same pattern.
 */
const AUTOMATIC_ID_HINT =
  '空欄のままで大丈夫です。保存するときに日付から自動で付きます（例: 20261205-k3fq）。自分で決めるときは半角の小文字英字・数字・ハイフンで。一度決めたら変えないでください';

export function cmsFields(type: ContentType, i18n = false): CmsField[] {
  const fields = describeFields(type.schema).map((field) => {
    const cms = cmsField(field, i18n);
    return field.name === 'id' && !type.file ? { ...cms, required: false, hint: AUTOMATIC_ID_HINT } : cms;
  });
  if (type.body)
    fields.push({
      name: 'body',
      label: type.body.label,
      widget: 'markdown',
      required: type.body.required,
      // The preview shows pasted HTML as Decap sanitises it; the site never runs it either.
      sanitize_preview: true,
      // The same limit the build checks (src/lib/validation/validate.ts).
      pattern: [`^[\\s\\S]{0,${TEXT_LIMITS.body}}$`, `${TEXT_LIMITS.body}字以内で書いてください`],
      ...(type.body.hint ? { hint: type.body.hint } : {}),
      ...(i18n ? { i18n: true } : {}),
    });
  return fields;
}

/** Decap's date filter (dayjs) formats for the list date: a day, or a newsletter's month. */
const LIST_DAY = 'YYYY年M月D日';
const LIST_MONTH = 'YYYY年M月';
/** 全角スペース between the parts of a list line, as Japanese lists set them apart. */
const GAP = '\u3000';

/** What the list shows beside the title: where it is (status, district) comes from the schema. */
export interface ListParts {
  /** The field the list shows first and sorts by, newest first (ContentType.listDate). */
  date?: FieldInfo;
  /** A top-level choice named `status` (中止, お休み中, 募集終了 …): shown unless it is its default. */
  status?: FieldInfo;
  /** The first top-level reference to districts. */
  district?: FieldInfo;
}

export function listParts(type: ContentType): ListParts {
  const fields = describeFields(type.schema);
  const date = type.listDate ? fields.find((f) => f.name === type.listDate) : undefined;
  if (type.listDate && !date) throw new Error(`${type.name}: listDate '${type.listDate}' is not a field of its schema`);
  const status = fields.find((f) => f.name === 'status' && f.kind === 'enum');
  const district = fields.find((f) => f.meta.relation === 'districts');
  return { ...(date ? { date } : {}), ...(status ? { status } : {}), ...(district ? { district } : {}) };
}

/**
 * A collection's list: 「2026年12月5日 防災訓練【中止】 本町一丁目」, newest first where the type
 * has a date. Status and district are printed as markers the admin page turns into their
 * Japanese labels (src/lib/cms/list-markers.ts): Decap's templates cannot look a label up.
 */
function cmsList(type: ContentType): Record<string, unknown> {
  const { date, status, district } = listParts(type);
  const dateFormat = date?.meta.cms?.['format'] === undefined && date?.pattern ? LIST_MONTH : LIST_DAY;
  const summary = [
    date ? `{{${date.name} | date('${dateFormat}')}}${GAP}` : '',
    `{{${type.titleField}}}`,
    status ? summaryMarker('status') : '',
    district
      ? `${GAP}${summaryMarker(district.name, district.kind === 'array' ? `${district.name}.0` : district.name)}`
      : '',
    // The languages it is translated into (admin/page-data.ts), so a list shows what each lacks.
    translatableFields(describeFields(type.schema)).length ? translationsMarker(type.name) : '',
  ].join('');
  const title = {
    field: type.titleField,
    label: describeFields(type.schema).find((f) => f.name === type.titleField)?.meta.label ?? type.titleField,
  };
  return {
    summary,
    sortable_fields: date
      ? [{ field: date.name, label: date.meta.label ?? date.name, default_sort: 'desc' }, title]
      : [{ ...title, default_sort: 'asc' }],
    // 中止だけ、延期だけ …: every status but the ordinary one (its default).
    ...(status
      ? {
          view_filters: (status.enumValues ?? [])
            .filter((value) => value !== status.default)
            .map((value) => ({ label: statusLabel(status, value), field: status.name, pattern: `^${value}$` })),
        }
      : {}),
  };
}

// The label the field's select list shows for the value.
const statusLabel = (field: FieldInfo, value: string) => optionsOf(field, [value])[0]?.label ?? value;

/**
 * What the list markers read as (src/lib/cms/list-markers.ts): 【中止】 for a status, a district's
 * name for its id. The ordinary status (the schema's default) shows nothing, as on the site.
 * @param districtNames district id → its name, from the content the page was built with.
 */
export function listMarkerLabels(districtNames: ReadonlyMap<string, string>): MarkerLabels {
  const labels: MarkerLabels = {};
  for (const type of contentTypes) {
    const { status, district } = listParts(type);
    if (status)
      labels['status'] = {
        ...labels['status'],
        ...Object.fromEntries(
          (status.enumValues ?? []).map((v) => [v, v === status.default ? '' : `【${statusLabel(status, v)}】`]),
        ),
      };
    if (district) labels[district.name] = Object.fromEntries(districtNames);
  }
  return labels;
}

function cmsCollection(type: ContentType): Record<string, unknown> {
  const common = {
    name: type.name,
    label: type.label,
    label_singular: type.labelSingular,
    description: type.description,
  };
  if (type.file) {
    // Site settings are one file, which Decap's i18n cannot split per language (file collections
    // know only single_file): their translations, site.<locale>.yml, are written as files.
    return { ...common, files: [{ name: 'site', label: type.label, file: type.file, fields: cmsFields(type) }] };
  }
  return {
    ...common,
    folder: `content/${type.name}`,
    extension: 'md',
    format: 'frontmatter',
    create: true,
    // The id field is the file name: ASCII, never derived from kanji; filled in on the first
    // save when the volunteer leaves it empty (admin/cms-client.ts).
    slug: '{{fields.id}}',
    identifier_field: type.titleField,
    ...cmsList(type),
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
