/**
 * `npm run bench`: how the build, the flyers, the pages and search scale with the number of
 * entries, measured against a bare Astro site of the same size built in the same run (the
 * machine is shared and has 2 cores, so only the ratio is comparable between runs).
 *
 *   npm run bench                      N = 100, 1,000 and 10,000
 *   npm run bench -- --quick           N = 100 only (under 2 minutes)
 *   npm run bench -- --sizes 100,3000  chosen sizes
 *   npm run bench -- --from-git        build the committed HEAD instead of the working tree
 *   npm run bench -- --keep            keep the temporary projects (paths are printed)
 *   npm run bench -- --content-only    generate and validate only (profiling the checks)
 *   npm run bench -- --report-only     rewrite docs/BENCHMARKS.md from docs/benchmarks.json
 *   npm run bench -- --skip-flyers-above 1000   leave the flyers step out for larger N
 *
 * Writes docs/benchmarks.json (rows merged by N, so a quick run does not erase the full table)
 * and docs/BENCHMARKS.md (regenerated from the JSON; the hand-written notes between the
 * `<!-- notes -->` markers are kept).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { contentTypes, contentTypeByName } from '../src/schemas/index.ts';
import type { ContentType } from '../src/schemas/define.ts';
import { readContentFile, scanCollection } from '../src/lib/content/files.ts';
import { serializeData, serializeEntry } from '../src/lib/content/serialize.ts';
import { describeFields } from '../src/lib/schema/walk.ts';
import { validateContent } from '../src/lib/validation/validate.ts';
import { formatReport } from '../src/lib/validation/messages.ts';
import { childEnv, freePort } from '../tests/e2e/helpers/project.ts';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS_JSON = join(ROOT, 'docs', 'benchmarks.json');
const DOCS_MD = join(ROOT, 'docs', 'BENCHMARKS.md');
const SEARCH_QUERY = 'サロン';
/** Results whose data a search page shows at once (Pagefind's default UI loads 5). */
const RESULTS_LOADED = 5;

