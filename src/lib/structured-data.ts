/**
 * schema.org JSON-LD, so search engines and calendar apps understand an event: when (Japan
 * time with its offset), where, whether it was cancelled or postponed, who runs it.
 */
interface PlaceData {
  name: string;
  address: string;
}

const STATUS: Record<string, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
};

export function eventJsonLd(
  event: { title: string; summary: string; start: string; end: string; status: string; fee: string },
  url: string,
  place: PlaceData | undefined,
  organizer: string | undefined,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    startDate: `${event.start}+09:00`,
    endDate: `${event.end}+09:00`,
    eventStatus: STATUS[event.status] ?? STATUS['scheduled'],
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: 'ja',
    url,
    ...(place
      ? {
          location: {
            '@type': 'Place',
            name: place.name,
            address: { '@type': 'PostalAddress', streetAddress: place.address, addressCountry: 'JP' },
          },
        }
      : {}),
    ...(organizer ? { organizer: { '@type': 'Organization', name: organizer } } : {}),
    offers: {
      '@type': 'Offer',
      description: event.fee,
      ...(event.fee === '無料' ? { price: 0, priceCurrency: 'JPY' } : {}),
    },
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so text can never close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
