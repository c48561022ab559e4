import { describe, expect, it } from 'vitest';
import { eventJsonLd, jsonForScript } from '../../src/lib/structured-data.ts';

describe('schema.org Event', () => {
  it('carries Japan time with its offset, the place and a cancellation', () => {
    const ld = eventJsonLd(
      {
        title: 'もちつき大会',
        summary: 'おもちをつきます',
        start: '2026-12-27T10:00',
        end: '2026-12-27T12:00',
        status: 'cancelled',
        fee: '無料',
      },
      'https://example.jp/events/mochi/',
      { name: '団地集会所', address: '架空市あさひ台1-1' },
      'あさひ台団地自治会',
    );
    expect(ld).toMatchObject({
      '@type': 'Event',
      startDate: '2026-12-27T10:00+09:00',
      eventStatus: 'https://schema.org/EventCancelled',
      location: { name: '団地集会所', address: { streetAddress: '架空市あさひ台1-1' } },
      organizer: { name: 'あさひ台団地自治会' },
      offers: { price: 0, priceCurrency: 'JPY' },
    });
  });
  it('cannot be broken out of its script tag', () => {
    expect(jsonForScript({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