// ---------------------------------------------------------------------------------------------
// Command line

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const QUICK = flag('--quick');
const KEEP = flag('--keep');
const FROM_GIT = flag('--from-git');
const CONTENT_ONLY = flag('--content-only');
/** Flyers render at a few per second: at large N they can take longer than everything else. */
const SKIP_FLYERS_ABOVE = Number(option('--skip-flyers-above') ?? Infinity);
const SIZES = (option('--sizes') ?? (QUICK ? '100' : '100,1000,10000'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 50);
if (SIZES.length === 0) throw new Error('--sizes wants numbers of entries ≥ 50, e.g. --sizes 100,1000');

const started = performance.now();
const log = (message: string) => {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${s}s] ${message}`);
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: the same N gives the same site, so two runs compare like with like.

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(next() * list.length)] as T;
  };
  return { next, int, pick, chance: (p) => next() < p };
}

// ---------------------------------------------------------------------------------------------
// Synthetic content. Every entry is a sample entry (content/) with its names, dates and
// references replaced, so the text is real volunteer-style Japanese and every field the
// templates use is exercised; bodies borrow a paragraph from a sibling for varied lengths.

/** Town-part names (kanji, reading, romaji) the synthetic districts are built from. */
const STEMS: readonly (readonly [string, string, string])[] = [
  ['桜ヶ丘', 'さくらがおか', 'sakuragaoka'],
  ['青葉台', 'あおばだい', 'aobadai'],
  ['旭町', 'あさひまち', 'asahimachi'],
  ['若松', 'わかまつ', 'wakamatsu'],
  ['緑ヶ丘', 'みどりがおか', 'midorigaoka'],
  ['東町', 'ひがしまち', 'higashimachi'],
  ['西原', 'にしはら', 'nishihara'],
  ['南台', 'みなみだい', 'minamidai'],
  ['北野', 'きたの', 'kitano'],
  ['中央', 'ちゅうおう', 'chuo'],
  ['栄町', 'さかえまち', 'sakaemachi'],
  ['宮前', 'みやまえ', 'miyamae'],
  ['松ヶ枝', 'まつがえ', 'matsugae'],
  ['梅田', 'うめだ', 'umeda'],
  ['竹の内', 'たけのうち', 'takenouchi'],
  ['藤見台', 'ふじみだい', 'fujimidai'],
  ['柳川', 'やながわ', 'yanagawa'],
  ['浜町', 'はまちょう', 'hamacho'],
  ['山手', 'やまて', 'yamate'],
  ['花園', 'はなぞの', 'hanazono'],
  ['日の出', 'ひので', 'hinode'],
  ['平和台', 'へいわだい', 'heiwadai'],
  ['朝日', 'あさひ', 'asahi'],
  ['泉', 'いずみ', 'izumi'],
  ['白鳥', 'しらとり', 'shiratori'],
  ['高砂', 'たかさご', 'takasago'],
  ['富士見', 'ふじみ', 'fujimi'],
  ['春日', 'かすが', 'kasuga'],
  ['錦', 'にしき', 'nishiki'],
  ['八幡', 'やはた', 'yahata'],
  ['稲荷', 'いなり', 'inari'],
  ['星が丘', 'ほしがおか', 'hoshigaoka'],
  ['光が丘', 'ひかりがおか', 'hikarigaoka'],
  ['清水', 'しみず', 'shimizu'],
  ['大原', 'おおはら', 'ohara'],
  ['小松', 'こまつ', 'komatsu'],
  ['岡田', 'おかだ', 'okada'],
  ['杉並台', 'すぎなみだい', 'suginamidai'],
  ['緑町', 'みどりちょう', 'midoricho'],
  ['寿町', 'ことぶきちょう', 'kotobukicho'],
];
const STEM_PREFIXES: readonly (readonly [string, string, string])[] = [
  ['', '', ''],
  ['北', 'きた', 'kita-'],
  ['南', 'みなみ', 'minami-'],
  ['東', 'ひがし', 'higashi-'],
  ['西', 'にし', 'nishi-'],
];
const CHOME: readonly (readonly [string, string, string])[] = [
  ['一丁目町内会', 'いっちょうめちょうないかい', '1'],
  ['二丁目町内会', 'にちょうめちょうないかい', '2'],
  ['三丁目町内会', 'さんちょうめちょうないかい', '3'],
  ['四丁目町内会', 'よんちょうめちょうないかい', '4'],
  ['五丁目町内会', 'ごちょうめちょうないかい', '5'],
  ['団地自治会', 'だんちじちかい', 'danchi'],
  ['六丁目町内会', 'ろくちょうめちょうないかい', '6'],
  ['七丁目町内会', 'ななちょうめちょうないかい', '7'],
  ['八丁目町内会', 'はっちょうめちょうないかい', '8'],
  ['九丁目町内会', 'きゅうちょうめちょうないかい', '9'],
];
const PLACE_KINDS = ['公民館', '集会所', '地区センター', 'コミュニティセンター', '老人憩の家', '児童館', '福祉会館'];
const ORGANIZATION_NAMES: readonly (readonly [string, string])[] = [
  ['地区社会福祉協議会', 'district-shakyo'],
  ['連合町内会', 'association'],
  ['自主防災会', 'other'],
  ['地区民生委員児童委員協議会', 'minsei'],
  ['ボランティアの会', 'volunteer'],
  ['子育て応援団', 'volunteer'],
  ['老人クラブ', 'other'],
  ['まちづくり協議会', 'other'],
];
/** Names in the sample text that are replaced by the synthetic entry's own district. */
const SAMPLE_NAMES = [
  'みどり野東',
  'みどり野西',
  '若葉三丁目',
  '若葉',
  '旭台団地',
  '旭台',
  '川端',
  '西町',
  '本町一丁目',
  '本町',
];
const SAMPLE_NAMES_RE = new RegExp(SAMPLE_NAMES.join('|'), 'g');

interface Stem {
  kanji: string;
  kana: string;
  romaji: string;
}

const stemAt = (i: number): Stem => {
  const base = STEMS[i % STEMS.length] as (typeof STEMS)[number];
  const prefix = STEM_PREFIXES[Math.floor(i / STEMS.length) % STEM_PREFIXES.length] as (typeof STEM_PREFIXES)[number];
  const round = Math.floor(i / (STEMS.length * STEM_PREFIXES.length));
  // Past 200 school districts the names repeat with a number; ids must stay unique.
  return {
    kanji: `${prefix[0]}${base[0]}${round ? `第${round + 1}` : ''}`,
    kana: `${prefix[1]}${base[1]}`,
    romaji: `${prefix[2]}${base[2]}${round ? `-${round + 1}` : ''}`,
  };
};

interface Template {
  id: string;
  data: Record<string, unknown>;
  body: string;
}

function loadTemplates(): Map<string, Template[]> {
  const byType = new Map<string, Template[]>();
  for (const type of contentTypes) {
    if (type.file) continue;
    const list = scanCollection(ROOT, type).entries.map((file) => {
      const entry = readContentFile(ROOT, type, file);
      return { id: entry.id, data: entry.data as Record<string, unknown>, body: entry.body };
    });
    byType.set(type.name, list);
  }
  return byType;
}

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
const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max).trimEnd());

interface GeneratedEntry {
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
    push('newsletters', `${district.id}-dayori-${month}-${i}`, data, bodyFor('newsletters', template, district.stem));
  }
  return out;
}

const fieldOrders = new Map<string, string[]>();
function fieldOrderOf(type: ContentType): string[] {
  let order = fieldOrders.get(type.name);
  if (!order) fieldOrders.set(type.name, (order = describeFields(type.schema).map((f) => f.name)));
  return order;
}

function writeEntry(root: string, entry: GeneratedEntry) {
  const type = contentTypeByName.get(entry.collection);
  if (!type) throw new Error(`unknown collection ${entry.collection}`);
  writeFileSync(
    join(root, 'content', entry.collection, `${entry.id}.ja.md`),
    serializeEntry(entry.data, entry.body, fieldOrderOf(type)),
  );
}

function writeContent(root: string, entries: GeneratedEntry[]) {
  rmSync(join(root, 'content'), { recursive: true, force: true });
  for (const type of contentTypes) if (!type.file) mkdirSync(join(root, 'content', type.name), { recursive: true });
  mkdirSync(join(root, 'content', 'settings'), { recursive: true });
  const settings = contentTypeByName.get('settings');
  if (settings?.file) {
    const site = readContentFile(ROOT, settings, settings.file).data as Record<string, unknown>;
    writeFileSync(join(root, settings.file), serializeData(site, fieldOrderOf(settings)));
  }
  for (const entry of entries) writeEntry(root, entry);
}

// ---------------------------------------------------------------------------------------------
// Projects

const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'coverage', '.cache', 'content']);

/**
 * node_modules as a folder of links, one per package, rather than one link to the whole
 * folder: Astro and Vite keep caches in node_modules/.astro and node_modules/.vite, and
 * those must belong to this copy (a shared data-store.json would mix content between builds).
 */
function linkNodeModules(dir: string) {
  const target = join(dir, 'node_modules');
  mkdirSync(target);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(target, name));
  }
}

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-bench-'));
  if (FROM_GIT) {
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive HEAD | tar -x -C "${dir}"`]);
    rmSync(join(dir, 'content'), { recursive: true, force: true });
  } else {
    for (const name of readdirSync(ROOT))
      if (!SKIP.has(name)) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  linkNodeModules(dir);
  return dir;
}

/** The bare Astro site: one layout, one catch-all page over a glob collection, no schemas. */
function makeBaseline(contentFrom: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-baseline-'));
  const files: Record<string, string> = {
    'package.json': '{ "name": "bench-baseline", "private": true, "type": "module" }\n',
    'astro.config.mjs':
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always' });\n",
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: '**/*.ja.md', base: './content', generateId: ({ entry }) => entry.replace(/\\.ja\\.md$/, '') }),
  }),
};
`,
    'src/layouts/Page.astro': `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="ja">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><header><a href="/">Home</a></header><main><slot /></main></body>
