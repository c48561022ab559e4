import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  choiceField,
  emailField,
  idField,
  phoneField,
  refListField,
  textField,
  urlField,
  translatable,
} from './fields.ts';
import { ORGANIZATION_KINDS } from './vocabulary.ts';

export const organizationSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** 団体名. */
  name: translatable(textField('団体名', '例: 桜ヶ丘地区社会福祉協議会')),
  /** 社協, 地区社協, 民生委員協議会, NPO, 自治会 … */
  kind: choiceField(ORGANIZATION_KINDS, 'orgKind', '種類'),
  /** Districts the organization works in (empty = the whole town). */
  districts: refListField('districts', '活動する地区', '町全体で活動する場合は空のままで', 0).default([]),
  /** Public contact numbers and addresses only. */
  phone: phoneField().optional(),
  /** Public contact address. */
  email: emailField().optional(),
  /** The organization's own website. */
  url: urlField().optional(),
});
export type OrganizationInput = z.input<typeof organizationSchema>;
export type Organization = z.output<typeof organizationSchema>;

export const organizationType = defineContentType({
  name: 'organizations',
  schema: organizationSchema,
  label: '団体',
  labelSingular: '団体',
  description: '社協・地区社協・民生委員協議会・NPO・自治会など、活動を行う団体です。',
  titleField: 'name',
  body: { label: '団体の紹介', required: false },
});
