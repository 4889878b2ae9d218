import type { Region } from '@erun/contracts';
import { REGION_LABELS } from '../../lib/place-regions.ts';

/**
 * 에어코리아's forecast area for a run: its 시·도, except that 경기 is forecast as 경기북부 and 경기남부, and 강원 as
 * 영동 and 영서. The split is drawn by the meeting point (approximately: 경기북부 is the cities north of the
 * 한강 except 김포; 영동 is east of the 태백산맥 ridge, whose line runs from 고성 (128.46° E) south-east to 삼척).
 */
export function dustAreaOf(region: Region, lat: number, lng: number): string {
  if (region === 'gyeonggi') {
    const gimpo = lng < 126.76 && lat < 37.78;
    return lat >= 37.58 && !gimpo ? '경기북부' : '경기남부';
  }
  if (region === 'gangwon') return lng > 128.45 + (38.4 - lat) * 0.5 ? '영동' : '영서';
  return REGION_LABELS[region];
}
