// The decision-chain map: placement by department and level, recency, the gaps, and the SVG drawn from it.
import { describe, expect, it } from 'vitest';
import { relationshipMap, type MapContact } from '../../src/domain/relationship-map.ts';
import { relationshipMapSvg } from '../../src/insights/relationship-map/svg.ts';

const person = (id: string, over: Partial<MapContact>): MapContact => ({ id, name: id, title: null, department: null, level: null, role: null, attitude: null, lastMetOn: null, ...over });
const opts = { today: '2026-11-24', windowDays: 90, recentDays: 30 };

describe('relationshipMap', () => {
  const contacts = [
    person('buyer', { department: '采购部', level: 'staff', role: 'gatekeeper', attitude: 'opponent', lastMetOn: '2026-10-20' }),
    person('boss', { department: '公司领导', level: 'executive', role: 'decision_maker', attitude: 'neutral', lastMetOn: '2026-07-01' }),
    person('eng1', { department: '技术部', level: 'manager', role: 'evaluator', lastMetOn: '2026-11-20' }),
    person('eng2', { department: '技术部', level: 'manager', role: 'user', lastMetOn: null }),
    person('safety', { department: '安监部', level: 'manager', role: 'influencer', lastMetOn: '2026-01-05' }),
  ];
  const map = relationshipMap(contacts, opts);

  it('puts the decision maker\'s department first and contacts in their level rows, stacked within a cell', () => {
    expect(map.columns.map((c) => c.department)).toEqual(['公司领导', '技术部', '安监部', '采购部']);
    expect(map.rows).toEqual(['executive', 'manager', 'staff']);
    const at = (id: string) => map.contacts.find((c) => c.id === id)!;
    expect([at('boss').column, at('boss').row]).toEqual([0, 0]);
    expect([at('eng1').column, at('eng1').row, at('eng1').slot]).toEqual([1, 1, 0]);
    expect([at('eng2').column, at('eng2').row, at('eng2').slot]).toEqual([1, 1, 1]);
    expect(map.rowSlots).toEqual([1, 2, 1]);
  });

  it('buckets recency: 4 days recent, 35 stale, 146 cold, never met', () => {
    const r = Object.fromEntries(map.contacts.map((c) => [c.id, [c.daysSince, c.recency]]));
    expect(r).toEqual({ boss: [146, 'cold'], eng1: [4, 'recent'], eng2: [null, 'never'], safety: [323, 'cold'], buyer: [35, 'stale'] });
  });

  it('marks the gaps: a decision maker not met in 90 days, a department nobody met in 90 days', () => {
    expect(map.gaps).toEqual({ noDecisionMaker: false, unmetDecisionMakers: ['boss'], departmentsNotReached: ['公司领导', '安监部'] });
    expect(map.missingDecisionMaker).toBeNull();
  });

  it('draws a missing decision maker in the executive row even without executives', () => {
    const m = relationshipMap([person('x', { department: '技术部', level: 'staff', role: 'user', lastMetOn: '2026-11-01' })], opts);
    expect(m.gaps.noDecisionMaker).toBe(true);
    expect(m.rows).toEqual(['executive', 'staff']);
    expect(m.missingDecisionMaker).toEqual({ column: 0, row: 0, slot: 0 });
    expect(relationshipMap([], opts).columns).toEqual([{ department: null, reached: false }]);
  });
});

describe('relationshipMapSvg', () => {
  const contacts = [
    person('C1', { name: '王<总>', department: '公司领导', level: 'executive', role: 'decision_maker', attitude: 'opponent', lastMetOn: '2026-01-01' }),
    person('C2', { name: 'Li', department: '技术部', level: 'manager', role: 'influencer', attitude: 'supporter', lastMetOn: '2026-11-20' }),
  ];
  const svg = relationshipMapSvg(relationshipMap(contacts, opts), { account: 'A&B 集团', date: '2026-11-24', lang: 'zh', recentDays: 30 });

  it('is a standalone SVG with a card per contact coloured by role and attitude, badges and gaps', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('data-contacts="2"');
    expect(svg).toContain('A&amp;B 集团 关系图');
    expect(svg).toContain('王&lt;总&gt;');
    expect(svg).toMatch(/data-contact="C1" data-role="decision_maker" data-attitude="opponent"><rect class="gap-unmet"/);
    expect(svg).toMatch(/fill="#c9dcff" stroke="#d64545" stroke-width="3"/);
    expect(svg).toContain('data-recency="cold"');
    expect(svg).toContain('>4天</text>');
    expect(svg).toContain('class="department not-reached" data-department="公司领导"');
    expect(svg).toContain('缺口:决策人王&lt;总&gt;超过90天未见;公司领导90天未触达');
  });
});
