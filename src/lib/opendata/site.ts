/** Who publishes the open data: the columns every municipal data set starts with, and where its rows link. */
export interface OpenDataSite {
  /** 全国地方公共団体コード (6 digits), or '' when the settings give none. */
  code: string;
  /** 都道府県名. */
  prefecture: string;
  /** 市区町村名. */
  municipality: string;
  /** The site's public URL, for each row's URL column. */
  url: string;
}

/** The place and organizer data an entry refers to, as the site's lookup holds it. */
export interface Refs {
  get(key: string): { title: string; href: string; data?: Record<string, unknown> } | undefined;
}

/** A field of a referenced entry as text ('' when absent). */
export const field = (data: Record<string, unknown> | undefined, name: string): string => {
  const value = data?.[name];
  return value === undefined || value === null ? '' : String(value);
};
