/** Where a page is in each language (src/lib/i18n/paths.ts, issue 16). */
import { describe, expect, it } from 'vitest';
import { alternatesOf, existsIn, localeHref, splitLocale, withLocale } from '../../src/lib/i18n/paths.ts';

const localized = new Set(['/', '/events/']);

describe('paths by language', () => {
  it('reads the language from the prefix, Japanese without one', () => {
    expect(splitLocale('/en/')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/zh-hans/events/')).toEqual({ locale: 'zh-hans', path: '/events/' });
    expect(splitLocale('/ja-easy/salons/hidamari-salon/')).toEqual({
      locale: 'ja-easy',
      path: '/salons/hidamari-salon/',
    });
    expect(splitLocale('/events/')).toEqual({ locale: 'ja', path: '/events/' });
    // A path that only begins like a prefix is Japanese.
    expect(splitLocale('/english-class/')).toEqual({ locale: 'ja', path: '/english-class/' });
    expect(splitLocale('/never/')).toEqual({ locale: 'ja', path: '/never/' });
  });

  it('puts a page under its language’s prefix', () => {
    expect(withLocale('/', 'ja')).toBe('/');
    expect(withLocale('/', 'vi')).toBe('/vi/');
    expect(withLocale('/events/', 'pt-br')).toBe('/pt-br/events/');
  });

  it('links to the page in the reader’s language, or to the Japanese page with the notice', () => {
    expect(localeHref('/events/', 'en', localized)).toBe('/en/events/');
    expect(localeHref('/events/#upcoming', 'en', localized)).toBe('/en/events/#upcoming');
    expect(localeHref('/salons/hidamari-salon/', 'en', localized)).toBe('/salons/hidamari-salon/#lang-en');
    expect(localeHref('/salons/hidamari-salon/', 'ja', localized)).toBe('/salons/hidamari-salon/');
    // Files, other sites and anchors stay as they are.
    expect(localeHref('/flyers/events/a.pdf', 'en', localized)).toBe('/flyers/events/a.pdf');
    expect(localeHref('https://example.org/', 'en', localized)).toBe('https://example.org/');
    expect(localeHref('#main', 'en', localized)).toBe('#main');
    expect(localeHref('//example.org/', 'en', localized)).toBe('//example.org/');
  });

  it('lists the languages a page exists in', () => {
    expect(existsIn('/salons/x/', 'ja', localized)).toBe(true);
    expect(existsIn('/salons/x/', 'en', localized)).toBe(false);
    expect(alternatesOf('/salons/x/', localized)).toEqual([{ locale: 'ja', href: '/salons/x/' }]);
    expect(alternatesOf('/', localized).map((a) => a.href)).toEqual([
      '/',
      '/ja-easy/',
      '/en/',
      '/zh-hans/',
      '/ko/',
      '/vi/',
      '/pt-br/',
      '/fil/',
      '/ne/',
    ]);
  });

  it('knows a translated entry by its path in its language: that language only', () => {
    const withTranslations = new Set([...localized, '/en/salons/x/', '/ja-easy/salons/x/']);
    expect(existsIn('/salons/x/', 'en', withTranslations)).toBe(true);
    expect(existsIn('/salons/x/', 'vi', withTranslations)).toBe(false);
    expect(alternatesOf('/salons/x/', withTranslations).map((a) => a.href)).toEqual([
      '/salons/x/',
      '/ja-easy/salons/x/',
      '/en/salons/x/',
    ]);
    expect(localeHref('/salons/x/', 'en', withTranslations)).toBe('/en/salons/x/');
    expect(localeHref('/salons/x/', 'ko', withTranslations)).toBe('/salons/x/#lang-ko');
  });
});
