/**
 * A long step's line per file, thinned for a large town: every line while the step makes at
 * most EVERY_LINE_UP_TO files, else the latest at most every INTERVAL_MS, with how far the step
 * is, and always the last.
 *
 * Why: the printing steps said one line per file, which a district's few dozen flyers read well
 * in, but a 10,000-entry town's first build wrote 21,000 lines (20,149 flyer files, 699
 * newsletter PDFs, 401 防災メモ): the warnings among them were lost, and a host's build log
 * viewer slows down or cuts it off. A line every few seconds still shows the step moving.
 * Warnings never go through here: each is said.
 */
export const EVERY_LINE_UP_TO = 200;
export const INTERVAL_MS = 5_000;

export function progressLog(
  total: number,
  log: (line: string) => void,
  { now = () => performance.now(), interval = INTERVAL_MS, everyLineUpTo = EVERY_LINE_UP_TO } = {},
): (line: string) => void {
  if (total <= everyLineUpTo) return log;
  let done = 0;
  let said = -Infinity;
  return (line) => {
    done++;
    const at = now();
    if (done < total && at - said < interval) return;
    said = at;
    log(`${done.toLocaleString('en')}/${total.toLocaleString('en')}: ${line}`);
  };
}
