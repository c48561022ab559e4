/**
 * Commit messages that name the entry by its title. Decap's templates
 * (src/lib/cms/backend.ts COMMIT_MESSAGES) can name an entry only by its file name, the ID
 * (`{{slug}}`: Decap 3.16.3 drops any other variable), and a made-up ID such as 20261205-k3fq
 * tells staff reading the history nothing. The admin page (admin/cms-client.ts) passes each
 * save's message through here with the file about to be committed, and npm start's backend does
 * the same for its publish merges: 活動報告「20261205-k3fq」を更新 becomes
 * 活動報告「ひだまりサロン 12月のようす」（20261205-k3fq）を更新.
 */
import { parseContentFile } from '../content/parse.ts';

/** Long enough to recognise the entry in `git log --oneline`, short enough to stay one line. */
const MAX_TITLE = 60;

/** The entry's title from its file (Markdown with front matter, or a YAML data file); undefined when it has none. */
export function entryTitle(raw: string, titleField: string): string | undefined {
  let data: unknown;
  try {
    // Read as the build reads it (YAML 1.2 core, no aliases); a file without front matter is YAML data.
    data = parseContentFile('', raw, raw.startsWith('---')).data;
  } catch {
    return undefined; // The build will say what is wrong with the file; the message keeps the ID.
  }
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[titleField] : undefined;
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title || undefined;
}

/** `message` with 「<slug>」 replaced by 「<title>」（<slug>）; unchanged when the title is unknown or is the slug. */
export function titledCommitMessage(message: string, slug: string, raw: string, titleField: string): string {
  const title = entryTitle(raw, titleField);
  const named = `「${slug}」`;
  if (!title || title === slug || !message.includes(named)) return message;
  return message.replace(named, `「${title}」（${slug}）`);
}
