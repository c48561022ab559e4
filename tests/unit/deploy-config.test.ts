/**
 * The deploy configuration in the repository: the GitHub Actions workflow runs the README's
 * install and test commands before it builds and publishes dist/ to GitHub Pages, on every push to
 * main and every morning at 05:00 Japan time, keeping the build's caches; Netlify and Cloudflare
 * Pages publish the same dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  if?: string;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: { push: { branches: string[] }; schedule: { cron: string }[] };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(read('.github/workflows/deploy.yml')) as Workflow;
const build = workflow.jobs['build'];
const deploy = workflow.jobs['deploy'];
/** The commands of the build job's run steps, one per line, in order. */
const commands = (build?.steps ?? []).flatMap((step) =>
  (step.run ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
);
const stepIndex = (match: (step: Step) => boolean) => (build?.steps ?? []).findIndex(match);

describe('.github/workflows/deploy.yml', () => {
  it('runs on every push to main and every day at 20:00 UTC (05:00 in Japan)', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.schedule).toEqual([{ cron: '0 20 * * *' }]);
    const [minute, hour] = workflow.on.schedule[0]!.cron.split(' ').map(Number);
    // Japan is UTC+9 all year.
    expect(((hour! + 9) % 24) * 60 + minute!).toBe(5 * 60);
  });

  it('has a build job and a deploy job that publishes it on GitHub Pages', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'deploy']);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
    const upload = build?.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['path']).toBe('dist');
    // A site on Netlify or Cloudflare Pages keeps the tests and turns off only this publishing.
    expect(upload?.if).toBe("vars.GITHUB_PAGES != 'false'");
    expect(deploy?.if).toBe("vars.GITHUB_PAGES != 'false'");
  });

  it("runs the README's install and test commands, as .ci/run does, before building", () => {
    const readme = read('README.md');
    const ci = read('.ci/run');
    // The README's commands: npm test, and npm ci (the lock-exact npm install its workflow sketch uses).
    for (const command of ['npm test', 'npm ci', 'npm run build']) expect(readme).toContain(command);
    expect(ci).toContain('npm ci --no-audit --no-fund');
    // Debian's chromium (the browser tests) and poppler-utils (pdftotext: the PDF tests), when missing.
    expect(ci).toContain('missing+=(chromium)');
    expect(ci).toContain('missing+=(poppler-utils)');
    expect(ci).toContain('apt-get install -y -qq "${missing[@]}"');
    expect(commands).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq chromium poppler-utils >/dev/null',
      'npm ci --no-audit --no-fund',
      'npm test',
      'npm run build',
    ]);
    // On Debian, where the chromium package is the browser the tests drive.
    expect(build?.container).toMatch(/^node:24-(bookworm|trixie)/);
    expect(stepIndex((s) => s.uses?.startsWith('actions/checkout@') ?? false)).toBe(0);
  });

  it('keeps the flyer, search and photo caches between runs, restored after npm ci empties node_modules/', () => {
    const cache = build?.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    const paths = (cache?.with?.['path'] ?? '').split('\n').filter(Boolean);
    expect(paths).toEqual(['.cache', 'node_modules/.astro']);
    expect(cache?.with?.['restore-keys']).toBeTruthy();
    expect(stepIndex((s) => s === cache)).toBeGreaterThan(stepIndex((s) => s.run?.includes('npm ci') ?? false));
    expect(stepIndex((s) => s === cache)).toBeLessThan(stepIndex((s) => s.run === 'npm run build'));
    // The folders the build keeps its caches in (.gitignore keeps them out of the repository).
    expect(read('.gitignore')).toMatch(/^\.cache\/$/m);
  });

  it('is what the README’s daily-rebuild section points to', () => {
    expect(read('README.md')).toContain('.github/workflows/deploy.yml');
  });
});

describe('Netlify and Cloudflare Pages', () => {
  it('build with npm run build and publish dist/ on Node 24', () => {
    const netlify = read('netlify.toml');
    expect(netlify).toMatch(/^\s*command = "npm run build"$/m);
    expect(netlify).toMatch(/^\s*publish = "dist"$/m);
    expect(netlify).toMatch(/^\s*NODE_VERSION = "24"$/m);
    const plugin = /^\s*package = "\/(.+)"$/m.exec(netlify)?.[1] ?? '';
    expect(existsSync(join(ROOT, plugin, 'manifest.yml'))).toBe(true);
    expect(read(join(plugin, 'index.js'))).toContain("'.cache'");
    expect(read('wrangler.toml')).toMatch(/^pages_build_output_dir = "\.\/dist"$/m);
  });
});
