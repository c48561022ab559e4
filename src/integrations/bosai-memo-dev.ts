/**
 * わが家の防災メモ under `npm start`: the dev server renders no sheets of its own (the build
 * makes them at its end), so a 防災 page's 「わが家の防災メモを印刷する」 link would answer 404.
 * Here a request for `/bosai/bosai-memo.pdf` or `/bosai/<district>/bosai-memo.pdf` runs the
 * build's step (src/flyers/bosai/build.ts) on the content as saved — validated again, as the
 * build would — with its cache (.cache/bosai-memo/), and serves the sheet asked for. Sheets that
 * did not change come from the cache; the others cost a worker start and a few tenths of a second.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { makeBosaiMemos } from '../flyers/bosai/build.ts';
import { bosaiMemoPdfPath } from '../lib/bosai-memo.ts';
import { flyerDay } from '../flyers/list.ts';
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent } from '../lib/validation/validate.ts';

const MEMO_URL = /^\/bosai\/(?:([\w-]+)\/)?bosai-memo\.pdf(?:[?#].*)?$/;

export function devBosaiMemos(root: string, logger: AstroIntegrationLogger): Plugin {
  const outDir = join(root, '.cache', 'bosai-memo-dev');
  async function make(districtId: string | undefined): Promise<{ file: string } | { status: number; message: string }> {
    const { entries, problems } = validateContent(root);
    if (problems.length) return { status: 422, message: formatReport(problems) };
    if (districtId && !(entries.get('districts') ?? []).some((d) => d.id === districtId))
      return { status: 404, message: `その地区はありません / no district ${districtId}` };
    const result = await makeBosaiMemos(entries, {
      root,
      outDir,
      today: flyerDay(),
      log: (line) => logger.info(line),
      warn: (line) => logger.warn(line),
    });
    if (result.failures.length) return { status: 500, message: result.failures.join('\n') };
    return { file: join(outDir, bosaiMemoPdfPath(districtId)) };
  }
  return {
    name: 'tsunagari:bosai-memo',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(MEMO_URL);
        if (!match) return next();
        make(match[1]).then(
          (made) => {
            if ('file' in made && existsSync(made.file)) {
              res.setHeader('Content-Type', 'application/pdf');
              res.setHeader('Cache-Control', 'no-store');
              createReadStream(made.file).pipe(res);
              return;
            }
            const { status, message } = 'file' in made ? { status: 500, message: `${made.file} がありません` } : made;
            res.statusCode = status;
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.end(message);
          },
          (error: unknown) => {
            res.statusCode = 500;
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.end(error instanceof Error ? error.message : String(error));
          },
        );
      });
    },
  };
}
