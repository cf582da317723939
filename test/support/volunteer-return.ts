import type { CellValue } from '../../src/core/cell-value';

/** The fields of a 志愿者服务队登记表 with one team, as a 街道工会 would return it. */
export function volunteerReturn(unit: string, team: string, size = 12, service = '为社区居民修理家电'): Record<string, CellValue> {
  return {
    unit,
    contact: '李华',
    contactPhone: '65430000',
    fillDate: '2018-6-10',
    'teams[0].seq': 1,
    'teams[0].name': team,
    'teams[0].leader': '王强 队长',
    'teams[0].size': size,
    'teams[0].formedOn': '2017-3-1',
    'teams[0].service': service,
    'teams[0].results': '一年服务四十次',
  };
}