</html>
<style>
  body { font-family: sans-serif; line-height: 1.7; max-width: 40rem; margin: 0 auto; padding: 1rem; }
  header { border-block-end: 1px solid #ccc; }
</style>
`,
    'src/pages/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
import Page from '../layouts/Page.astro';
export async function getStaticPaths() {
  return (await getCollection('entries')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const title = String(entry.data.title ?? entry.data.name ?? entry.id);
---
<Page title={title}><article><h1>{title}</h1><Content /></article></Page>
`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  cpSync(join(contentFrom, 'content'), join(dir, 'content'), { recursive: true });
  linkNodeModules(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Running and measuring a command

const PAGE_SIZE = 4096;

/** Resident memory of a process and all its descendants (shared pages counted per process). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [rootPid];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface StageResult {
  name: string;
  command: string;
  ms: number;
  /** User + system CPU time of the stage and its children: less moved by other load than wall time. */
  cpuMs?: number;
  peakRssBytes: number;
  /** Steps an integration ran inside this stage and timed in its log (Pagefind, flyers). */
  inner: Record<string, number>;
  output: string;
}

/**
 * "[tsunagari] Pagefind: 115 pages indexed in 2 ms after rendering (310 ms in all beside the
 * build, …)": steps that run inside `astro build`.
 */
function innerSteps(output: string): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const [name, re] of [
    ['pagefind', /pagefind[^\n]*?\bin\s+([\d.]+)\s*(ms|s)\b/i],
    // Since search is indexed in a worker beside the pages: its own time, hidden behind them.
    ['pagefind alongside', /pagefind[^\n]*?\(([\d.]+)\s*(ms|s) in all beside/i],
    ['flyers', /flyers?[^\n]*?\bin\s+([\d.]+)\s*(ms|s)\b/i],
  ] as const) {
    const m = re.exec(output);
    if (m) steps[name] = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  }
  return steps;
}

const TIME = '/usr/bin/time';

