/**
 * The notice an entry's page opens with when it will not go ahead as announced (中止, 延期,
 * お休み中, 終了, 締め切り), with the volunteer's note. Search indexes it too, so a result's
 * excerpt says so. An entry whose status says nothing but whose day or deadline has gone by
 * opens with its kind's notice for that (`past`: src/kinds/kind.ts, pastNotice): the editor's
 * own status comes first, since 中止 or 延期 says more than 終わりました.
 *
 * Its tone: 中止 and 延期 change what was announced (someone may be on the way), so they are an
 * alert; a salon resting, a recruitment closed or an event that is over is only how things
 * stand, said plainly rather than in the alert's red.
 */
import type { UIKey } from '../i18n/ja.ts';

type T = (key: UIKey, params?: Record<string, string | number>) => string;

const NOTICED = ['cancelled', 'postponed', 'paused', 'ended', 'closed'] as const;
const ALERTS: readonly unknown[] = ['cancelled', 'postponed'];
const noticed = (status: unknown): status is (typeof NOTICED)[number] =>
  (NOTICED as readonly unknown[]).includes(status);

export interface StatusNotice {
  headline: string;
  note: string | undefined;
  tone: 'alert' | 'plain';
}

export function statusNotice(status: unknown, note: unknown, t: T, past?: UIKey): StatusNotice | undefined {
  if (!noticed(status)) return past ? { headline: t(past), note: undefined, tone: 'plain' } : undefined;
  return {
    headline: t(`status.${status}`),
    note: typeof note === 'string' && note ? note : undefined,
    tone: ALERTS.includes(status) ? 'alert' : 'plain',
  };
}
