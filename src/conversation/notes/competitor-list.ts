// The competitors a note is scanned for: a default list of common construction-machinery makers,
// replaced by the operator's list when the settings table holds one under 'notes.competitors'
// (JSON: [{"name": "三一", "aliases": ["三一重工", "Sany"]}, ...]).
import { z } from 'zod';
import type { Db } from '../../../db/index.ts';
import { storedSetting } from '../../store/notes.ts';
import type { Competitor } from './extract/competitors.ts';

export const COMPETITORS_SETTING = 'notes.competitors';

export const DEFAULT_COMPETITORS: Competitor[] = [
  { name: '三一', aliases: ['三一重工', 'Sany'] },
  { name: '徐工', aliases: ['徐工集团', '徐工机械', 'XCMG'] },
  { name: '中联重科', aliases: ['Zoomlion'] },
  { name: '柳工', aliases: ['LiuGong'] },
  { name: '卡特彼勒', aliases: ['卡特', 'Caterpillar'] },
  { name: '小松', aliases: ['Komatsu'] },
  { name: '沃尔沃', aliases: ['沃尔沃建筑设备', 'Volvo'] },
  { name: '山河智能', aliases: ['Sunward'] },
  { name: '山推', aliases: ['山推股份', 'Shantui'] },
  { name: '临工', aliases: ['山东临工', 'SDLG', 'Lingong'] },
  { name: '龙工', aliases: ['Lonking'] },
  { name: '利勃海尔', aliases: ['Liebherr'] },
  { name: '日立建机', aliases: ['日立', 'Hitachi'] },
  { name: '斗山', aliases: ['斗山工程机械', 'Doosan', 'Develon'] },
  { name: '现代重工', aliases: ['现代建机', 'Hyundai'] },
  { name: '约翰迪尔', aliases: ['John Deere'] },
  { name: '杰西博', aliases: ['JCB'] },
  { name: '铁建重工', aliases: ['CRCHI'] },
];

const CompetitorList = z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) }));

/** The configured list; a stored value that does not validate falls back to the default. */
export async function competitorList(db: Db): Promise<Competitor[]> {
  const parsed = CompetitorList.safeParse(await storedSetting(db, COMPETITORS_SETTING));
  return parsed.success ? parsed.data : DEFAULT_COMPETITORS;
}