function runStage(name: string, command: string, cwd: string): Promise<StageResult> {
  const env = childEnv({ PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}` });
  // GNU time adds up the CPU time of every descendant the command waited for (workers, Pagefind).
  const timeFile = join(cwd, `.bench-time-${process.pid}`);
  const [file, args] = existsSync(TIME)
    ? [TIME, ['-f', '%U %S', '-o', timeFile, 'sh', '-c', command]]
    : ['sh', ['-c', command]];
  const t0 = performance.now();
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let peak = 0;
  const sample = () => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  };
  // Short stages (Pagefind on 100 pages) end within one interval: sample at once, then often.
  setImmediate(sample);
  const timer = setInterval(sample, 100);
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((done, fail) => {
    child.once('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      if (code !== 0) return fail(new Error(`${command} failed (${code}) in ${cwd}:\n${output.slice(-6000)}`));
      let cpuMs: number | undefined;
      if (existsSync(timeFile)) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = ((user ?? 0) + (system ?? 0)) * 1000;
        rmSync(timeFile);
      }
      const inner = name === 'astro' ? innerSteps(output) : {};
      done({ name, command, ms, ...(cpuMs === undefined ? {} : { cpuMs }), peakRssBytes: peak, inner, output });
    });
  });
}

interface Stage {
  name: string;
  command: string;
  /** Skip the stage when the stages before it already made this file (relative to the project). */
  unlessExists?: string;
}

/**
 * The stages of `npm run build` in the copy, each run on its own so it can be timed: the
 * build script split at `&&` (with `npm run x` expanded), plus the flyers and Pagefind
 * steps when the project has them but its build script does not run them yet.
 */
function buildStages(dir: string): Stage[] {
  const scripts =
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const expand = (script: string, depth = 0): string[] =>
    script
      .split('&&')
      .map((s) => s.trim())
      .filter(Boolean)
      .flatMap((cmd) => {
        const npmRun = /^npm run ([\w:.-]+)$/.exec(cmd);
        return npmRun && depth < 5 ? expand(scripts[npmRun[1] ?? ''] ?? '', depth + 1) : [cmd];
      });
  const nameOf = (cmd: string) =>
    /astro\s+build/.test(cmd) ? 'astro' : /flyer/i.test(cmd) ? 'flyers' : /pagefind/.test(cmd) ? 'pagefind' : cmd;
  const stages: Stage[] = expand(scripts['build'] ?? 'astro build').map((command) => ({
    name: nameOf(command),
    command,
  }));
  if (!stages.some((s) => s.name === 'flyers') && existsSync(join(dir, 'scripts', 'flyers.ts'))) {
    const at = stages.findIndex((s) => s.name === 'astro') + 1;
    stages.splice(at, 0, { name: 'flyers', command: 'node scripts/flyers.ts' });
  }
  // The project may index inside `astro build` (an integration); then this stage is skipped.
  if (!stages.some((s) => s.name === 'pagefind'))
    stages.push({ name: 'pagefind', command: 'pagefind --site dist', unlessExists: 'dist/pagefind/pagefind.js' });
  return stages;
}

/** "12 rendered, 3 skipped" / "描画 12件" …: what the flyers step says it did, if it says so. */
function flyerCounts(output: string): { rendered?: number; skipped?: number } {
  const num = (re: RegExp) => {
    const m = re.exec(output);
    return m?.[1] === undefined ? undefined : Number(m[1].replace(/,/g, ''));
  };
  const rendered =
    num(/(\d[\d,]*)\s*(?:flyers?\s*)?(?:re-?)?rendered/i) ?? num(/(?:re-?)?render(?:ed)?\s*[:=]?\s*(\d[\d,]*)/i);
  const skipped =
    num(/(\d[\d,]*)\s*(?:flyers?\s*)?(?:skipped|cached|unchanged)/i) ?? num(/skipped\s*[:=]?\s*(\d[\d,]*)/i);
  return { ...(rendered === undefined ? {} : { rendered }), ...(skipped === undefined ? {} : { skipped }) };
}

// ---------------------------------------------------------------------------------------------
// Measuring dist/

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

const dirBytes = (dir: string) => {
  let total = 0;
  if (existsSync(dir)) for (const file of walk(dir)) total += statSync(file).size;
  return total;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? 0
    : sorted.length % 2
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

interface PageStats {
  pages: number;
  htmlCssGzipMedian: number;
  htmlCssGzipMax: number;
  htmlCssGzipMaxPage: string;
  htmlCssGzipOver30k: number;
  jsGzipMedian: number;
  jsGzipMax: number;
  jsGzipMaxPage: string;
  flyerPdfs: number;
}

/**
 * Per page: its HTML plus the CSS files it links, each gzipped as a server would send them;
 * scripts it loads (files it names plus inline code, not JSON-LD). The CMS page (admin/) is
 * not a resident-facing page and is left out.
 */
function measurePages(dist: string): PageStats {
  const gzipped = (buffer: Buffer | string) => gzipSync(buffer, { level: 6 }).length;
  const fileGzip = new Map<string, number>();
  const gzipOfFile = (path: string) => {
    let size = fileGzip.get(path);
    if (size === undefined) fileGzip.set(path, (size = existsSync(path) ? gzipped(readFileSync(path)) : 0));
    return size;
  };
  const resolveUrl = (url: string, htmlFile: string) => {
    if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
    const path = url.split(/[?#]/)[0] ?? '';
    return path.startsWith('/') ? join(dist, path) : join(dirname(htmlFile), path);
  };
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  const css: number[] = [];
  const js: number[] = [];
  let maxCss = { size: -1, page: '' };
  let maxJs = { size: -1, page: '' };
  let flyerPdfs = 0;
  for (const file of walk(dist)) {
    const rel = relative(dist, file);
    if (rel.endsWith('.pdf')) flyerPdfs++;
    if (!rel.endsWith('.html') || rel.startsWith('admin/') || rel.startsWith('pagefind/')) continue;
    const html = readFileSync(file, 'utf8');
    let cssBytes = gzipped(html);
    for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
      const href = attr(tag, 'href');
      if (/stylesheet/i.test(attr(tag, 'rel') ?? '') && href) {
        const path = resolveUrl(href, file);
        if (path) cssBytes += gzipOfFile(path);
      }
    }
    let jsBytes = 0;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const attrs = m[1] ?? '';
      if (/application\/(?:ld\+)?json/i.test(attr(`<s ${attrs}>`, 'type') ?? '')) continue;
      const src = attr(`<s ${attrs}>`, 'src');
      const path = src ? resolveUrl(src, file) : undefined;
      if (path) jsBytes += gzipOfFile(path);
      else if ((m[2] ?? '').trim()) jsBytes += gzipped(m[2] ?? '');
    }
    const page = `/${rel.replace(/index\.html$/, '')}`;
    css.push(cssBytes);
    js.push(jsBytes);
    if (cssBytes > maxCss.size) maxCss = { size: cssBytes, page };
    if (jsBytes > maxJs.size) maxJs = { size: jsBytes, page };
  }
  return {
    pages: css.length,
    htmlCssGzipMedian: median(css),
    htmlCssGzipMax: maxCss.size,
    htmlCssGzipMaxPage: maxCss.page,
    htmlCssGzipOver30k: css.filter((b) => b > 30 * 1024).length,
    jsGzipMedian: median(js),
    jsGzipMax: Math.max(0, maxJs.size),
    jsGzipMaxPage: maxJs.page,
    flyerPdfs,
  };
}

// ---------------------------------------------------------------------------------------------
// Search in Chromium

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);
/** A page in Japanese, like the site's: Pagefind picks the index language from <html lang>. */
const BENCH_PAGE =
  '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

/** dist/ over HTTP as a static host would serve it (text gzipped; Pagefind's files already are). */
function serve(dist: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__bench__/') {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] ?? '' }).end(BENCH_PAGE);
      return;
    }
    let path = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!path.startsWith(dist) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const ext = extname(path);
    let body = readFileSync(path);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' };
    if (COMPRESSIBLE.has(ext) && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

interface SearchResult {
  query: string;
  results: number;
  firstTitles: string[];
  bytes: number;
  requests: number;
  /** Every Pagefind file the first query fetched: what to shrink when the total is over budget. */
  fetched: { path: string; bytes: number }[];
  timeToResultsMs: number;
}

async function measureSearch(dist: string): Promise<SearchResult | undefined> {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) return undefined;
  const port = await freePort();
  const server = await serve(dist, port);
  const browser = await launchChromium();
  try {
    // A fresh context: nothing cached, as for a resident's first search.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/__bench__/`);
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/'))
        sizes.push(
          request.sizes().then((s) => ({
            path: new URL(request.url()).pathname,
            bytes: s.responseBodySize + s.responseHeadersSize,
          })),
        );
    });
    const found = await page.evaluate(
      async ({ url, query, loaded }) => {
        const t0 = performance.now();
        const pagefind = await import(url);
        const search = await pagefind.search(query);
        const data = await Promise.all(
          search.results.slice(0, loaded).map((r: { data: () => Promise<{ meta: { title?: string } }> }) => r.data()),
        );
        return {
          ms: performance.now() - t0,
          count: search.results.length as number,
          titles: data.map((d) => d.meta.title ?? ''),
        };
      },
      { url: '/pagefind/pagefind.js', query: SEARCH_QUERY, loaded: RESULTS_LOADED },
    );
    // requestfinished reaches Node a moment after the page has the bytes.
    await page.waitForTimeout(300);
    const fetched = await Promise.all(sizes);
    const bytes = fetched.reduce((a, f) => a + f.bytes, 0);
    await context.close();
    return {
      query: SEARCH_QUERY,
      results: found.count,
      firstTitles: found.titles,
      bytes,
      requests: sizes.length,
      fetched,
      timeToResultsMs: found.ms,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// One N

interface StageSummary {
  name: string;
  command: string;
  ms: number;
  cpuMs?: number;
  peakRssBytes: number;
  inner: Record<string, number>;
}

interface BuildSummary {
  stages: StageSummary[];
  totalMs: number;
  /** NaN when GNU time was not there to measure it. */
  totalCpuMs: number;
  peakRssBytes: number;
}

interface RunResult {
  n: number;
  date: string;
  loadAverage: string;
  counts: Record<string, number>;
  generateMs: number;
  validateMs: number;
  build: BuildSummary;
  pagesPerSecond: number;
  flyers?: { count: number; perSecond: number; rendered?: number; skipped?: number };
  /** The flyers step exists but was left out at this N (--skip-flyers-above). */
  flyersNotRun?: boolean;
  distBytes: number;
  pagefindBytes: number;
  pageStats: PageStats;
  search?: SearchResult;
  baseline: BuildSummary & { pages: number; distBytes: number };
  /** Site (pages + search) wall times of each build, ms; the site ratio is of their medians. */
  siteRuns?: { ours: number[]; baseline: number[] };
  /** Ours ÷ baseline: pages alone, pages + search, and the CPU time of pages + search. */
  ratio: { pages: number; site: number; siteCpu: number };
  incremental: BuildSummary & { changed: string; flyersRendered?: number; unchangedFlyersRendered?: number };
}

const summarise = (results: StageResult[]): BuildSummary => ({
  // The logs stay in the copy (bench-*.log), out of the JSON.
  stages: results.map((r) => ({
    name: r.name,
    command: r.command,
    ms: r.ms,
    ...(r.cpuMs === undefined ? {} : { cpuMs: r.cpuMs }),
    peakRssBytes: r.peakRssBytes,
    inner: r.inner,
  })),
  totalMs: results.reduce((a, r) => a + r.ms, 0),
  totalCpuMs: results.reduce((a, r) => a + (r.cpuMs ?? Number.NaN), 0),
  peakRssBytes: Math.max(0, ...results.map((r) => r.peakRssBytes)),
});

const sumInner = (build: BuildSummary, name: string) => build.stages.reduce((a, st) => a + (st.inner[name] ?? 0), 0);

/**
 * Time spent on pages, search and flyers, wherever each ran: a separate stage, or inside
 * `astro build` through an integration that logged its own time (then taken out of "pages").
 */
function phases(build: BuildSummary): { pages: number; search: number; flyers: number } {
  const sum = (f: (s: StageSummary) => number) => build.stages.reduce((a, st) => a + f(st), 0);
  const inner = (name: string) => sum((st) => st.inner[name] ?? 0);
  const stage = (name: string) => sum((st) => (st.name === name ? st.ms : 0));
  return {
    pages: stage('astro') - inner('pagefind') - inner('flyers'),
    search: stage('pagefind') + inner('pagefind'),
    flyers: stage('flyers') + inner('flyers'),
  };
}

/**
 * CPU time of every stage but flyers (the baseline has none), for the CPU ratio. NaN when a
 * step ran inside `astro build`: Pagefind's Node API starts a service process that GNU time
 * does not count (measured: 0.04 s CPU for a 2.4 s index), so the sum would flatter us.
 */
const siteCpu = (build: BuildSummary) =>
  build.stages.some((st) => Object.keys(st.inner).length)
    ? Number.NaN
    : build.stages.filter((st) => st.name !== 'flyers').reduce((a, st) => a + (st.cpuMs ?? Number.NaN), 0);

async function runBuild(label: string, phase: string, dir: string, stages: Stage[]) {
  const results: StageResult[] = [];
  for (const stage of stages) {
    if (stage.unlessExists && existsSync(join(dir, stage.unlessExists))) {
      log(`${label}: ${stage.name} already done by the build (${stage.unlessExists})`);
      continue;
    }
    log(`${label}: ${stage.command} …`);
    // Each stage starts with the disk idle: otherwise it pays for writing out the last one's
    // files (ours writes ~15 times the baseline's), and builds got slower through a run.
    execFileSync('sync');
    const result = await runStage(stage.name, stage.command, dir);
    writeFileSync(join(dir, `bench-${phase}-${stage.name.replace(/\W+/g, '_')}.log`), result.output);
    const inner = Object.entries(result.inner).map(([k, ms]) => `, of which ${k} ${(ms / 1000).toFixed(1)} s`);
    log(
      `${label}: ${stage.name} ${(result.ms / 1000).toFixed(1)} s${inner.join('')}, peak RSS ${mb(result.peakRssBytes)}`,
    );
    results.push(result);
  }
  return results;
}

/** " (median of 5.4, 5.7, 6.5 s)" when the site was built more than once. */
const siteRunsText = (runs: number[] | undefined) =>
  runs && runs.length > 1 ? ` (median of ${runs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s)` : '';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const BASELINE: Stage[] = [
  { name: 'astro', command: 'astro build' },
  { name: 'pagefind', command: 'pagefind --site dist' },
];
/** What a first build finds missing in a fresh copy: its output and Astro's and Vite's caches. */
const COLD = ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'];
/**
 * How many times the site (pages + search) is built for the ratio: its median counts. Three at
 * every N: two runs at N = 10,000 an hour apart gave ×1.39 and ×1.55, the baseline alone
 * moving 17.0–19.4 s.
 */
const SITE_REPEATS = 3;

async function benchN(n: number, templates: Map<string, Template[]>): Promise<RunResult | undefined> {
  log(`N=${n}: generating content`);
  const load = loadAverage();
  const dir = copyProject();
  const t0 = performance.now();
  const entries = generateContent(n, templates);
  writeContent(dir, entries);
  const generateMs = performance.now() - t0;
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.collection] = (counts[e.collection] ?? 0) + 1;
  log(`N=${n}: ${entries.length} entries in ${dir} (${(generateMs / 1000).toFixed(1)} s)`);

  // The same check the build starts with, timed on its own: it runs before Astro reads a file.
  const v0 = performance.now();
  const { problems } = validateContent(dir);
  const validateMs = performance.now() - v0;
  if (problems.length) throw new Error(`synthetic content does not validate:\n${formatReport(problems.slice(0, 20))}`);
  log(`N=${n}: content valid (validation ${(validateMs / 1000).toFixed(2)} s)`);
  if (CONTENT_ONLY) {
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }

  const baselineDir = makeBaseline(dir);
  const baselineResults = await runBuild(`N=${n} baseline`, 'build', baselineDir, BASELINE);
  const baselinePages = [...walk(join(baselineDir, 'dist'))].filter((f) => f.endsWith('.html')).length;
  const baseline = {
    ...summarise(baselineResults),
    pages: baselinePages,
    distBytes: dirBytes(join(baselineDir, 'dist')),
  };

  const allStages = buildStages(dir);
  const flyersNotRun = n > SKIP_FLYERS_ABOVE && allStages.some((st) => st.name === 'flyers');
  const stages = flyersNotRun ? allStages.filter((st) => st.name !== 'flyers') : allStages;
  const build = summarise(await runBuild(`N=${n} tsunagari`, 'build', dir, stages));
  // Repeats, so one stray burst of load does not swing the ratio; each is cold like the first
  // (caches removed), ours and the baseline alternating.
  const siteMs = (b: BuildSummary) => phases(b).pages + phases(b).search;
  const site = { ours: [siteMs(build)], baseline: [siteMs(baseline)] };
  for (let i = 1; i < SITE_REPEATS; i++) {
    for (const d of [baselineDir, dir]) for (const c of COLD) rmSync(join(d, c), { recursive: true, force: true });
    site.baseline.push(siteMs(summarise(await runBuild(`N=${n} baseline, again`, 'again', baselineDir, BASELINE))));
    const siteStages = stages.filter((st) => st.name !== 'flyers');
    site.ours.push(siteMs(summarise(await runBuild(`N=${n} tsunagari, again`, 'again', dir, siteStages))));
  }
  const dist = join(dir, 'dist');
  log(`N=${n}: measuring pages`);
  const pageStats = measurePages(dist);
  const ours = phases(build);
  let flyers: RunResult['flyers'];
  if (ours.flyers > 0) {
    const log = build.stages.find((s) => s.name === 'flyers') ? 'bench-build-flyers.log' : 'bench-build-astro.log';
    const said = flyerCounts(readFileSync(join(dir, log), 'utf8'));
    const count = said.rendered ?? pageStats.flyerPdfs;
    flyers = { count, perSecond: count / (ours.flyers / 1000), ...said };
  }
  log(`N=${n}: search in Chromium`);
  const search = await measureSearch(dist);
  if (search)
    log(
      `N=${n}: 「${search.query}」 ${search.results} results, ${kb(search.bytes)}, ${search.timeToResultsMs.toFixed(0)} ms`,
    );
  const distBytes = dirBytes(dist);
  const pagefindBytes = dirBytes(join(dist, 'pagefind'));

  // Incremental: one salon's summary changes, as a volunteer's edit in the CMS would.
  const salon = entries.find((e) => e.collection === 'salons');
  if (!salon) throw new Error('no salon generated');
  salon.data['summary'] = clip(`【更新】${String(salon.data['summary'])}`, 120);
  writeEntry(dir, salon);
  const incrementalResults = await runBuild(`N=${n} rebuild`, 'rebuild', dir, stages);
  const incremental: RunResult['incremental'] = {
    ...summarise(incrementalResults),
    changed: `content/salons/${salon.id}.ja.md`,
  };
  if (flyers) {
    const flyersRun =
      incrementalResults.find((r) => r.name === 'flyers') ?? incrementalResults.find((r) => r.name === 'astro');
    const c = flyersRun && flyerCounts(flyersRun.output).rendered;
    if (c !== undefined) incremental.flyersRendered = c;
    // Nothing changed since: the flyers step should render nothing at all.
    const flyersStage = stages.find((st) => st.name === 'flyers');
    if (flyersStage) {
      log(`N=${n} unchanged: ${flyersStage.command} …`);
      const u = flyerCounts((await runStage('flyers', flyersStage.command, dir)).output).rendered;
      if (u !== undefined) incremental.unchangedFlyersRendered = u;
    }
  }

  const base = phases(baseline);
  const result: RunResult = {
    n,
    date: new Date().toISOString(),
    loadAverage: load,
    counts,
    generateMs,
    validateMs,
    build,
    pagesPerSecond: pageStats.pages / (ours.pages / 1000),
    ...(flyers ? { flyers } : {}),
    ...(flyersNotRun ? { flyersNotRun } : {}),
    distBytes,
    pagefindBytes,
    pageStats,
    ...(search ? { search } : {}),
    baseline,
    siteRuns: site,
    ratio: {
      pages: ours.pages / base.pages,
      site: median(site.ours) / median(site.baseline),
      siteCpu: siteCpu(build) / siteCpu(baseline),
    },
    incremental,
  };
  if (KEEP) log(`N=${n}: kept ${dir} and ${baselineDir}`);
  else for (const d of [dir, baselineDir]) rmSync(d, { recursive: true, force: true });
  log(
    `N=${n}: build ${(build.totalMs / 1000).toFixed(1)} s (pages ×${result.ratio.pages.toFixed(2)}, site ×${result.ratio.site.toFixed(2)} of baseline), ` +
      `${result.pagesPerSecond.toFixed(0)} pages/s, peak ${mb(build.peakRssBytes)}, median page ${kb(pageStats.htmlCssGzipMedian)}`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  astro: string;
  pagefind: string;
}

function machine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    cores: (cpuinfo.match(/^processor\s*:/gm) ?? []).length,
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    os: /PRETTY_NAME="([^"]+)"/.exec(osRelease)?.[1] ?? process.platform,
    node: process.version,
    astro: version('astro'),
    pagefind: version('pagefind'),
  };
}

