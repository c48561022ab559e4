/**
 * The flyer step's rule, run with every validation (npm run check, the build, npm start): every
 * text a flyer prints must be drawable by the flyer fonts (glyphs.ts). Without it check passed a
 * title that `node scripts/flyers.ts` then refused, after the pages were built.
 *
 * Each flyer's model is built as the flyer script builds it, so what is checked is what is
 * printed (a place's name, the site's name …); a word that cannot be printed is traced back to
 * the file and field it came from.
 */
import { t } from '../i18n/index.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { describeFields, fieldAt } from '../lib/schema/walk.ts';
import { fieldPath, type ContentProblem } from '../lib/validation/messages.ts';
import type { ValidEntry } from '../lib/validation/validate.ts';
import { contentTypes } from '../schemas/index.ts';
import { codePoints, printableText, unprintable } from './glyphs.ts';
import { buildFlyerModel, type FlyerModel } from './model.ts';
import { FLYER_COLLECTIONS } from './paths.ts';

/** Every text a flyer model prints. */
function printedTexts(model: FlyerModel): string[] {
  return [
    model.headline,
    model.title,
    model.catchCopy,
    ...model.points,
    model.when ?? '',
    ...model.nextDates,
    ...model.facts.flatMap((f) => [f.label, f.value, f.note ?? '']),
    model.stamp ?? '',
    model.statusNote ?? '',
    model.siteName,
    model.publisher,
    ...Object.values(model.labels),
  ];
}

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

export function flyerTextProblems(entries: Map<string, ValidEntry[]>, today = todayInJapan()): ContentProblem[] {
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
  for (const collection of FLYER_COLLECTIONS) {
    for (const entry of entries.get(collection) ?? []) {
      const model = buildFlyerModel(
        { collection, id: entry.id, data: entry.parsed, body: entry.body },
        { lookup, site, today, t },
      );
      for (const word of printedTexts(model).flatMap(unprintable)) {
        const where = sourceOf(word, [entry, ...(settings ? [settings] : []), ...named]) ?? { file: entry.file };
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
  }
  return [...problems.values()];
}
