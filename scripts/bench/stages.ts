/**
 * Running one build stage as a child process and measuring it: wall time, CPU time of the
 * whole process tree (GNU time), peak resident memory of the tree, and the steps an
 * integration timed in its log.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childEnv } from '../lib/processes.ts';

const PAGE_SIZE = 4096;

/** Resident memory of a process and all its descendants (shared pages counted per process). */
export function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [rootPid];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface StageResult {
  name: string;
  command: string;
  ms: number;
  /** User + system CPU time of the stage and its children: less moved by other load than wall time. */
  cpuMs?: number;
  peakRssBytes: number;
  /** Steps an integration ran inside this stage and timed in its log (Pagefind, flyers). */
  inner: Record<string, number>;
  output: string;
}

/**
 * "[tsunagari] Pagefind: 115 pages indexed in 2 ms after rendering (310 ms in all beside the
 * build, …)": steps that run inside `astro build`.
 */
export function innerSteps(output: string): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const [name, re] of [
    ['pagefind', /pagefind[^\n]*?\bin\s+([\d.]+)\s*(ms|s)\b/i],
    // Since search is indexed in a worker beside the pages: its own time, hidden behind them.
    ['pagefind alongside', /pagefind[^\n]*?\(([\d.]+)\s*(ms|s) in all beside/i],
    // Since `astro build` makes the flyers (src/integrations/flyers.ts), after the pages, while
    // search finishes: the step's summary line.
    ['flyers', /flyers: \d+ rendered, \d+ skipped in ([\d.]+)\s*(ms|s)\b/i],
    // The newsletters' PDFs, after the flyers and search (src/flyers/newsletter/build.ts).
    ['newsletters', /newsletter PDFs: \d+ \([^)]*\) in ([\d.]+)\s*(ms|s)\b/i],
  ] as const) {
    const m = re.exec(output);
    if (m) steps[name] = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  }
  return steps;
}

const TIME = '/usr/bin/time';

