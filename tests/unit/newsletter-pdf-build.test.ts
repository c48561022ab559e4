/**
 * The newsletter step of the build (src/flyers/newsletter/build.ts) on the sample content: every
 * issue's colour, black-and-white and large-print PDF where its page links them, next month's drafts marked
 * 下書き beside their pages, and a second run taking every PDF from .cache/newsletters/; and as
 * `npm run build` makes them: planned, handed through the print queue's file, rendered from it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  makeNewsletterPdfs,
  planNewsletterPdfs,
  renderNewsletterPdfs,
  type NewsletterPlan,
} from '../../src/flyers/newsletter/build.ts';
import { takePrintQueue, writePrintQueue } from '../../src/flyers/print-queue.ts';
import { draftPdfPaths, newsletterPdfPaths } from '../../src/flyers/newsletter/paths.ts';
import { newsletterEntries } from '../../src/flyers/newsletter/sources.ts';
import { draftSlug, nextMonthDrafts } from '../../src/lib/newsletter/archive.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

const root = process.cwd();
const { entries } = validateContent(root);
const out = mkdtempSync(join(tmpdir(), 'newsletter-pdfs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
// A fixed day: the sample has January issues for two districts, none for the town.
const today = '2026-12-10';
const quiet = { log: () => {}, warn: (line: string) => expect.fail(line) };

describe('newsletter PDFs in the build', () => {
  it('writes each issue and draft in both editions, then takes them all from the cache', async () => {
    const first = await makeNewsletterPdfs(entries, { root, outDir: out, today, ...quiet });
    expect(first.failures).toEqual([]);
    const issues = newsletterEntries(entries);
    const drafts = nextMonthDrafts(
      issues.map((i) => ({ id: i.id, data: i.data })),
      today,
    );
    expect(drafts.length).toBeGreaterThan(0);
    const files = [
      ...issues.flatMap((i) => Object.values(newsletterPdfPaths(i.id))),
      ...drafts.flatMap((d) => Object.values(draftPdfPaths(draftSlug(d.district)))),
    ];
    expect(first.total).toBe(files.length);
    for (const file of files) expect(existsSync(join(out, file)), file).toBe(true);

    const draft = readFileSync(join(out, draftPdfPaths(draftSlug(drafts[0]?.district)).bw));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: draft, encoding: 'utf8' });
    expect(text).toContain('下書き');

    const second = await makeNewsletterPdfs(entries, { root, outDir: out, today, ...quiet });
    expect(second.rendered).toBe(0);
    expect(second.failures).toEqual([]);
    for (const file of files) expect(existsSync(join(out, file)), file).toBe(true);
  }, 600_000);

  it('makes only the PDF asked for (the dev server’s request), and nothing for an unknown address', async () => {
    const only = mkdtempSync(join(tmpdir(), 'newsletter-only-'));
    try {
      const issue = newsletterEntries(entries)[0]?.id ?? '';
      const path = newsletterPdfPaths(issue).large;
      const one = await makeNewsletterPdfs(entries, { root, outDir: only, today, only: path, ...quiet });
      expect(one.total).toBe(1);
      expect(existsSync(join(only, path))).toBe(true);
      expect(existsSync(join(only, newsletterPdfPaths(issue).color))).toBe(false);
      const none = await makeNewsletterPdfs(entries, {
        root,
        outDir: only,
        today,
        only: '/newsletters/no-such-issue.pdf',
        ...quiet,
      });
      expect(none.total).toBe(0);
    } finally {
      rmSync(only, { recursive: true, force: true });
    }
  }, 600_000);

  it('renders from a plan handed through the print queue (npm run build, after Astro) what was not cached', async () => {
    const planned = mkdtempSync(join(tmpdir(), 'newsletter-queue-'));
    try {
      const issue = newsletterEntries(entries)[0]?.id ?? '';
      const path = newsletterPdfPaths(issue).bw;
      const options = { root, outDir: planned, today, only: path, ...quiet };
      await makeNewsletterPdfs(entries, options);
      // Its cached PDF (the file linked into place) removed: the plan has it to render.
      const cacheDir = join(root, '.cache', 'newsletters');
      const { ino } = statSync(join(planned, path));
      const cached = readdirSync(cacheDir).find((name) => statSync(join(cacheDir, name)).ino === ino);
      expect(cached).toBeDefined();
      rmSync(join(cacheDir, cached as string));
      rmSync(join(planned, path));
      const plan = await planNewsletterPdfs(entries, options);
      expect(plan).toMatchObject({ total: 1, failures: [] });
      expect(plan.renders.map((r) => r.editions.map((e) => e.edition))).toEqual([['bw']]);
      const file = join(planned, 'queue.v8');
      writePrintQueue(file, { root, outDir: planned, newsletters: plan });
      const queued = takePrintQueue(file).newsletters as NewsletterPlan;
      const result = await renderNewsletterPdfs(queued, options);
      expect(result).toMatchObject({ total: 1, rendered: 1, failures: [] });
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(planned, path), '-'], { encoding: 'utf8' });
      expect(text.length).toBeGreaterThan(100);
      expect(existsSync(join(cacheDir, cached as string))).toBe(true);
    } finally {
      rmSync(planned, { recursive: true, force: true });
    }
  }, 600_000);
});