interface Report {
  machine: Machine;
  runs: RunResult[];
}

const fixed = (x: number | undefined, digits = 2) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));
const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');

function flyerText(r: RunResult, ms: number, runs: RunResult[]): string {
  if (r.flyers) return `${r.flyers.count} in ${s(ms)}, ${r.flyers.perSecond.toFixed(1)}/s`;
  if (!r.flyersNotRun) return 'no flyers step';
  // Not measured here; say what the largest measured N predicts, marked as an estimate.
  const measured = runs.filter((x) => x.flyers).sort((a, b) => b.n - a.n)[0];
  const count = (r.counts['events'] ?? 0) + (r.counts['salons'] ?? 0) + (r.counts['recruitments'] ?? 0);
  return measured?.flyers
    ? `not run at this N; about ${count} flyers at N = ${measured.n.toLocaleString('en')}’s ${measured.flyers.perSecond.toFixed(1)}/s ≈ ${(count / measured.flyers.perSecond / 60).toFixed(0)} min (estimate)`
    : 'not run at this N';
}
const pass = (ok: boolean) => (ok ? '✅' : '❌');

const cpuRatio = (r: RunResult) => siteCpu(r.build) / siteCpu(r.baseline);

function markdown(report: Report, notes: string): string {
  const { machine: m, runs } = report;
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (`scripts/bench.ts`); do not edit the tables by hand — the notes section is kept between runs.',
    '',
    'Each N is a synthetic town of N entries in the real schemas (events, salons, reports, recruitments, places, districts, organizations, desks, practices, newsletters, pages), made from the sample content with names, dates and references replaced, built in a temporary copy of the project by each stage of `npm run build` (plus `pagefind --site dist` while the build script does not run it). The **baseline** is a bare Astro project built in the same run from the same files: one layout, one `[...slug]` page over a glob collection, no schemas, then Pagefind over its pages.',
    '',
    '**Read the ratios, not the seconds.** The machine has 2 cores and other builds and tests run on it at the same time, so absolute times move by tens of percent between runs; the baseline is built minutes apart from ours under the same conditions, so *ours ÷ baseline* is what shows a regression. The load average when each N started is given.',
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memory}; ${m.os}`,
    `- Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}`,
    '',
  ];
  for (const r of runs) {
    const ours = phases(r.build);
    const base = phases(r.baseline);
    const stageText = (b: BuildSummary) =>
      b.stages
        .map((st) => {
          const inner = Object.entries(st.inner).map(([k, ms]) => `${k} ${s(ms)}`);
          return `${st.name} ${s(st.ms)}${inner.length ? ` incl. ${inner.join(', ')}` : ''}`;
        })
        .join(' + ');
    lines.push(
      `## N = ${r.n.toLocaleString('en')}`,
      '',
      `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, load average ${r.loadAverage}. Entries: ${Object.entries(
        r.counts,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
      '',
      '| Measure | Tsunagari | Baseline |',
      '| --- | --- | --- |',
      `| Build, total | ${s(r.build.totalMs)} (${stageText(r.build)}) | ${s(r.baseline.totalMs)} (${stageText(r.baseline)}) |`,
      `| Ratio to baseline: Astro pages | ×${r.ratio.pages.toFixed(2)} | 1 |`,
      `| Ratio to baseline: site (pages + search) | ×${r.ratio.site.toFixed(2)}${siteRunsText(r.siteRuns?.ours)} | 1${siteRunsText(r.siteRuns?.baseline)} |`,
      `| Ratio to baseline: CPU time of pages + search | ${Number.isFinite(cpuRatio(r)) ? `×${fixed(cpuRatio(r))} (${s(siteCpu(r.build))} CPU)` : '— (Pagefind runs inside `astro build`, its CPU time is not counted)'} | 1 (${s(siteCpu(r.baseline))} CPU) |`,
      `| Content validation (in the build's first step) | ${s(r.validateMs)} | — |`,
      `| HTML pages | ${r.pageStats.pages.toLocaleString('en')} | ${r.baseline.pages.toLocaleString('en')} |`,
      `| Pages: time, pages per second | ${s(ours.pages)}, ${r.pagesPerSecond.toFixed(0)}/s | ${s(base.pages)}, ${(r.baseline.pages / (base.pages / 1000)).toFixed(0)}/s |`,
      `| Search index (Pagefind) | ${s(ours.search)}${r.build.stages.some((st) => st.inner['pagefind alongside'] !== undefined) ? ` after the pages (${s(sumInner(r.build, 'pagefind alongside'))} in a worker beside them)` : ''} | ${s(base.search)} |`,
      `| Flyers | ${flyerText(r, ours.flyers, runs)} | — |`,
      `| Peak RSS (process tree) | ${mb(r.build.peakRssBytes)} | ${mb(r.baseline.peakRssBytes)} |`,
      `| dist/ size | ${mb(r.distBytes)} (Pagefind ${mb(r.pagefindBytes)}) | ${mb(r.baseline.distBytes)} |`,
      `| HTML+CSS per page, gzipped: median | ${kb(r.pageStats.htmlCssGzipMedian)} | — |`,
      `| HTML+CSS per page, gzipped: worst | ${kb(r.pageStats.htmlCssGzipMax)} (\`${r.pageStats.htmlCssGzipMaxPage}\`); ${r.pageStats.htmlCssGzipOver30k} pages over 30 kB | — |`,
      `| JS per page, gzipped: median / worst | ${kb(r.pageStats.jsGzipMedian)} / ${kb(r.pageStats.jsGzipMax)}${r.pageStats.jsGzipMax ? ` (\`${r.pageStats.jsGzipMaxPage}\`)` : ''} | — |`,
      r.search
        ? `| Search 「${r.search.query}」, first query in Chromium | ${kb(r.search.bytes)} in ${r.search.requests} requests, ${r.search.timeToResultsMs.toFixed(0)} ms to ${RESULTS_LOADED} results (${r.search.results} found) | — |`
        : '| Search | no Pagefind index | — |',
      `| Rebuild after editing one entry | ${s(r.incremental.totalMs)} (${stageText(r.incremental)})${r.incremental.flyersRendered !== undefined ? `; ${r.incremental.flyersRendered} flyers re-rendered` : ''}${r.incremental.unchangedFlyersRendered !== undefined ? `; unchanged rebuild: ${r.incremental.unchangedFlyersRendered}` : ''} | — |`,
      '',
    );
    if (r.search?.fetched)
      lines.push(
        `Search fetched: ${[...r.search.fetched]
          .sort((a, b) => b.bytes - a.bytes)
          .map((f) => `\`${f.path.replace('/pagefind/', '')}\` ${kb(f.bytes)}`)
          .join(', ')}.`,
        '',
      );
  }

  // The issue's targets, checked where this run measured them.
  const target = (n: number) => runs.find((r) => r.n === n);
  const rows: string[] = [];
  for (const r of runs.filter((run) => run.n >= 1000))
    rows.push(
      `| Site build ≤ 1.5× baseline at N = ${r.n.toLocaleString('en')} | ×${r.ratio.site.toFixed(2)} wall clock${Number.isFinite(cpuRatio(r)) ? `, ×${fixed(cpuRatio(r))} CPU time` : ''} | ${pass(r.ratio.site <= 1.5)} |`,
    );
  const big = target(10000);
  if (big) {
    // Without the flyers step these two targets are not measured, only bounded from below.
    const partial = big.flyersNotRun ? ' without flyers' : '';
    const met = (ok: boolean) => (big.flyersNotRun ? (ok ? 'not measured (flyers left out)' : pass(false)) : pass(ok));
    rows.push(
      `| N = 10,000 full build, flyers included, ≤ 10 min | ${s(big.build.totalMs)}${partial} | ${met(big.build.totalMs <= 600_000)} |`,
    );
    rows.push(
      `| N = 10,000 peak RSS ≤ 4 GB | ${mb(big.build.peakRssBytes)}${partial} | ${met(big.build.peakRssBytes <= 4 * 1024 ** 3)} |`,
    );
    if (big.search)
      rows.push(
        `| Pagefind first query ≤ 150 kB at N = 10,000 | ${kb(big.search.bytes)} | ${pass(big.search.bytes <= 150 * 1024)} |`,
      );
  }
  for (const r of runs)
    rows.push(
      `| Median page ≤ 30 kB HTML+CSS gzipped at N = ${r.n.toLocaleString('en')} | ${kb(r.pageStats.htmlCssGzipMedian)} | ${pass(r.pageStats.htmlCssGzipMedian <= 30 * 1024)} |`,
    );
  for (const r of runs)
    if (r.incremental.unchangedFlyersRendered !== undefined)
      rows.push(
        `| Unchanged rebuild re-renders 0 flyers at N = ${r.n.toLocaleString('en')} | ${r.incremental.unchangedFlyersRendered} | ${pass(r.incremental.unchangedFlyersRendered === 0)} |`,
      );
  lines.push('## Targets (issue 5)', '', '| Target | Measured | Met |', '| --- | --- | --- |', ...rows, '');
  lines.push(
    '## How each figure is measured',
    '',
    '- **Build**: each stage of `npm run build` run on its own in the copy, wall-clock time. Astro keeps its content cache in the copy’s own `node_modules/.astro`, so the first build is cold and the rebuild after the edit may use it. The site (Astro with search, and the baseline’s Astro + Pagefind) is built three times at each N, cold each time and alternating, and the site ratio is of the medians; the other figures are from the first build.',
    '- **Peak RSS**: the sum of the resident memory of the stage’s process and all its children, sampled from `/proc` every 200 ms (shared pages count once per process, so this errs high).',
    '- **Per page**: every `dist/**/*.html` except `admin/` (the CMS); the HTML and each stylesheet it links gzipped at level 6, summed; JS is scripts the page names plus inline code (JSON-LD excluded).',
    `- **Search**: \`dist/\` served by a static server that gzips text as a host would; a fresh Chromium context loads a \`lang="ja"\` page, imports \`/pagefind/pagefind.js\`, searches 「${SEARCH_QUERY}」 and loads the data of the first ${RESULTS_LOADED} results. Bytes are the response bodies and headers of every \`/pagefind/\` request; time is measured in the page, from the import to the last result’s data.`,
    '- **Rebuild**: one salon’s summary is edited and every stage is run again; with a flyers step, the number of flyers it says it re-rendered, and then once more with nothing changed.',
    '',
    '<!-- notes -->',
    notes.trim() || '## Notes\n\n(Findings from the runs go here; this section survives regeneration.)',
    '<!-- /notes -->',
    '',
  );
  return lines.join('\n');
}