export function runStage(name: string, command: string, cwd: string): Promise<StageResult> {
  const env = childEnv({ PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}` });
  // GNU time adds up the CPU time of every descendant the command waited for (workers, Pagefind).
  const timeFile = join(cwd, `.bench-time-${process.pid}`);
  const [file, args] = existsSync(TIME)
    ? [TIME, ['-f', '%U %S', '-o', timeFile, 'sh', '-c', command]]
    : ['sh', ['-c', command]];
  const t0 = performance.now();
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let peak = 0;
  const sample = () => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  };
  // Short stages (Pagefind on 100 pages) end within one interval: sample at once, then often.
  setImmediate(sample);
  const timer = setInterval(sample, 100);
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((done, fail) => {
    child.once('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      if (code !== 0) return fail(new Error(`${command} failed (${code}) in ${cwd}:\n${output.slice(-6000)}`));
      let cpuMs: number | undefined;
      if (existsSync(timeFile)) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = ((user ?? 0) + (system ?? 0)) * 1000;
        rmSync(timeFile);
      }
      const inner = name === 'astro' ? innerSteps(output) : {};
      done({ name, command, ms, ...(cpuMs === undefined ? {} : { cpuMs }), peakRssBytes: peak, inner, output });
    });
  });
}

export interface Stage {
  name: string;
  command: string;
  /** Skip the stage when the stages before it already made this file (relative to the project). */
  unlessExists?: string;
  /** `astro build` makes the flyers itself (src/integrations/flyers.ts); FLYERS_SKIP=1 leaves them out. */
  makesFlyers?: boolean;
}

/**
 * The stages of `npm run build` in the copy, each run on its own so it can be timed: the
 * build script split at `&&` (with `npm run x` expanded), plus the flyers and Pagefind
 * steps when the project has them but its build script does not run them yet — neither is a
 * stage of its own since `astro build` runs both (src/integrations/flyers.ts, search-index.ts).
 */
export function buildStages(dir: string): Stage[] {
  const scripts =
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const expand = (script: string, depth = 0): string[] =>
    script
      .split('&&')
      .map((s) => s.trim())
      .filter(Boolean)
      .flatMap((cmd) => {
        const npmRun = /^npm run ([\w:.-]+)$/.exec(cmd);
        return npmRun && depth < 5 ? expand(scripts[npmRun[1] ?? ''] ?? '', depth + 1) : [cmd];
      });
  // scripts/build.mjs (`npm run build`) runs `astro build` with MALLOC_ARENA_MAX=2.
  const names: [RegExp, string][] = [
    [/astro\s+build|scripts\/build\.mjs/, 'astro'],
    [/flyer/i, 'flyers'],
    [/pagefind/, 'pagefind'],
  ];
  const nameOf = (cmd: string) => names.find(([pattern]) => pattern.test(cmd))?.[1] ?? cmd;
  const flyersInAstro = existsSync(join(dir, 'src', 'integrations', 'flyers.ts'));
  const stages: Stage[] = expand(scripts['build'] ?? 'astro build').map((command) => ({
    name: nameOf(command),
    command,
    ...(flyersInAstro && nameOf(command) === 'astro' ? { makesFlyers: true } : {}),
  }));
  if (!flyersInAstro && !stages.some((s) => s.name === 'flyers') && existsSync(join(dir, 'scripts', 'flyers.ts'))) {
    const at = stages.findIndex((s) => s.name === 'astro') + 1;
    stages.splice(at, 0, { name: 'flyers', command: 'node scripts/flyers.ts' });
  }
  // The project may index inside `astro build` (an integration); then this stage is skipped.
  if (!stages.some((s) => s.name === 'pagefind'))
    stages.push({ name: 'pagefind', command: 'pagefind --site dist', unlessExists: 'dist/pagefind/pagefind.js' });
  return stages;
}

/**
 * The newsletter step's summary line (src/flyers/newsletter/build.ts: newsletterSummary):
 * "newsletter PDFs: 60 (60 rendered, 812 ms CPU each, 0 from .cache/newsletters/) in 31234 ms".
 */
export function newsletterCounts(
  output: string,
): { count: number; rendered: number; cpuMsEach?: number; ms: number } | undefined {
  const m = /newsletter PDFs: (\d+) \((\d+) rendered(?:, (\d+) ms CPU each)?, [^)]*\) in (\d+) ms/.exec(output);
  if (!m) return undefined;
  return {
    count: Number(m[1]),
    rendered: Number(m[2]),
    ...(m[3] === undefined ? {} : { cpuMsEach: Number(m[3]) }),
    ms: Number(m[4]),
  };
}

/** "12 rendered, 3 skipped" / "描画 12件" …: what the flyers step says it did, if it says so. */
export function flyerCounts(output: string): { rendered?: number; skipped?: number } {
  // The flyer step's summary line, wherever it ran ("flyers: 0 rendered, 598 skipped in 0.4 s").
  const summary = /flyers: (\d+) rendered, (\d+) skipped/.exec(output);
  if (summary) return { rendered: Number(summary[1]), skipped: Number(summary[2]) };
  const num = (re: RegExp) => {
    const m = re.exec(output);
    return m?.[1] === undefined ? undefined : Number(m[1].replace(/,/g, ''));
  };
  const rendered =
    num(/(\d[\d,]*)\s*(?:flyers?\s*)?(?:re-?)?rendered/i) ?? num(/(?:re-?)?render(?:ed)?\s*[:=]?\s*(\d[\d,]*)/i);
  const skipped =
    num(/(\d[\d,]*)\s*(?:flyers?\s*)?(?:skipped|cached|unchanged)/i) ?? num(/skipped\s*[:=]?\s*(\d[\d,]*)/i);
  return { ...(rendered === undefined ? {} : { rendered }), ...(skipped === undefined ? {} : { skipped }) };
}
