/**
 * Driving the real Decap CMS UI (Japanese) by role and label, as a volunteer would.
 * Labels and behaviours were established against Decap 3.16 in Chromium.
 */
import type { Locator, Page, Request, Response } from 'playwright-core';

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
  const before = await locator.inputValue();
  // With builds running beside the browser (load 10+), the field once never came to read
  // さくらカフェ in 30 s (a fresh clone's npm test beside the benchmark; passes alone): a chunk
  // sent while Decap re-rendered the form was lost. Then the field is set back to what it held
  // and the text typed again, at most three times. The check is the field's own value.
  for (let attempt = 1; ; attempt++) {
    await locator.click();
    // CDP input goes to whatever has focus: on a busy machine Decap may still be re-rendering the
    // form after the click, and a composition sent then was lost (CI: 「夏まつり」 missing).
    await waitUntil(() => locator.evaluate((el) => el === document.activeElement), 'the field to have focus');
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
    try {
      await waitUntil(
        async () => (await locator.inputValue()) === before + text,
        `the field to read ${before + text}`,
        10_000,
      );
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await locator.fill(before);
    }
  }
}

/** Polls `check` until it holds (a real signal: the page's own state), at most `timeoutMs`. */
async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Picks an option of a react-select (select or relation widget) by typing to search. */
export async function choose(page: Page, label: string, option: string, search = option) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.pressSequentially(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** decap-server's answer to the last publish(page): the save, or with the workflow the merge. */
const saves = new WeakMap<Page, Promise<Response>>();

/** A call of Decap's to decap-server with `action` (its API: POST /api/v1). */
export const isCallRequest = (action: string) => (request: Request) => {
  if (request.method() !== 'POST' || !request.url().endsWith('/api/v1')) return false;
  try {
    return (request.postDataJSON() as { action?: string } | null)?.action === action;
  } catch {
    return false;
  }
};

/** decap-server's answer to a call of Decap's with `action`. */
export const isCall = (action: string) => (response: Response) => isCallRequest(action)(response.request());

/** Waits for decap-server's answer to `action` while `act` runs, and fails unless it is a success. */
export async function expectCall(page: Page, action: string, act: () => Promise<unknown>): Promise<Response> {
  const answer = page.waitForResponse(isCall(action), { timeout: 120_000 });
  await act();
  const response = await answer;
  if (!response.ok())
    throw new Error(`decap-server refused ${action} (${response.status()}): ${await response.text()}`);
  return response;
}

/**
 * Opens the entry at `url` (`#/collections/<name>/entries/<id>`) again in the CMS already open in
 * `page`, as a volunteer coming back to it through its collection, and resolves once Decap has read
 * its file (`path`, from the project root) from decap-server again — what is on disk now, not what
 * the page held — and drawn the field `label`. A fresh page did the same at the cost of loading
 * Decap once more (~10 s while the dev server takes in the last save).
 */
export async function reopenEntry(page: Page, url: string, path: string, label: string) {
  const field = page.getByLabel(label, { exact: true });
  await page.goto(url.replace(/\/entries\/[^/]+$/, ''));
  await field.waitFor({ state: 'detached', timeout: 60_000 });
  // A read asked for once the editor opens, not any answer that arrives then: an earlier read of
  // the same file still on its way, answered after the editor opened, drew the form first, and the
  // editor's own read drew it anew, taking away what the test had typed (CI: 保存 stayed disabled).
  const read = page.waitForRequest(
    (request) =>
      isCallRequest('getEntry')(request) &&
      (request.postDataJSON() as { params?: { path?: string } }).params?.path === path,
    { timeout: 120_000 },
  );
  await page.goto(url);
  const response = await (await read).response();
  if (!response?.ok()) throw new Error(`decap-server could not read ${path} (${response?.status() ?? 'no answer'})`);
  await response.finished();
  await field.waitFor({ timeout: 60_000 });
}

/** The approval workflow's labels in Decap's Japanese UI (its ja locale, editorToolbar and workflowList). */
export const WORKFLOW = { draft: '下書き', review: 'レビュー中', ready: '準備完了' } as const;

/** 保存: the save button of the approval workflow (without it, Decap offers 公開 only). */
export const saveButton = (page: Page) => page.getByRole('button', { name: '保存', exact: true });

/**
 * Waits until Decap shows the saved draft `id` of `collection` on its own page: after saving a new
 * entry Decap draws the status button on the new-entry page, then reads the draft back, moves to
 * `…/entries/<id>` and draws the editor again — a button found before that move is taken away
 * (CI: the next click waited 30 s for a button that was being drawn again).
 */
export async function waitForDraftPage(page: Page, collection: string, id: string) {
  await page.waitForURL((url) => url.hash === `#/collections/${collection}/entries/${id}`, { timeout: 120_000 });
  await page.getByRole('button', { name: /^ステータス: / }).waitFor({ timeout: 120_000 });
}

/**
 * What the CMS page asked decap-server and what it answered, and what the page logged as errors:
 * printed when a CMS test fails, so a failure on a busy CI machine says which call went wrong.
 */
export function recordCmsTraffic(page: Page): () => string {
  const lines: string[] = [];
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('response', (response) => {
    if (response.request().method() !== 'POST' || !response.url().endsWith('/api/v1')) return;
    let action = '?';
    try {
      action = (response.request().postDataJSON() as { action?: string } | null)?.action ?? '?';
    } catch {
      // not JSON: keep '?'
    }
    const line = `${at()} ${action} → ${response.status()}`;
    if (response.ok()) lines.push(line);
    else
      void response.text().then(
        (text) => lines.push(`${line} ${text.slice(0, 300)}`),
        () => lines.push(line),
      );
  });
  page.on('console', (message) => {
    if (message.type() === 'error') lines.push(`${at()} console: ${message.text().slice(0, 300)}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) lines.push(`${at()} at ${frame.url()}`);
  });
  return () => lines.join('\n');
}

/** ステータス: … → `status`, once decap-server has recorded it (the draft branch's description). */
export async function setStatus(page: Page, status: (typeof WORKFLOW)[keyof typeof WORKFLOW]) {
  const button = page.getByRole('button', { name: /^ステータス: / });
  // Decap reads the draft again after each change and may still be drawing the editor: a busy
  // machine can take longer than a click's own 30 s for that.
  await button.waitFor({ timeout: 120_000 });
  await expectCall(page, 'updateUnpublishedEntryStatus', async () => {
    await button.click();
    await page.getByRole('menuitem', { name: status, exact: true }).click();
  });
  await page.getByRole('button', { name: `ステータス: ${status}` }).waitFor();
}

/** 公開 → 公開する on a draft that is 準備完了, confirming Decap's question; resolves with the merge's answer. */
export function publishDraft(page: Page): Promise<Response> {
  page.once('dialog', (dialog) => void dialog.accept());
  return expectCall(page, 'publishUnpublishedEntry', async () => {
    await page.getByRole('button', { name: '公開', exact: true }).click();
    await page.getByRole('menuitem', { name: '公開する' }).click();
  });
}

/**
 * Puts what the page shows on the site, as a volunteer would: 公開 → 公開する; with the approval
 * workflow (the default), 保存, then 準備完了, then 公開 → 公開する. Returns once the first click is
 * made (Decap may refuse to save: fieldErrors); waitForSaved waits for the rest.
 */
export async function publish(page: Page) {
  // Decap draws its toolbar after the form: decide between the two flows only once one is there
  // (a check before that took the approval workflow's page for the simple one on a busy machine).
  const publishNow = page.getByRole('button', { name: '公開', exact: true });
  await saveButton(page).or(publishNow).first().waitFor({ timeout: 60_000 });
  const workflow = await saveButton(page).isVisible();
  const save = page.waitForResponse(isCall('persistEntry'), { timeout: 120_000 });
  const done = workflow
    ? save.then(async (saved) => {
        if (!saved.ok()) return saved;
        await setStatus(page, WORKFLOW.ready);
        // After the merge Decap reads the entry again by itself (publishUnpublishedEntry → loadEntry)
        // and draws the form anew from it: done only once that read is in, so the next step (leaving
        // the editor, opening the entry again) does not meet it on its way.
        const reread = page.waitForResponse(isCall('getEntry'), { timeout: 120_000 });
        reread.catch(() => undefined);
        const merged = await publishDraft(page);
        await (await reread).finished();
        return merged;
      })
    : save;
  done.catch(() => undefined); // a refused save never sends one: waitForSaved says why
  saves.set(page, done);
  if (workflow) await saveButton(page).click();
  else {
    await publishNow.click();
    await page.getByRole('menuitem', { name: '公開する' }).click();
  }
}

/** Decap's field errors: 「…は必須です。」 and 「…が入力規則（…）と一致しません。」 */
export const fieldErrors = (page: Page) =>
  page.getByText(/は必須です。|と一致しません。|すべての必須項目を入力してください/);

/**
 * Waits until decap-server has written the entry: its answer to Decap's persistEntry (with the
 * workflow: to publishUnpublishedEntry), sent after the files are on disk (on the working tree's
 * branch) — not the 保存しました toast, which a reload of the page would take away.
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