function writeReport(runs: RunResult[]) {
  let previous: Report | undefined;
  if (existsSync(DOCS_JSON)) {
    try {
      previous = JSON.parse(readFileSync(DOCS_JSON, 'utf8')) as Report;
    } catch {
      previous = undefined;
    }
  }
  const byN = new Map<number, RunResult>((previous?.runs ?? []).map((r) => [r.n, r]));
  for (const r of runs) byN.set(r.n, r);
  const report: Report = { machine: machine(), runs: [...byN.values()].sort((a, b) => a.n - b.n) };
  const oldMd = existsSync(DOCS_MD) ? readFileSync(DOCS_MD, 'utf8') : '';
  const notes = /<!-- notes -->\n([\s\S]*?)<!-- \/notes -->/.exec(oldMd)?.[1] ?? '';
  mkdirSync(dirname(DOCS_JSON), { recursive: true });
  writeFileSync(DOCS_JSON, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(DOCS_MD, markdown(report, notes));
  // Prettier owns the layout of docs/ (npm run lint checks it); tables come out aligned.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--write', DOCS_JSON, DOCS_MD], { cwd: ROOT });
  log(`wrote ${relative(ROOT, DOCS_MD)} and ${relative(ROOT, DOCS_JSON)}`);
}

// ---------------------------------------------------------------------------------------------

if (flag('--report-only')) {
  // Rewrites the docs from docs/benchmarks.json (after a change to the report's layout).
  writeReport([]);
  process.exit(0);
}
const templates = loadTemplates();
log(
  `sizes ${SIZES.join(', ')}; ${cpus().length} cores, load ${loadAverage()}; ${FROM_GIT ? 'git HEAD' : 'working tree'}`,
);
const runs: RunResult[] = [];
for (const n of SIZES) {
  const result = await benchN(n, templates);
  if (!result) continue;
  runs.push(result);
  // Written after every N, so a long run that is stopped still leaves what it measured.
  writeReport(runs);
}
log('done');
