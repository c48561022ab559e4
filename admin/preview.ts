/**
 * The preview beside the CMS form, laid out as the entry's page on the site: its title, the
 * 中止・延期 notice, the summary, the facts table from the entry's kind (the same code and
 * dictionary as src/pages/[collection]/[id].astro, so 「誰でも」, never `everyone`), the body as
 * Decap renders Markdown, and for flyer types the flyer. Everything a volunteer typed is passed
 * to React as text, never as HTML; the body goes through Decap's own sanitised Markdown preview.
 */
import { t } from '../src/i18n/japanese.ts';
import { factsFor } from '../src/kinds/index.ts';
import type { Fact, Link } from '../src/lib/facts.ts';
import { contentTypeByName } from '../src/schemas/index.ts';
import { flyerPaths, FLYER_SIZES, isFlyerCollection } from '../src/flyers/paths.ts';
import { statusNotice } from '../src/lib/status-notice.ts';
import { togetherPieces } from '../src/lib/together.ts';
import { todayInJapan } from '../src/lib/recurrence.ts';
import { cleanDraft } from '../src/lib/cms/draft.ts';
import type { LookupEntry } from '../src/lib/entries.ts';
import { checkDraft } from '../src/lib/easy-japanese/draft.ts';
import { describeFinding } from '../src/lib/easy-japanese/messages.ts';
import type { DecapWindow, H, PreviewProps, ImmutableLike } from './decap-api.ts';
import { CMS_TRANSLATION_LOCALES, LOCALES } from '../src/i18n/locales.ts';
import { translatableFields } from '../src/lib/content/translations.ts';
import { describeFields } from '../src/lib/schema/walk.ts';

type Data = Record<string, unknown>;
interface CmsFieldConfig {
  name: string;
  label?: string;
  widget?: string;
  options?: { label: string; value: string }[];
  collection?: string;
}

/**
 * The facts the page would list. A draft the schema refuses (a required field still empty) is
 * still shown: the kind reads what is there (factsFor leaves out what has no words yet), and if
 * it cannot, each filled-in choice and reference is listed by its label instead of a blank pane.
 */
export function previewFacts(
  collection: string,
  data: Data,
  fields: CmsFieldConfig[],
  lookup: ReadonlyMap<string, LookupEntry>,
): { facts: Fact[]; complete: boolean } {
  const type = contentTypeByName.get(collection);
  // The body is Decap's field beside the front matter, which the schema does not know.
  const frontMatter = { ...data };
  delete frontMatter['body'];
  const parsed = type?.schema.safeParse(frontMatter);
  try {
    const facts = factsFor(collection, parsed?.success ? parsed.data : frontMatter, lookup, t, todayInJapan());
    return { facts, complete: parsed?.success === true };
  } catch {
    return { facts: fieldFacts(data, fields, lookup), complete: false };
  }
}

/** Shown as the page's heading or paragraphs, or not at all: not repeated in the table. */
const NOT_FACTS = new Set([
  'id',
  'title',
  'name',
  'summary',
  'description',
  'body',
  'status',
  'statusNote',
  'image',
  'flyer',
]);

function fieldFacts(data: Data, fields: CmsFieldConfig[], lookup: ReadonlyMap<string, LookupEntry>): Fact[] {
  const facts: Fact[] = [];
  for (const field of fields) {
    const value = data[field.name];
    if (NOT_FACTS.has(field.name) || value === undefined || (typeof value === 'object' && !Array.isArray(value)))
      continue;
    const one = (v: unknown): Link => {
      const text = String(v);
      if (field.collection) return { text: lookup.get(`${field.collection}/${text}`)?.title ?? text };
      return { text: field.options?.find((o) => o.value === text)?.label ?? text };
    };
    const values = (Array.isArray(value) ? value : [value]).filter((v) => typeof v !== 'object').map(one);
    if (values.length) facts.push({ label: field.label ?? field.name, values });
  }
  return facts;
}

/** The facts table as FactList.astro writes it (<dl>, links, <time>, unbroken time ranges). */
function factList(h: H, facts: Fact[]) {
  const value = (v: Link) => {
    const text = togetherPieces(v.text).map((p, i) =>
      p.together ? h('span', { className: 'together', key: i }, p.text) : p.text,
    );
    if (v.href) return h('a', { href: v.href, target: '_blank', rel: 'noopener' }, ...text);
    if (v.datetime) return h('time', { dateTime: v.datetime }, ...text);
    return text;
  };
  return h(
    'dl',
    { className: 'facts' },
    ...facts.map((fact, i) =>
      h(
        'div',
        { key: i },
        h('dt', null, fact.label),
        h('dd', null, ...fact.values.flatMap((v, j) => (j > 0 ? ['、', value(v)] : [value(v)]))),
      ),
    ),
  );
}

/**
 * The flyer box: flyers are drawn when the site is built, not in the browser, so the preview
 * shows the flyer now published for this entry if there is one, and says when it will change.
 */
