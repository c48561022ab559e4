/**
 * Driving the real Decap CMS UI (Japanese) by role and label, as a volunteer would.
 * Labels and behaviours were established against Decap 3.16 in Chromium.
 */
import type { Locator, Page, Response } from 'playwright-core';

/** Opens the CMS and logs in (ログイン: the local backend needs no account). */
export async function login(page: Page, adminUrl: string) {
  const loginButton = page.getByRole('button', { name: 'ログイン' });
  const contents = page.getByRole('link', { name: 'コンテンツ' });
  // The first visit compiles the page and loads Decap's 5 MB bundle: slow on a busy machine.
  await page.goto(adminUrl, { timeout: 120_000 });
  await loginButton.or(contents).first().waitFor({ timeout: 120_000 });
  if (await loginButton.isVisible()) await loginButton.click();
  await contents.waitFor({ timeout: 60_000 });
}

/** Fills a text input; after a failed publish Decap's first fill may append, so check and retry. */
export async function setText(locator: Locator, value: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await locator.fill(value);
    if ((await locator.inputValue()) === value) return;
  }
  throw new Error(`could not set ${value}: ${await locator.inputValue()}`);
}

/**
 * Types Japanese the way an IME does: a composition (未確定 text) and its commit, through the
 * Chrome DevTools Protocol, so React sees compositionstart/update/end like with a real IME.
 */
export async function typeWithIme(page: Page, locator: Locator, text: string) {
  await locator.click();
  const cdp = await page.context().newCDPSession(page);
  for (const chunk of text.match(/.{1,4}/gu) ?? []) {
    await cdp.send('Input.imeSetComposition', {
      text: chunk,
      selectionStart: chunk.length,
      selectionEnd: chunk.length,
    });
    await cdp.send('Input.insertText', { text: chunk });
  }
  await cdp.detach();
}

/** Picks an option of a react-select (select or relation widget) by typing to search. */
export async function choose(page: Page, label: string, option: string, search = option) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.pressSequentially(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** decap-server's answer to the save of the last publish(page), if it came. */
const saves = new WeakMap<Page, Promise<Response>>();

const isSave = (response: Response) => {
  const request = response.request();
  if (request.method() !== 'POST' || !response.url().endsWith('/api/v1')) return false;
  try {
    return (request.postDataJSON() as { action?: string } | null)?.action === 'persistEntry';
  } catch {
    return false;
  }
};

/** 公開 → 公開する. */
export async function publish(page: Page) {
  const save = page.waitForResponse(isSave, { timeout: 120_000 });
  save.catch(() => undefined); // a refused save never sends one: waitForSaved says why
  saves.set(page, save);
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByRole('menuitem', { name: '公開する' }).click();
}

/** Decap's field errors: 「…は必須です。」 and 「…が入力規則（…）と一致しません。」 */
export const fieldErrors = (page: Page) =>
  page.getByText(/は必須です。|と一致しません。|すべての必須項目を入力してください/);

/**
 * Waits until decap-server has written the entry: its answer to Decap's persistEntry, sent after
 * the files are on disk — not the 保存しました toast, which a reload of the page would take away.
 * If Decap refused to save instead, fails with the errors it showed.
 */
export async function waitForSaved(page: Page) {
  const save = saves.get(page);
  if (!save) throw new Error('waitForSaved without publish');
  const refused = fieldErrors(page)
    .first()
    .waitFor({ timeout: 120_000 })
    .then(() => 'refused' as const);
  refused.catch(() => undefined);
  const outcome = await Promise.race([save, refused]);
  if (outcome === 'refused') {
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/decap-refused.png`, fullPage: true });
    throw new Error(`Decap refused to save: ${(await fieldErrors(page).allTextContents()).join(' / ')}`);
  }
  if (!outcome.ok()) throw new Error(`decap-server did not save (${outcome.status()}): ${await outcome.text()}`);
}
