/**
 * Newsletter PDFs under `npm start`: an issue's page links its colour, 白黒 and 大きな文字 PDFs
 * (and a draft's page its own), which only a build makes. Here a request for
 * `/newsletters/<id>.pdf`, `<id>-bw.pdf`, `<id>-large.pdf` (or the same under
 * `/newsletters/draft/`) runs the build's newsletter step (src/flyers/newsletter/build.ts) for
 * that one PDF on the content as saved — validated again, as the build would — through its
 * cache (.cache/newsletters/), so the next build reuses it; served as flyers are (print-dev.ts).
 * A newsletter compiles every collection, so any content the build would refuse refuses it.
 * One worker process is kept warm for the dev server's life: its start and fonts cost ~1 s.
 */
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { makeNewsletterPdfs } from '../flyers/newsletter/build.ts';
import { createNewsletterPool, type NewsletterPool } from '../flyers/newsletter/pool.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent } from '../lib/validation/validate.ts';
import { devPrintPlugin, oneRunPerKey, type DevPrint } from './print-dev.ts';

const NEWSLETTER_URL = /^(\/newsletters\/(?:draft\/)?[\w-]+\.pdf)(?:[?#].*)?$/;

/** Makes one newsletter PDF, by its address, from the content as it is now. */
export function devNewsletterMaker(root: string, log: (line: string) => void) {
  // Where the step places its copies (hard links to the cache's files), and what is served.
  const outDir = join(root, '.cache', 'newsletters-dev');
  let pool: NewsletterPool | undefined;
  const once = oneRunPerKey<DevPrint>();

  async function make(path: string): Promise<DevPrint> {
    const { entries, problems } = validateContent(root);
    if (problems.length) return { status: 422, message: formatReport(problems) };
    pool ??= createNewsletterPool(root, 1);
    try {
      const result = await makeNewsletterPdfs(entries, {
        root,
        outDir,
        // As the build and the draft pages: next month's drafts from today in Japan.
        today: todayInJapan(),
        only: path,
        pool,
        log,
        warn: log,
      });
      if (result.failures.length) return { status: 500, message: result.failures.join('\n') };
      if (!result.total) return { status: 404, message: `だよりのPDFがありません / no newsletter PDF: ${path}` };
      return { file: join(outDir, path.slice(1)) };
    } catch (error) {
      // A worker that crashed is not used again: the next request starts a new one.
      await pool?.close();
      pool = undefined;
      throw error;
    }
  }

  return {
    /** `path`: the PDF's address, `/newsletters/<id>-bw.pdf`. */
    get: (path: string): Promise<DevPrint> => once(path, () => make(path)),
    async close() {
      await pool?.close();
      pool = undefined;
    },
  };
}

export function devNewsletters(root: string, logger: AstroIntegrationLogger): Plugin {
  const maker = devNewsletterMaker(root, (line) => logger.info(line));
  return devPrintPlugin(
    {
      name: 'tsunagari:newsletters',
      match: (url) => NEWSLETTER_URL.exec(url)?.[1],
      make: (path) => maker.get(path),
      contentType: () => 'application/pdf',
      failure: 'だよりのPDFを作れませんでした / the newsletter PDF could not be made',
      close: () => maker.close(),
    },
    logger,
  );
}
