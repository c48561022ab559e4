/**
 * The places (公民館, 集会所, 居場所) as a 公共施設一覧-style CSV. The columns follow the
 * 自治体標準オープンデータセット's 公共施設一覧 as far as the site knows them; those it has no
 * data for (カナ, 英語, POIコード, 法人番号, opening hours, pictures) stay empty, as the data set
 * allows for optional columns.
 */
import type { T } from '../facts.ts';
import { entryHref } from '../entries.ts';
import type { Place } from '../../schemas/place.ts';
import type { OpenDataSite } from './site.ts';

export const PLACE_COLUMNS = [
  '都道府県コード又は市区町村コード',
  'NO',
  '都道府県名',
  '市区町村名',
  '名称',
  '名称_カナ',
  '名称_英語',
  'POIコード',
  '住所',
  '方書',
  '緯度',
  '経度',
  '電話番号',
  '内線番号',
  '法人番号',
  '団体名',
  '利用可能曜日',
  '開始時間',
  '終了時間',
  '利用可能日時特記事項',
  '説明',
  'バリアフリー情報',
  '画像',
  '画像_ライセンス',
  'URL',
  '備考',
] as const;

type Row = Partial<Record<(typeof PLACE_COLUMNS)[number], string>>;

/** The barrier-free facts a place states, in words (車いすで入れる、多目的トイレあり …). */
function barrierFree(place: Place, t: T): string {
  const b = place.barrierFree;
  if (!b) return '';
  const facts = [
    b.wheelchair ? t('opendata.wheelchair') : '',
    b.toilet ? t('opendata.toilet') : '',
    b.parking ? t('opendata.parking') : '',
    b.notes ?? '',
  ];
  return facts.filter(Boolean).join(t('opendata.separator'));
}

/** One row per place, by id (its URL), so a diff between two days shows what changed. */
export function placeRows(site: OpenDataSite, places: readonly { id: string; data: Place }[], t: T): string[][] {
  return [...places]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, data }) => {
      const row: Row = {
        都道府県コード又は市区町村コード: site.code,
        NO: `places-${id}`,
        都道府県名: site.prefecture,
        市区町村名: site.municipality,
        名称: data.name,
        住所: data.address,
        緯度: data.lat === undefined ? '' : String(data.lat),
        経度: data.lng === undefined ? '' : String(data.lng),
        電話番号: data.phone ?? '',
        説明: data.ibasho ? t('opendata.ibasho') : '',
        バリアフリー情報: barrierFree(data, t),
        URL: new URL(entryHref('places', id), site.url).href,
        備考: data.access ?? '',
      };
      return PLACE_COLUMNS.map((column) => row[column] ?? '');
    });
}
