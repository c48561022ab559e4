import { expect, it } from 'vitest';
import { forEntryPage } from '../../src/lib/content/errors.ts';

it('puts the content file in front of an error while making its page, keeping the original', async () => {
  const cause = new TypeError("Cannot read properties of undefined (reading 'replace')");
  const error = await forEntryPage('content/events/bousai.ja.md', async () => {
    throw cause;
  }).catch((e: unknown) => e as Error);
  expect(error.message).toBe(
    "content/events/bousai.ja.md: このページを作れませんでした / the page could not be made: Cannot read properties of undefined (reading 'replace')",
  );
  expect(error.cause).toBe(cause);
  expect(await forEntryPage('x', async () => 1)).toBe(1);
});
