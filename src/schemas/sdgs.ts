/**
 * The 17 Sustainable Development Goals as a fixed vocabulary. Content stores the goal's number;
 * its Japanese name is in the dictionary (`sdg.<n>`) and its colour here. The badges show
 * number, colour and name, never the UN's icons, whose use needs the UN's permission.
 */
export const SDG_GOALS = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
] as const;
export type SdgGoal = (typeof SDG_GOALS)[number];

/** Each goal's colour as the UN's SDG guidelines give it (hex sRGB). */
export const SDG_COLOURS: Readonly<Record<SdgGoal, string>> = {
  '1': '#E5243B',
  '2': '#DDA63A',
  '3': '#4C9F38',
  '4': '#C5192D',
  '5': '#FF3A21',
  '6': '#26BDE2',
  '7': '#FCC30B',
  '8': '#A21942',
  '9': '#FD6925',
  '10': '#DD1367',
  '11': '#FD9D24',
  '12': '#BF8B2E',
  '13': '#3F7E44',
  '14': '#0A97D9',
  '15': '#56C02B',
  '16': '#00689D',
  '17': '#19486A',
};
