/**
 * `npm run format:content` rewrites every file under content/ exactly as Decap CMS would save
 * it; `--check` only lists the files that differ (and fails), for tests and CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentTypes } from '../src/schemas/index.ts';
import { YamlSyntaxError, readContentFile, scanCollection } from '../src/lib/content/files.ts';
import { serializeData, serializeEntry } from '../src/lib/content/serialize.ts';
import { describeFields } from '../src/lib/schema/walk.ts';

const root = process.cwd();
const check = process.argv.includes('--check');
const differing: string[] = [];
const unreadable: string[] = [];
for (const type of contentTypes) {
  const order = describeFields(type.schema).map((f) => f.name);
  for (const file of scanCollection(root, type).entries) {
    let entry;
    try {
      entry = readContentFile(root, type, file);
    } catch (error) {
      // Unreadable YAML (or an alias) cannot be rewritten; npm run check says what to fix.
      if (!(error instanceof YamlSyntaxError)) throw error;
      unreadable.push(file);
      continue;
    }
    const data = entry.data as Record<string, unknown>;
    const formatted = type.file ? serializeData(data, order) : serializeEntry(data, entry.body, order);
    if (formatted === readFileSync(join(root, file), 'utf8')) continue;
    differing.push(file);
    if (!check) writeFileSync(join(root, file), formatted);
  }
}
if (unreadable.length) {
  console.error(
    `YAMLとして読めないため書き直せないファイルがあります。npm run check で直し方を確かめてください。 / Not rewritten, the YAML cannot be read (npm run check says why):\n${unreadable.join('\n')}`,
  );
  process.exitCode = 1;
}
if (check && differing.length) {
  console.error(
    `CMSの保存形式と違うファイルがあります。npm run format:content で直せます。 / Not in the CMS's format (run npm run format:content):\n${differing.join('\n')}`,
  );
  process.exit(1);
}
console.log(
  check ? 'All content files are in the CMS format.' : `${differing.length} file(s) rewritten in the CMS format.`,
);
