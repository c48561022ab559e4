/**
 * Writes an entry the way Decap CMS writes it (YAML front matter, top-level keys in the CMS
 * field order, plain scalars, 80-column folding), so that files written by hand or by scripts
 * are byte-identical to what the CMS would save and a volunteer's edit changes only the lines
 * they touched.
 */
import YAML from 'yaml';

export function serializeData(data: Record<string, unknown>, fieldOrder: readonly string[]): string {
  const rank = (key: string) => {
    const i = fieldOrder.indexOf(key);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const ordered = Object.fromEntries(
    Object.entries(data)
      // Decap leaves empty optional fields out of the files it creates.
      .filter(([, value]) => value !== null && value !== undefined)
      .sort(([a], [b]) => rank(a) - rank(b)),
  );
  return new YAML.Document(ordered).toString();
}

export function serializeEntry(data: Record<string, unknown>, body: string, fieldOrder: readonly string[]): string {
  const text = body === '' || body.endsWith('\n') ? body : `${body}\n`;
  return `---\n${serializeData(data, fieldOrder)}---\n${text}`;
}