function flyerBox(w: DecapWindow, collection: string) {
  const h = w.h;
  return w.createClass({
    getInitialState: () => ({ missing: false }),
    render(this: { props: { id: string; title: string }; state: { missing: boolean }; setState: (s: object) => void }) {
      const { id, title } = this.props;
      const showImage = id !== '' && !this.state.missing;
      return h(
        'aside',
        { className: 'flyer', 'aria-labelledby': 'flyer-heading' },
        h('h2', { id: 'flyer-heading' }, t('flyer.heading')),
        h('p', null, showImage ? t('admin.preview.flyerPublished') : t('admin.preview.flyerLater')),
        showImage
          ? h('img', {
              key: id,
              src: flyerPaths(collection, id).png,
              alt: t('flyer.previewAlt', { title }),
              width: FLYER_SIZES.png.width,
              height: FLYER_SIZES.png.height,
              onError: () => this.setState({ missing: true }),
            })
          : null,
      );
    },
  });
}

/** The やさしい日本語 translation's draft of an entry, when the CMS edits one (Decap i18n). */
export function easyDraft(entry: ImmutableLike): Record<string, unknown> | undefined {
  const i18n = (entry.get('i18n') as ImmutableLike | undefined)?.toJS() as
    Record<string, { data?: Record<string, unknown> }> | undefined;
  return i18n?.['ja-easy']?.data;
}

/**
 * What makes the やさしい日本語 translation hard, as the volunteer types: the checks that run in
 * the browser (src/lib/easy-japanese/draft.ts, 4 kB gzipped); check and the build run them all.
 */
function easyCheck(h: H, data: Record<string, unknown>, labelOf: (field: string) => string) {
  const findings = checkDraft(data);
  return h(
    'section',
    { className: 'easy-check', 'aria-labelledby': 'easy-heading' },
    h('h2', { id: 'easy-heading' }, t('admin.preview.easyHeading')),
    h(
      'p',
      { role: 'status' },
      findings.length ? t('admin.preview.easyFound', { count: findings.length }) : t('admin.preview.easyNone'),
    ),
    findings.length
      ? h('ul', null, ...findings.map((f, i) => h('li', { key: i }, `${labelOf(f.field)}: ${describeFinding(f)}`)))
      : null,
    h('p', { className: 'note' }, t('admin.preview.easyPartial')),
  );
}

/** Which languages the entry is published in and which it lacks (admin/page-data.ts languages). */
function translationsNote(h: H, have: readonly string[]) {
  const name = (code: string) => LOCALES.find((l) => l.code === code)?.name ?? code;
  const missing = CMS_TRANSLATION_LOCALES.filter((code) => !have.includes(code));
  return h(
    'section',
    { className: 'translations', 'aria-labelledby': 'translations-heading' },
    h('h2', { id: 'translations-heading' }, t('admin.preview.translationsHeading')),
    have.length ? h('p', null, t('admin.preview.translated', { names: have.map(name).join('、') })) : null,
    missing.length ? h('p', null, t('admin.preview.untranslated', { names: missing.map(name).join('、') })) : null,
    h('p', { className: 'note' }, t('admin.preview.translateHow')),
  );
}

export function registerPreviews(
  w: DecapWindow,
  lookup: ReadonlyMap<string, LookupEntry>,
  collections: string[],
  languages: Record<string, string[]> = {},
): void {
  const h = w.h;
  for (const collection of collections) {
    const type = contentTypeByName.get(collection);
    if (!type || type.file) continue;
    const Flyer = isFlyerCollection(collection) ? flyerBox(w, collection) : undefined;
    const Preview = ({ entry, collection: config, widgetFor }: PreviewProps) => {
      const data = (cleanDraft((entry.get('data') as { toJS(): unknown } | undefined)?.toJS()) ?? {}) as Data;
      const fields = ((config.get('fields') as { toJS(): unknown } | undefined)?.toJS() ?? []) as CmsFieldConfig[];
      const title = String(data[type.titleField] ?? '');
      const { facts, complete } = previewFacts(collection, data, fields, lookup);
      const notice = statusNotice(data['status'], data['statusNote'], t);
      const summary = data['summary'] ?? data['description'];
      const easy = easyDraft(entry);
      const labelOf = (field: string) =>
        field === 'body' ? (type.body?.label ?? field) : (fields.find((f) => f.name === field)?.label ?? field);
      return h(
        'main',
        { className: 'wrap entry-preview', lang: 'ja' },
        h(
          'article',
          null,
          h('h1', null, title),
          notice
            ? h(
                'div',
                { className: 'banner', role: 'note' },
                h('p', { className: 'headline' }, notice.headline),
                notice.note ? h('p', null, notice.note) : null,
              )
            : null,
          typeof summary === 'string' ? h('p', { className: 'summary' }, summary) : null,
          complete ? null : h('p', { className: 'incomplete', role: 'status' }, t('admin.preview.incomplete')),
          factList(h, facts),
          type.body ? h('div', { className: 'body' }, widgetFor('body')) : null,
          Flyer ? h(Flyer, { id: typeof data['id'] === 'string' ? data['id'] : '', title }) : null,
        ),
        easy ? easyCheck(h, easy, labelOf) : null,
        translatableFields(describeFields(type.schema)).length
          ? translationsNote(h, languages[`${collection}/${String(data['id'] ?? '')}`] ?? [])
          : null,
      );
    };
    w.CMS.registerPreviewTemplate(collection, Preview);
  }
}
