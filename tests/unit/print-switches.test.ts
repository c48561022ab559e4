/**
 * The build's print step (src/integrations/flyers.ts) has a switch per kind of document:
 * FLYERS_SKIP=1 leaves the flyers out and still makes the newsletters' PDFs (the bench times
 * them where thousands of flyers would take too long); NEWSLETTERS_SKIP=1 leaves those out.
 * Each says so in the log.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFlyers } from '../../src/integrations/flyers.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

const root = process.cwd();
const { entries } = validateContent(root);
const dirs: string[] = [];
beforeEach(() => {
  // The day newsletter-pdf-build.test.ts builds on: the same PDFs, from .cache/newsletters/ when it ran first.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-10T03:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function make(): Promise<{ out: string; info: string[]; warn: string[] }> {
  const out = mkdtempSync(join(tmpdir(), 'print-switches-'));
  dirs.push(out);
  const info: string[] = [];
  const warn: string[] = [];
  const logger = {
    info: (line: string) => info.push(line),
    warn: (line: string) => warn.push(line),
    error: (line: string) => warn.push(line),
    debug: () => {},
  } as unknown as AstroIntegrationLogger;
  await buildFlyers(root, entries).make(out, logger);
  return { out, info, warn };
}

describe('switches of the build’s print step', () => {
  it('FLYERS_SKIP=1 leaves the flyers out and still makes every newsletter PDF', async () => {
    vi.stubEnv('FLYERS_SKIP', '1');
    const { out, info, warn } = await make();
    expect(warn).toContain('チラシは作りませんでした（FLYERS_SKIP=1） / flyers left out (FLYERS_SKIP=1)');
    expect(existsSync(join(out, 'flyers'))).toBe(false);
    const pdfs = readdirSync(join(out, 'newsletters')).filter((name) => name.endsWith('.pdf'));
    const issues = entries.get('newsletters')?.length ?? 0;
    expect(issues).toBeGreaterThan(0);
    const edition = (name: string) => /-(bw|large)\.pdf$/.exec(name)?.[1] ?? 'color';
    for (const which of ['color', 'bw', 'large'])
      expect(pdfs.filter((name) => edition(name) === which).length, which).toBe(issues);
    expect(info.some((line) => line.startsWith('newsletter PDFs: '))).toBe(true);
  }, 600_000);

  it('NEWSLETTERS_SKIP=1 leaves the newsletters out, and says so', async () => {
    vi.stubEnv('FLYERS_SKIP', '1');
    vi.stubEnv('NEWSLETTERS_SKIP', '1');
    const { out, warn } = await make();
    expect(warn).toContain(
      'だよりのPDFは作りませんでした（NEWSLETTERS_SKIP=1） / newsletter PDFs left out (NEWSLETTERS_SKIP=1)',
    );
    expect(readdirSync(out)).toEqual([]);
  });
});
