/**
 * Every content type, in the order the CMS lists them (what volunteers edit most first).
 */
import { districtType } from './district.ts';
import { placeType } from './place.ts';
import { organizationType } from './organization.ts';
import { eventType } from './event.ts';
import { salonType } from './salon.ts';
import { reportType } from './report.ts';
import { recruitmentType } from './recruitment.ts';
import { practiceType } from './practice.ts';
import { deskType } from './desk.ts';
import { serviceType } from './service.ts';
import { planType } from './plan.ts';
import { fundingType } from './funding.ts';
import { newsletterType } from './newsletter.ts';
import { pageType } from './page.ts';
import { settingsType } from './settings.ts';

export const contentTypes = [
  eventType,
  salonType,
  reportType,
  recruitmentType,
  newsletterType,
  practiceType,
  deskType,
  serviceType,
  planType,
  fundingType,
  placeType,
  districtType,
  organizationType,
  pageType,
  settingsType,
] as const;

export type ContentTypeName = (typeof contentTypes)[number]['name'];

export const contentTypeByName = new Map<string, (typeof contentTypes)[number]>(
  contentTypes.map((type) => [type.name, type]),
);

export {
  districtType,
  placeType,
  organizationType,
  eventType,
  salonType,
  reportType,
  recruitmentType,
  practiceType,
  deskType,
  serviceType,
  planType,
  fundingType,
  newsletterType,
  pageType,
  settingsType,
};
