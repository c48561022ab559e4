/**
 * An entry as the CMS holds it while a volunteer types, made readable by the schema: Decap keeps
 * an emptied field as '' or null (an optional phone number, a cleared date), which the schema
 * would refuse where the saved file simply leaves the field out.
 */
export function cleanDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanDraft).filter((v) => v !== undefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const clean = cleanDraft(v);
      if (clean !== undefined) out[key] = clean;
    }
    return out;
  }
  return value === '' || value === null ? undefined : value;
}
