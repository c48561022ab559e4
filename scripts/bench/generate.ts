/**
 * Synthetic content. Every entry is a sample entry (content/) with its names, dates and
 * references replaced, so the text is real volunteer-style Japanese and every field the
 * templates use is exercised; bodies borrow a paragraph from a sibling for varied lengths.
 */
import { CHOME, ORGANIZATION_NAMES, PLACE_KINDS, SAMPLE_NAMES_RE, stemAt, type Stem } from './names.ts';
import { makeRng } from './rng.ts';
import type { Template } from './samples.ts';

/** How N entries are shared among the collections: a town's proportions, roughly. */
export function planCounts(n: number): Record<string, number> {
  const counts: Record<string, number> = {
    pages: 2,
    districts: Math.max(6, Math.round(n * 0.04)),
    organizations: Math.max(4, Math.round(n * 0.04)),
    places: Math.max(6, Math.round(n * 0.08)),
    desks: Math.max(2, Math.round(n * 0.01)),
    practices: Math.max(1, Math.round(n * 0.01)),
    newsletters: Math.max(2, Math.round(n * 0.02)),
  };
  const rest = n - Object.values(counts).reduce((a, b) => a + b, 0);
  counts['events'] = Math.round(rest * 0.3);
  counts['salons'] = Math.round(rest * 0.25);
  counts['reports'] = Math.round(rest * 0.25);
  counts['recruitments'] = rest - (counts['events'] ?? 0) - (counts['salons'] ?? 0) - (counts['reports'] ?? 0);
  return counts;
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2026, 3, 1); // 2026-04-01, the start of a Japanese fiscal year
const isoDay = (offsetDays: number) => new Date(EPOCH + offsetDays * DAY_MS).toISOString().slice(0, 10);
const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max).trimEnd());

export interface GeneratedEntry {
  collection: string;
  id: string;
  data: Record<string, unknown>;
  body: string;
}

interface District {
  id: string;
  stem: Stem;
}

interface Place {
  id: string;
  district: District;
}

