/**
 * `npm run check`: validates every file under content/ without building the site.
 * Exit code 1 and one line per problem (file, field, value, fix) when anything is wrong.
 */
import { validateContent } from '../src/lib/validation/validate.ts';
import { formatReport } from '../src/lib/validation/messages.ts';

const root = process.cwd();
const { entries, problems } = validateContent(root);
if (problems.length) {
  console.error(formatReport(problems));
  process.exit(1);
}
const counts = [...entries].map(([name, list]) => `${name} ${list.length}`).join(', ');
console.log(`内容に問題はありません。 / Content is valid. (${counts})`);
