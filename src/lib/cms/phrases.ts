/** Decap's phrase trees (decap-cms-locales' nested objects): merging ours over its own, and what is missing. */
export type Phrases = { [key: string]: string | Phrases };

/** `base` with `extra` laid over it, branch by branch. */
export function mergePhrases(base: Phrases, extra: Phrases): Phrases {
  const merged: Phrases = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const under = merged[key];
    merged[key] = typeof value === 'object' && typeof under === 'object' ? mergePhrases(under, value) : value;
  }
  return merged;
}

/** Dotted paths of the phrases in `phrases` for which `other` has none. */
export function missingPhrases(phrases: Phrases, other: Phrases, prefix = ''): string[] {
  return Object.entries(phrases).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const there = other[key];
    if (typeof value === 'object') return missingPhrases(value, typeof there === 'object' ? there : {}, path);
    return typeof there === 'string' ? [] : [path];
  });
}
