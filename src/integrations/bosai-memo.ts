/**
 * The build's 防災メモ step (src/flyers/bosai/build.ts), with the build's logger: a sheet that
 * cannot be made fails the build naming its page, as a flyer does. FLYERS_TODAY fixes the day
 * printed on the sheets (tests, reproducible builds), as it does for flyers.
 */
import type { AstroIntegrationLogger } from 'astro';
import { makeBosaiMemos, memoSummary } from '../flyers/bosai/build.ts';
import { flyerDay } from '../flyers/list.ts';
import type { ValidEntry } from '../lib/validation/validate.ts';

export async function bosaiMemoStep(
  root: string,
  outDir: string,
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const result = await makeBosaiMemos(entries, {
    root,
    outDir,
    today: flyerDay(),
    log: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
  });
  logger.info(memoSummary(result));
  if (result.failures.length) throw new Error(result.failures.join('\n'));
}
