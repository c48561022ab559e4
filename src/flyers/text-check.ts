/**
 * The flyer step's rule, run with every validation (npm run check, the build, npm start): every
 * text a flyer prints must be drawable by the flyer fonts (glyphs.ts). Without it check passed a
 * title that `node scripts/flyers.ts` then refused, after the pages were built.
 *
 * Each flyer's model is built as the flyer script builds it, so what is checked is what is
 * printed (a place's name, the site's name …); a word that cannot be printed is traced back to
 * the file and field it came from.
 */
import { useTranslations } from '../i18n/index.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { describeFields, fieldAt } from '../lib/schema/walk.ts';
import { fieldPath, type ContentProblem } from '../lib/validation/messages.ts';
import type { ValidEntry } from '../lib/validation/validate.ts';
import { contentTypes } from '../schemas/index.ts';
import { codePoints, printableText, unprintable } from './glyphs.ts';
import { flyerSources, siteFor, type FlyerTranslation } from './content.ts';
import { buildFlyerModel, flyerFontFamilies, printedTexts } from './model.ts';

function* strings(data: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (typeof data === 'string') yield [path, data];
  else if (Array.isArray(data)) for (const [i, item] of data.entries()) yield* strings(item, [...path, i]);
  else if (data && typeof data === 'object')
    for (const [key, value] of Object.entries(data)) yield* strings(value, [...path, key]);
}

/** The file and field a printed word was written in: the entry itself first, then what it names. */
function sourceOf(word: string, candidates: ValidEntry[]): Omit<ContentProblem, 'message'> | undefined {
  for (const entry of candidates) {
    const type = contentTypes.find((c) => c.name === entry.type);
    if (!type) continue;
    for (const [path, text] of strings(entry.parsed)) {
      if (!printableText(text).includes(word)) continue;
      const label = fieldAt(describeFields(type.schema), path)?.meta.label;
      return { file: entry.file, field: fieldPath(path), ...(label ? { label } : {}), value: text };
    }
    if (printableText(entry.body).includes(word))
      return { file: entry.file, field: 'body', ...(type.body ? { label: type.body.label } : {}) };
  }
  return undefined;
}

/** Characters none of the fonts has, or the whole word if it is their combination that fails. */
const namedCodes = (word: string) => {
  const chars = [...word];
  return codePoints((chars.length > 5 ? chars.slice(0, 5) : chars).join('')) + (chars.length > 5 ? ' …' : '');
};

/**
 * Words the flyers cannot print, with the file and field they came from. Each flyer is checked
 * with the fonts it is set in (its language's and those its texts call for: fonts.ts), so
 * Vietnamese, Chinese, Korean and Nepali pass and only what no font has is refused. A
 * translation (`translations`, as the loader merges them) is checked in its language, its
 * words traced to its own file.
 */
export function flyerTextProblems(
  entries: Map<string, ValidEntry[]>,
  today = todayInJapan(),
  translations: readonly FlyerTranslation[] = [],
): ContentProblem[] {
  const lookup = new Map<string, Record<string, unknown>>();
  for (const [collection, list] of entries) for (const e of list) lookup.set(`${collection}/${e.id}`, e.parsed);
  const settings = entries.get('settings')?.[0];
  const site = (settings?.parsed as { url: string; siteName: string; publisher: string } | undefined) ?? {
    url: 'https://example.invalid/',
    siteName: '',
    publisher: '',
  };
  // What a flyer can name besides its own entry: places, organizations, districts, the site.
  const named = ['places', 'organizations', 'districts'].flatMap((c) => entries.get(c) ?? []);
  const problems = new Map<string, ContentProblem>();
  for (const { collection, entry, locale, data, body, file, site: translated } of flyerSources(entries, translations)) {
    const model = buildFlyerModel(
      { collection, id: entry.id, data, body },
      { lookup, site: siteFor(site, translated), today, t: useTranslations(locale ?? 'ja') },
    );
    const families = flyerFontFamilies(model);
    // A translation's words are traced to its own file and its merged data first.
    const own: ValidEntry = locale ? { ...entry, parsed: data, body, file } : entry;
    for (const word of printedTexts(model).flatMap((text) => unprintable(text, families))) {
      const where = sourceOf(word, [own, ...(settings ? [settings] : []), ...named]) ?? { file };
      const key = `${where.file}\0${where.field ?? ''}\0${word}`;
      if (problems.has(key)) continue;
      problems.set(key, {
        ...where,
        message: {
          ja: `チラシのフォントにない文字があります（「${word}」${namedCodes(word)}）。チラシに印刷できないので、ほかの字に置き換えるか消してください`,
          en: `the flyer fonts cannot draw "${word}" (${namedCodes(word)}); replace or remove it`,
        },
      });
    }
  }
  return [...problems.values()];
}
