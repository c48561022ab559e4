/**
 * `npm run check`: validates every file under content/ without building the site.
 * Exit code 1 and one line per problem (file, field, value, fix) when anything is wrong.
 * Warnings (text that looks like a private person's data, src/lib/validation/privacy.ts) are
 * printed too, with the file and line, but do not fail the check: the build goes ahead with them;
 * so is what makes a やさしい日本語 translation hard to read (src/lib/easy-japanese/), with the
 * rule and what to write instead; and a translation whose original changed after it (Git).
 */
import { fieldsOf, validateContent } from '../src/lib/validation/validate.ts';
import { formatReport } from '../src/lib/validation/messages.ts';
import { formatWarnings } from '../src/lib/validation/warnings.ts';
import { easyJapaneseCache, easyJapaneseWarnings } from '../src/lib/easy-japanese/content.ts';
import { behindTranslations } from '../src/lib/content/staleness.ts';
import { contentTypeByName } from '../src/schemas/index.ts';

const root = process.cwd();
const { entries, translations, problems, warnings: found } = validateContent(root);
// Translations whose original changed after them (Git history: src/lib/content/staleness.ts).
const behind = behindTranslations(
  root,
  [...translations.values()].flat().map((t) => {
    const type = contentTypeByName.get(t.type);
    return {
      file: t.file,
      original: t.original,
      locale: t.locale,
      fields: type ? fieldsOf(type) : [],
      frontMatter: !type?.file,
    };
  }),
);
const warnings = [...found, ...behind, ...(await easyJapaneseWarnings(root, easyJapaneseCache(root)))];
if (warnings.length) console.warn(`${formatWarnings(warnings)}\n`);
if (problems.length) {
  console.error(formatReport(problems));
  process.exit(1);
}
const counts = [...entries].map(([name, list]) => `${name} ${list.length}`).join(', ');
console.log(`内容に問題はありません。 / Content is valid. (${counts})`);
