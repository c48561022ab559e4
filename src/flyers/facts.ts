/**
 * The facts a flyer prints, short enough for paper: names instead of links, one line each.
 * Kinds add them (src/kinds/<type>.ts, their `flyer` part); the model collects them.
 */
import type { UIKey } from '../i18n/ja.ts';
import { formatDate, type T } from '../lib/facts.ts';
import type { Event } from '../schemas/event.ts';
import type { Audience } from '../schemas/vocabulary.ts';

type Data = Record<string, unknown>;

export interface FlyerFact {
  /** Which fact ('where', 'fee' …: the `fact.<key>` dictionary key), for templates that pick some. */
  key: string;
  label: string;
  value: string;
  /** A second, smaller line (a place's address). */
  note?: string;
}

export class FlyerFacts {
  readonly facts: FlyerFact[] = [];
  /** `<collection>/<id>` → front matter, to name places, organizations and districts. */
  readonly lookup: ReadonlyMap<string, Data>;
  readonly t: T;
  constructor(lookup: ReadonlyMap<string, Data>, t: T) {
    this.lookup = lookup;
    this.t = t;
  }

  /** Another entry by its name (or title); by its id when it cannot be found. */
  name(target: string, ref: string | undefined): string | undefined {
    if (ref === undefined) return undefined;
    const entry = this.lookup.get(`${target}/${ref}`);
    return entry ? String(entry['name'] ?? entry['title'] ?? ref) : ref;
  }

  add(key: UIKey & `fact.${string}`, value: string | undefined, note?: string): void {
    if (value)
      this.facts.push({ key: key.slice('fact.'.length), label: this.t(key), value, ...(note ? { note } : {}) });
  }

  /** The place by name, with its address as the smaller line. */
  place(id: string | undefined): void {
    if (id === undefined) return;
    const found = this.lookup.get(`places/${id}`);
    this.add('fact.where', this.name('places', id), found?.['address'] ? String(found['address']) : undefined);
  }

  audience(audience: readonly Audience[]): void {
    this.add('fact.audience', audience.map((a) => this.t(`audience.${a}`)).join(this.t('text.listJoin')));
  }

  apply(application: Event['application']): void {
    if (!application) return;
    const parts = [application.required ? this.t('apply.required') : this.t('flyer.noApply')];
    if (application.how) parts.push(application.how);
    // Japanese sets its parts apart with a full-width space; other languages with a space.
    this.add('fact.apply', parts.join((this.t.tag ?? 'ja') === 'ja' ? '　' : ' '));
    if (application.deadline) this.add('fact.deadline', formatDate(application.deadline, this.t));
  }

  /** Who runs it and the phone to ask. */
  contact(organizer: string | undefined, contact: string | undefined): void {
    this.add('fact.organizer', this.name('organizations', organizer));
    this.add('fact.contact', contact);
  }

  districts(ids: readonly string[]): void {
    this.add('fact.districts', ids.map((d) => this.name('districts', d)).join(this.t('text.listJoin')));
  }
}
