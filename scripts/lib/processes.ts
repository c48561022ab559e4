/**
 * Child processes and ports for the scripts that start servers and builds (the benchmark) and
 * for the end-to-end tests, which re-export these from tests/e2e/helpers/project.ts.
 */
import { createServer } from 'node:net';

/** A TCP port free on the loopback interface at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * What vitest puts in its workers' environment as well as in `import.meta.env` (MODE, DEV, PROD,
 * SSR, BASE_URL): inherited, a build started from a test saw `import.meta.env.DEV` set and
 * behaved as the dev server (no page kept between builds, settings read again for every page).
 */
const VITEST_ENV = ['TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'];

/** The environment for child processes: without vitest's NODE_ENV=test, which changes Astro's dev server, and the rest of vitest's. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const underVitest = process.env['VITEST'] !== undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const key of Object.keys(env))
    if (
      key === 'NODE_ENV' ||
      key.startsWith('VITEST') ||
      (underVitest && VITEST_ENV.includes(key) && extra[key] === undefined)
    )
      delete env[key];
  return env;
}
