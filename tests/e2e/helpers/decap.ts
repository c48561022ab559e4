/**
 * Driving the real Decap CMS UI (Japanese) by role and label, as a volunteer would.
 * Labels and behaviours were established against Decap 3.16 in Chromium.
 */
import type { Locator, Page } from 'playwright-core';

export async function login(page: Page, adminUrl: string) {
  const loginButton = page.getByRole('button', { name: 'ログイン' });
  const contents = page.getByRole('link', { name: 'コンテンツ' });
  // A cold dev server may reload the page once while Vite optimizes dependencies: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(adminUrl);
      await loginButton.or(contents).first().waitFor({ timeout: 30_000 });
      if (await loginButton.isVisible()) await loginButton.click();
      await contents.waitFor({ timeout: 30_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
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

/** 公開 → 公開する, then waits for Decap's confirmation. */
export async function publish(page: Page) {
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByRole('menuitem', { name: '公開する' }).click();
}

/** Decap's field errors: 「…は必須です。」 and 「…が入力規則（…）と一致しません。」 */
export const fieldErrors = (page: Page) =>
  page.getByText(/は必須です。|と一致しません。|すべての必須項目を入力してください/);

/** Waits for 保存しました。; if Decap refused instead, fails with the errors it showed. */
export async function waitForSaved(page: Page) {
  const saved = page.getByText('保存しました。').first();
  await saved.or(fieldErrors(page).first()).waitFor({ timeout: 30_000 });
  if (!(await saved.isVisible())) {
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/decap-refused.png`, fullPage: true });
    throw new Error(`Decap refused to save: ${(await fieldErrors(page).allTextContents()).join(' / ')}`);
  }
}
