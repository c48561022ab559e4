/**
 * What in a volunteer's text looks like a private person's data (issue 13): a mobile number
 * (070/080/090), a street address down to the 番地 or 号, or the words 要支援者 / 見守り対象
 * next to a person's name. Reports and newsletters are written freely by volunteers about
 * residents; a desk's landline (0000-12-3456) or a venue's address on a place entry is what the
 * site is for and is not looked at here (only types whose body says `checkPrivacy`).
 *
 * It only warns: the data may be there with the person's consent, which the entry then states
 * in `privacyConsent` (src/schemas/fields.ts). Pure, and free of Node APIs: `npm run check`, the
 * build and the CMS page (admin/privacy-notice.ts) all ask this module.
 */
import type { Bilingual } from '../../schemas/fields.ts';

export const PRIVACY_KINDS = ['mobile', 'address', 'care'] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

export interface PrivacyFinding {
  kind: PrivacyKind;
  /** 1-based line of the text it was found on. */
  line: number;
  /** What was found, masked so that the warning does not spread it further (090-****-5678). */
  shown: string;
}

const DIGIT = '[0-9０-９]';
/** Between the groups of a phone number: hyphens of every width, the ー volunteers type for one, spaces, brackets. */
const SEP = '[-‐‑‒–—―−－ー.．()（） \\t\\u3000]{0,2}';
const MOBILE = new RegExp(
  `(?<![0-9０-９])(?:[0０]|[+＋][8８][1１]${SEP})[7-9７-９][0０]${SEP}${DIGIT}{4}${SEP}${DIGIT}{4}(?![0-9０-９])`,
  'gu',
);

const NUMBER = '(?:[0-9０-９]+|[一二三四五六七八九十〇]+)';
const HYPHEN = '[-‐‑−－ー]';
/**
 * A street address down to the house: 3丁目8番2号, 三丁目8-2, 8番2号, 123番地(の4), 本町3-8-2.
 * 丁目 alone (若葉三丁目集会所, 3丁目町内会) is a neighbourhood, not a house.
 */
const ADDRESS = new RegExp(
  [
    `${NUMBER}丁目\\s*${NUMBER}\\s*(?:番地?|${HYPHEN})\\s*(?:の\\s*)?${NUMBER}?\\s*号?`,
    `${NUMBER}番地(?:\\s*の?\\s*${NUMBER}\\s*号?)?`,
    `${NUMBER}番\\s*${NUMBER}\\s*号`,
    `(?<=[町村目])${DIGIT}+${HYPHEN}${DIGIT}+${HYPHEN}${DIGIT}+`,
  ].join('|'),
  'gu',
);

const CARE_WORDS = /要支援者|見守り対象/gu;
/** A name with its honorific: 山田さん, 佐藤花子様, タナカさん. */
const NAME = /([\p{Script=Han}]{1,4}|[\p{Script=Katakana}ー]{2,8})(さん|様|さま|氏|くん|君|ちゃん)/gu;
/** Words that take さん or 様 but name nobody in particular (皆さん, 民生委員さん, ボランティアさん). */
const NOT_A_NAME =
  /^(?:皆|子|孫|奥|客|方|隣)$|(?:各位|者|委員|会員|住民|家族|相手|本人|先生|職員|近所|ボランティア|サポーター|スタッフ|メンバー|ヘルパー|ケアマネ|リーダー)$/u;
/** How far apart (in characters, within one sentence) the word and a name still read as one statement. */
const NEAR = 30;

const toAscii = (text: string) => text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function maskMobile(found: string): string {
  const digits = toAscii(found).replace(/\D/gu, '');
  // +81 90-…: the country code stays apart from the number it stands before.
  const prefix = /^[+＋]/u.test(found) ? `+81-${digits.slice(2, -8)}` : digits.slice(0, -8);
  return `${prefix}-****-${digits.slice(-4)}`;
}

/** The first number stays (the 丁目 or the block), every later one becomes ＊: 3丁目＊番＊号. */
function maskAddress(found: string): string {
  let first = true;
  return found.trim().replace(new RegExp(NUMBER, 'gu'), (n) => {
    if (first) {
      first = false;
      return n;
    }
    return '＊';
  });
}

const maskName = (name: string, honorific: string) =>
  `${[...name][0] ?? ''}${'＊'.repeat([...name].length - 1)}${honorific}`;

function careFindings(line: string): string[] {
  const found: string[] = [];
  for (const sentence of line.split(/(?<=[。！？!?])/u)) {
    const names = Array.from(sentence.matchAll(NAME)).filter((m) => !NOT_A_NAME.test(m[1] ?? ''));
    for (const word of sentence.matchAll(CARE_WORDS)) {
      const near = names.find((m) => Math.abs(m.index - word.index) <= NEAR);
      if (near) found.push(`${word[0]}・${maskName(near[1] ?? '', near[2] ?? '')}`);
    }
  }
  return found;
}

/** Everything in `text` that looks like a private person's data, line by line. */
export function findPrivateData(text: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  text.split(/\r?\n/u).forEach((content, i) => {
    const line = i + 1;
    for (const m of content.matchAll(MOBILE)) findings.push({ kind: 'mobile', line, shown: maskMobile(m[0]) });
    for (const m of content.matchAll(ADDRESS)) findings.push({ kind: 'address', line, shown: maskAddress(m[0]) });
    for (const shown of careFindings(content)) findings.push({ kind: 'care', line, shown });
  });
  return findings;
}

/** What each finding is and why it matters, Japanese first. */
export const PRIVACY_REASONS: Record<PrivacyKind, Bilingual> = {
  mobile: {
    ja: '携帯電話の番号のようです。携帯の番号はその人に直接つながる個人の情報なので、本人の了解がなければ載せず、窓口や団体の電話番号を書いてください',
    en: 'looks like a mobile number, which reaches one person directly; publish it only with their consent, and give the desk’s or group’s number otherwise',
  },
  address: {
    ja: '番地までの住所のようです。だれがどこに住んでいるかが分かってしまうので、個人の住所は町名までにしてください（会場なら「会場・居場所」から選べます）',
    en: 'looks like a street address down to the house, which tells where someone lives; give a person’s address no closer than the town (a venue is chosen from places)',
  },
  care: {
    ja: '名前と一緒に「要支援者」「見守り対象」と書かれています。支援が必要なことは特に慎重に扱う個人の情報で、空き巣や詐欺に狙われるおそれもあるので、名前と一緒には載せないでください',
    en: 'names a person as needing support or being watched over: sensitive personal data that can make them a target; do not publish it next to a name',
  },
};

/** How a volunteer who has the person's consent stops the warning. */
export const PRIVACY_ACKNOWLEDGE: Bilingual = {
  ja: '本人の了解を得ているなら「個人の情報を載せる了解」（privacyConsent）にだれの了解かを書くと、このお知らせは出なくなります',
  en: 'if they agreed, say whose consent in privacyConsent and this warning stops',
};

/** The entry states consent to the private data in its body: no warning then. */
export const privacyAcknowledged = (data: Record<string, unknown>): boolean =>
  typeof data['privacyConsent'] === 'string' && data['privacyConsent'].trim() !== '';
