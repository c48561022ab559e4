/**
 * Which flyers need rendering. A flyer's key hashes everything its three files are made from:
 * the model (entry data after defaults, resolved place names, next salon dates, site URL), the
 * photo's bytes, the fonts and the renderer's version. Unchanged key and files present = skip.
 */
import { createHash } from 'node:crypto';
import type { FlyerModel } from './model.ts';

/** Bump when templates or rendering change in a way the model does not show. */
export const FLYER_CODE_VERSION = '16';

export interface CacheInputs {
  model: FlyerModel;
  fontsHash: string;
  /** Hash of the photo file, if any: replacing the photo under the same name must re-render. */
  photoHash?: string;
  codeVersion?: string;
  /**
   * A ふりがな flyer's readings key (src/lib/furigana/store.ts readingsKey: the site's own
   * readings, the dictionary's version and the code that reads): a changed reading re-renders
   * it. The readings themselves are made only for flyers that render.
   */
  readings?: string;
}

/** Stable JSON: object keys sorted, so the key does not depend on property order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function cacheKey({
  model,
  fontsHash,
  photoHash,
  codeVersion = FLYER_CODE_VERSION,
  readings,
}: CacheInputs): string {
  // Without readings the key is what it was before ふりがな flyers: no flyer renders again for them.
  return createHash('sha256')
    .update(stable({ model, fontsHash, photoHash: photoHash ?? null, codeVersion, ...(readings ? { readings } : {}) }))
    .digest('hex');
}