/** Generates N entries (pages, districts … recruitments) that pass the schemas and references. */
export function generateContent(n: number, templates: Map<string, Template[]>): GeneratedEntry[] {
  const rng = makeRng(n * 7919 + 17);
  const counts = planCounts(n);
  const count = (name: string) => counts[name] ?? 0;
  const out: GeneratedEntry[] = [];
  const templatesOf = (name: string) => {
    const list = templates.get(name) ?? [];
    if (list.length === 0) throw new Error(`no sample entries in content/${name}/ to use as templates`);
    return list;
  };
  const localise = (text: string, stem: Stem) => text.replace(SAMPLE_NAMES_RE, stem.kanji);
  const clone = (data: Record<string, unknown>) => structuredClone(data);
  /** The template's body with, sometimes, a paragraph of a sibling: bodies of varied length. */
  const bodyFor = (name: string, template: Template, stem: Stem) => {
    let body = template.body.trimEnd();
    if (rng.chance(0.5)) {
      const other = rng.pick(templatesOf(name));
      const paragraphs = other.body.split(/\n{2,}/).filter((p) => p.trim() && !p.startsWith('※'));
      if (paragraphs.length) body = body ? `${body}\n\n${rng.pick(paragraphs)}` : rng.pick(paragraphs);
    }
    return body ? `${localise(body, stem)}\n` : '';
  };
  const push = (collection: string, id: string, data: Record<string, unknown>, body: string) =>
    out.push({ collection, id, data: { ...data, id }, body });
  const phone = () => `0000-${rng.int(10, 99)}-${rng.int(1000, 9999)}`;
  const dayIn = (fromDays: number, toDays: number) => isoDay(rng.int(fromDays, toDays));

  for (const page of templatesOf('pages').slice(0, count('pages'))) push('pages', page.id, page.data, page.body);

  // Districts: school districts, each with neighbourhood associations below it.
  const districts: District[] = [];
  const schools: District[] = [];
  const schoolCount = Math.max(2, Math.ceil(count('districts') / (CHOME.length + 1)));
  for (let i = 0; i < count('districts'); i++) {
    const template = rng.pick(templatesOf('districts'));
    const data = clone(template.data);
    let district: District;
    if (i < schoolCount) {
      const stem = stemAt(i);
      district = { id: stem.romaji, stem };
      Object.assign(data, { name: `${stem.kanji}小学校区`, kana: `${stem.kana}しょうがっこうく`, kind: 'school' });
      delete data['parent'];
      schools.push(district);
    } else {
      const parent = schools[(i - schoolCount) % schoolCount] as District;
      const chome = CHOME[Math.floor((i - schoolCount) / schoolCount) % CHOME.length] as (typeof CHOME)[number];
      const round = Math.floor((i - schoolCount) / (schoolCount * CHOME.length));
      district = { id: `${parent.id}-${chome[2]}${round ? `-${round + 1}` : ''}`, stem: parent.stem };
      Object.assign(data, {
        name: `${parent.stem.kanji}${chome[0]}`,
        kana: `${parent.stem.kana}${chome[1]}`,
        kind: 'association',
        parent: parent.id,
      });
    }
    districts.push(district);
    push('districts', district.id, data, bodyFor('districts', template, district.stem));
  }

  const organizations: string[] = [];
  for (let i = 0; i < count('organizations'); i++) {
    const template = rng.pick(templatesOf('organizations'));
    const district = schools[i % schools.length] as District;
    const [suffix, kind] = ORGANIZATION_NAMES[i % ORGANIZATION_NAMES.length] as (typeof ORGANIZATION_NAMES)[number];
    const id = `${district.id}-org-${i}`;
    const data = clone(template.data);
    Object.assign(data, { name: `${district.stem.kanji}${suffix}`, kind, districts: [district.id], phone: phone() });
    organizations.push(id);
    push('organizations', id, data, bodyFor('organizations', template, district.stem));
  }

  const places: Place[] = [];
  for (let i = 0; i < count('places'); i++) {
    const template = rng.pick(templatesOf('places'));
    const district = rng.pick(districts);
    const id = `${district.id}-place-${i}`;
    const data = clone(template.data);
    Object.assign(data, {
      name: `${district.stem.kanji}${rng.pick(PLACE_KINDS)}`,
      address: `架空県みどり野市${district.stem.kanji}${rng.int(1, 9)}-${rng.int(1, 30)}-${rng.int(1, 20)}`,
      district: district.id,
      ibasho: rng.chance(0.15),
    });
    if (typeof data['access'] === 'string') data['access'] = localise(data['access'], district.stem);
    if (data['lat'] !== undefined) data['lat'] = Number((35.5 + rng.next() * 0.3).toFixed(5));
    if (data['lng'] !== undefined) data['lng'] = Number((139.4 + rng.next() * 0.3).toFixed(5));
    if (data['phone'] !== undefined) data['phone'] = phone();
    places.push({ id, district });
    push('places', id, data, bodyFor('places', template, district.stem));
  }

  /** Common references of events, salons and recruitments: a place and its district. */
  const located = (data: Record<string, unknown>) => {
    const place = rng.pick(places);
    const home = place.district;
    const parent = districts.find((d) => d.id !== home.id && home.id.startsWith(`${d.id}-`));
    data['place'] = place.id;
    data['districts'] = parent && rng.chance(0.6) ? [home.id, parent.id] : [home.id];
    data['organizer'] = rng.pick(organizations);
    if (data['contact'] !== undefined) data['contact'] = phone();
    return home.stem;
  };
  const title = (text: string, stem: Stem) => {
    const localised = localise(text, stem);
    return localised === text ? `${stem.kanji} ${text}` : localised;
  };
  const idBase = (id: string) => id.replace(/(?:-\d{4})?(?:-\d{1,2})?(?:-report)?$/, '');

  const events: { id: string; day: string }[] = [];
  for (let i = 0; i < count('events'); i++) {
    const template = rng.pick(templatesOf('events'));
    const data = clone(template.data);
    const stem = located(data);
    const start = String(data['start']);
    const spanDays = Math.round(
      (Date.parse(String(data['end']).slice(0, 10)) - Date.parse(start.slice(0, 10))) / DAY_MS,
    );
    const day = dayIn(0, 900);
    const id = `${idBase(template.id)}-${day.slice(0, 4)}-${i}`;
    data['title'] = title(String(data['title']), stem);
    data['summary'] = clip(localise(String(data['summary']), stem), 120);
    data['start'] = `${day}${start.slice(10)}`;
    data['end'] = `${shiftDay(day, spanDays)}${String(data['end']).slice(10)}`;
    const application = data['application'] as Record<string, unknown> | undefined;
    if (application?.['deadline']) application['deadline'] = shiftDay(day, -rng.int(3, 14));
    const status = rng.next();
    if (status < 0.05) Object.assign(data, { status: 'cancelled', statusNote: '雨天と強風のため中止します。' });
    else if (status < 0.08) Object.assign(data, { status: 'postponed', statusNote: '会場の都合で延期します。' });
    else {
      data['status'] = 'scheduled';
      delete data['statusNote'];
    }
    events.push({ id, day });
    push('events', id, data, bodyFor('events', template, stem));
  }

  const salons: string[] = [];
  for (let i = 0; i < count('salons'); i++) {
    const template = rng.pick(templatesOf('salons'));
    const data = clone(template.data);
    const stem = located(data);
    const id = `${idBase(template.id)}-${i}`;
    data['title'] = title(String(data['title']), stem);
    data['summary'] = clip(localise(String(data['summary']), stem), 120);
    const schedule = data['schedule'] as Record<string, unknown>;
    const from = dayIn(-365, 365);
    schedule['validFrom'] = from;
    if (schedule['validUntil']) schedule['validUntil'] = shiftDay(from, 365);
    const spread = (list: unknown) =>
      Array.isArray(list) && list.length
        ? [...new Set(list.map(() => shiftDay(from, rng.int(7, 360))))].sort()
        : undefined;
    if (spread(schedule['skip'])) schedule['skip'] = spread(schedule['skip']);
    if (spread(schedule['dates'])) schedule['dates'] = spread(schedule['dates']);
    const application = data['application'] as Record<string, unknown> | undefined;
    if (application?.['deadline']) application['deadline'] = shiftDay(from, 14);
    data['status'] = rng.next() < 0.9 ? 'active' : rng.pick(['paused', 'ended']);
    salons.push(id);
    push('salons', id, data, bodyFor('salons', template, stem));
  }

  for (let i = 0; i < count('reports'); i++) {
    const template = rng.pick(templatesOf('reports'));
    const data = clone(template.data);
    const district = rng.pick(districts);
    const id = `${idBase(template.id)}-report-${i}`;
    data['title'] = title(String(data['title']), district.stem);
    data['districts'] = [district.id];
    data['date'] = dayIn(-300, 300);
    if (data['salon']) data['salon'] = rng.pick(salons);
    if (data['event'] && events.length) {
      const event = rng.pick(events);
      data['event'] = event.id;
      data['date'] = event.day;
    }
    if (data['organizer']) data['organizer'] = rng.pick(organizations);
    if (typeof data['participants'] === 'number') data['participants'] = rng.int(5, 120);
    if (typeof data['volunteers'] === 'number') data['volunteers'] = rng.int(1, 20);
    // Counts by audience may not add up to more than the participants (the report schema checks):
    // the template's shares of its own total, applied to the new one.
    const byAudience = data['audienceCounts'];
    const total = template.data['participants'];
    if (Array.isArray(byAudience) && typeof total === 'number' && typeof data['participants'] === 'number') {
      const participants = data['participants'];
      data['audienceCounts'] = (byAudience as { audience: string; count: number }[]).map((row) => ({
        ...row,
        count: Math.floor((row.count * participants) / Math.max(total, 1)),
      }));
    }
    push('reports', id, data, bodyFor('reports', template, district.stem));
  }

  for (let i = 0; i < count('recruitments'); i++) {
    const template = rng.pick(templatesOf('recruitments'));
    const data = clone(template.data);
    const stem = located(data);
    if (!template.data['place']) delete data['place'];
    const id = `${idBase(template.id)}-${i}`;
    data['title'] = title(String(data['title']), stem);
    for (const key of ['tasks', 'welcome', 'howToApply'])
      if (typeof data[key] === 'string') data[key] = localise(data[key], stem);
    if (data['deadline']) data['deadline'] = dayIn(0, 700);
    if (data['event'] && events.length) {
      // The cross-collection rule: the deadline comes before the event it recruits for.
      const event = rng.pick(events);
      data['event'] = event.id;
      data['deadline'] = shiftDay(event.day, -rng.int(7, 30));
    }
    data['status'] = rng.chance(0.85) ? 'open' : 'closed';
    push('recruitments', id, data, bodyFor('recruitments', template, stem));
  }

  for (let i = 0; i < count('desks'); i++) {
    const template = rng.pick(templatesOf('desks'));
    const data = clone(template.data);
    const place = rng.pick(places);
    data['name'] = localise(String(data['name']), place.district.stem);
    if (data['place']) data['place'] = place.id;
    data['phone'] = phone();
    push('desks', `${template.id}-${i}`, data, bodyFor('desks', template, place.district.stem));
  }

  for (let i = 0; i < count('practices'); i++) {
    const template = rng.pick(templatesOf('practices'));
    const data = clone(template.data);
    data['date'] = dayIn(-400, 200);
    push('practices', `${template.id}-${i}`, data, bodyFor('practices', template, rng.pick(districts).stem));
  }

  for (let i = 0; i < count('newsletters'); i++) {
    const template = rng.pick(templatesOf('newsletters'));
    const data = clone(template.data);
    const district = rng.pick(schools);
    const month = dayIn(-365, 365).slice(0, 7);
    data['month'] = month;
    data['title'] = `${district.stem.kanji}地区社協だより ${Number(month.slice(5))}月号`;
    if (data['district']) data['district'] = district.id;
    data['summary'] = clip(localise(String(data['summary']), district.stem), 200);
    data['intro'] = localise(String(data['intro']), district.stem);
    // The sample's hand-picked entries are not among the generated ones.
    delete data['picks'];
    push('newsletters', `${district.id}-dayori-${month}-${i}`, data, bodyFor('newsletters', template, district.stem));
  }
  return out;
}
