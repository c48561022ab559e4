/**
 * The readings of a ふりがな flyer, from the site's own ふりがな (src/lib/furigana/): the same
 * analyser (kuromoji's IPADIC), the project's corrections and the site's readings (settings
 * `furigana` and the districts' よみがな) as the pages, so a word reads the same on the page
 * and on paper. Made in the flyer step's thread for the flyers that render (the dictionary,
 * ~1.3 s of CPU, is loaded once per process and only when one does), and carried to the
 * worker in the model.
 */
import { createFurigana, type Furigana } from '../lib/furigana/index.ts';
import type { Override } from '../lib/furigana/segments.ts';
import { loadTokenizer, onAnalysersReleased } from '../lib/furigana/tokenizer.ts';
import { rubyTexts } from './layout/sheet.ts';
import type { FlyerModel } from './model.ts';
import type { FlyerReadings } from './ruby.ts';

let shared: { key: string; furigana: Promise<Furigana> } | undefined;
// Let go when the build's flyers have all their readings (src/integrations/flyers.ts).
onAnalysersReleased('flyers', () => (shared = undefined));

/** The model with the readings of every text it sets in lines (layout/sheet.ts rubyTexts). */
export async function withReadings(model: FlyerModel, overrides: readonly Override[]): Promise<FlyerModel> {
  const key = JSON.stringify(overrides);
  if (shared?.key !== key)
    shared = { key, furigana: loadTokenizer().then((tokenize) => createFurigana(tokenize, overrides)) };
  const furigana = await shared.furigana;
  const readings: FlyerReadings = {};
  for (const text of rubyTexts(model)) {
    const segments = furigana.segments(text);
    // Surfaces always add up to the text; if the analyser ever dropped a character, print it without readings.
    if (segments.some((s) => s.reading) && segments.map((s) => s.text).join('') === text) readings[text] = segments;
  }
  return { ...model, furigana: readings };
}
