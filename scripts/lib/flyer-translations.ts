/**
 * Sample translations of one salon (content/salons/hidamari-salon.ja.md) in English,
 * Vietnamese, Simplified Chinese, Korean and Nepali, merged over the Japanese entry as the
 * content loader merges a `<id>.<locale>.md` (the free-text fields and the body; places,
 * dates and everything else stay the entry's). The flyer samples (`npm run flyers:samples --
 * --translations`) and the translated-flyer test render them, before real translations exist.
 */
import type { FlyerTranslation } from '../../src/flyers/content.ts';
import type { ValidEntry } from '../../src/lib/validation/validate.ts';

type Locale = FlyerTranslation['locale'];

interface Sample {
  title: string;
  summary: string;
  fee: string;
  body: string;
}

export const SAMPLE_ENTRY = { collection: 'salons', id: 'hidamari-salon' } as const;

export const SAMPLE_TRANSLATIONS = {
  en: {
    title: 'Friendship Salon “Hidamari”',
    summary:
      'On the second Wednesday morning of each month, chat over tea in the Japanese-style room of the community centre. Exercises, songs and seasonal crafts too.',
    fee: '100 yen (for the tea)',
    body: `Whether you live alone or as a couple, everyone is welcome. No need to sign up.

- 10:00 Start and health check (blood pressure)
- 10:15 Exercises and songs together
- 10:45 Tea and a chat, seasonal crafts
- 12:00 End`,
  },
  vi: {
    title: 'Phòng sinh hoạt giao lưu “Hidamari”',
    summary:
      'Sáng thứ Tư tuần thứ hai hằng tháng, cùng uống trà và trò chuyện trong phòng kiểu Nhật của nhà văn hóa. Có cả thể dục, hát và làm đồ thủ công theo mùa.',
    fee: '100 yên (tiền trà)',
    body: `Dù sống một mình hay cùng vợ chồng, ai cũng có thể đến. Không cần đăng ký.

- 10:00 Bắt đầu, kiểm tra sức khỏe (đo huyết áp)
- 10:15 Cùng nhau tập thể dục, hát
- 10:45 Uống trà, trò chuyện, làm đồ thủ công theo mùa
- 12:00 Kết thúc`,
  },
  'zh-hans': {
    title: '交流沙龙“向阳”',
    summary: '每月第二个星期三上午，在公民馆的和室里一边喝茶一边聊天。还有体操、唱歌和季节手工。',
    fee: '100日元（茶水费）',
    body: `独居的人、夫妻都欢迎，请随时来参加。无需报名。

- 10:00 开始，健康检查（测量血压）
- 10:15 大家一起做体操、唱歌
- 10:45 喝茶聊天，季节手工
- 12:00 结束`,
  },
  ko: {
    title: '어울림 살롱 「히다마리」',
    summary:
      '매월 둘째 주 수요일 오전, 공민관 다다미방에서 차를 마시며 이야기를 나눕니다. 체조와 노래, 계절 만들기도 즐길 수 있습니다.',
    fee: '100엔 (찻값)',
    body: `혼자 사시는 분도, 부부도 누구나 편하게 오세요. 신청은 필요 없습니다.

- 10:00 시작, 건강 체크 (혈압 측정)
- 10:15 다 함께 체조와 노래
- 10:45 차와 이야기, 계절 만들기
- 12:00 끝`,
  },
  ne: {
    title: 'भेटघाट सैलुन “हिदामारी”',
    summary:
      'हरेक महिनाको दोस्रो बुधबार बिहान, सामुदायिक भवनको जापानी कोठामा चिया पिउँदै गफ गरौं। व्यायाम, गीत र मौसमी हस्तकला पनि छन्।',
    fee: '100 येन (चियाको खर्च)',
    body: `एक्लै बस्ने होस् वा दम्पती, सबैलाई स्वागत छ। दर्ता गर्नु पर्दैन।

- 10:00 सुरु, स्वास्थ्य जाँच (रक्तचाप नाप्ने)
- 10:15 सबै मिलेर व्यायाम र गीत
- 10:45 चिया र गफ, मौसमी हस्तकला
- 12:00 समाप्त`,
  },
} as const satisfies Partial<Record<Locale, Sample>>;

export type SampleLocale = keyof typeof SAMPLE_TRANSLATIONS;
export const SAMPLE_LOCALES = Object.keys(SAMPLE_TRANSLATIONS) as SampleLocale[];

/** The sample salon's translations in `locales`, merged over its Japanese entry. */
export function sampleTranslations(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  locales: readonly SampleLocale[] = SAMPLE_LOCALES,
): FlyerTranslation[] {
  const entry = entries.get(SAMPLE_ENTRY.collection)?.find((e) => e.id === SAMPLE_ENTRY.id);
  if (!entry) throw new Error(`content/${SAMPLE_ENTRY.collection}/${SAMPLE_ENTRY.id}.ja.md is missing`);
  return locales.map((locale) => {
    const { body, ...fields } = SAMPLE_TRANSLATIONS[locale];
    return {
      collection: SAMPLE_ENTRY.collection,
      entry,
      locale,
      data: { ...entry.parsed, ...fields },
      body,
      file: `content/${SAMPLE_ENTRY.collection}/${SAMPLE_ENTRY.id}.${locale}.md`,
    };
  });
}
