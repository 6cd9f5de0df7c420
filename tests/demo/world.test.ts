// The generated demo world: its shape, and that it is dated to the day it is generated for.
import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../src/demo/world.ts';

const world = generateWorld({ today: '2027-03-17', hour: 11 });

describe('generateWorld', () => {
  it('is the same for the same day and seed', () => {
    expect(generateWorld({ today: '2027-03-17', hour: 11 })).toEqual(world);
    const dates = (w: typeof world) => w.interactions.map((i) => i.occurred_at);
    expect(dates(generateWorld({ today: '2027-03-18', hour: 11 }))).not.toEqual(dates(world));
  });

  it('has at least 30 accounts in 3 groups with subsidiaries, some of them English', () => {
    expect(world.accounts.length).toBeGreaterThanOrEqual(30);
    const parents = new Set(world.accounts.map((a) => a.parent_id).filter(Boolean));
    expect(parents.size).toBe(3);
    for (const p of parents) expect(world.accounts.filter((a) => a.parent_id === p).length).toBeGreaterThanOrEqual(2);
    expect(world.accounts.filter((a) => /^[A-Za-z]/.test(String(a.name))).length).toBeGreaterThanOrEqual(3);
  });

  it('has a director over 2 managers over 6 salespeople, and iron-triangle teams', () => {
    const director = world.users.filter((u) => u.role === 'manager' && !u.manager_id);
    expect(director).toHaveLength(1);
    const managers = world.users.filter((u) => u.role === 'manager' && u.manager_id === director[0].id);
    expect(managers).toHaveLength(2);
    const owners = new Set(world.accounts.map((a) => a.owner_id));
    expect(owners.size).toBe(6);
    for (const o of owners) expect(managers.map((m) => m.id)).toContain(world.users.find((u) => u.id === o)!.manager_id);
    const s = world.accounts.filter((a) => a.tier === 'S').map((a) => a.id);
    for (const id of s) expect(world.account_team.filter((t) => t.account_id === id).map((t) => t.team_role).sort()).toEqual(['AR', 'FR', 'SR']);
  });

  it('spans twelve months up to today and nothing later than now', () => {
    const dates = world.interactions.map((i) => String(i.occurred_at));
    expect(dates.every((d) => d <= '2027-03-17T11:00:00')).toBe(true);
    expect(dates.some((d) => d < '2026-04-01')).toBe(true);
    expect(dates.some((d) => d >= '2027-03-15')).toBe(true);
    expect(world.orders.every((o) => String(o.order_date) < '2027-03-17')).toBe(true);
    expect(world.tickets.every((t) => String(t.opened_at) <= '2027-03-17T11:00:00')).toBe(true);
    for (const k of ['orders', 'contracts', 'tickets', 'opportunities', 'budgets', 'projects'] as const) expect(world[k].length).toBeGreaterThan(0);
  });

  it('writes realistic Chinese wording that names the contacts met', () => {
    const i = world.interactions.find((x) => x.account_id === 'A200')!;
    const contact = world.contacts.find((c) => c.id === String(i.contact_ids).split(';')[0])!;
    expect(String(i.summary)).toContain(String(contact.name));
    expect(String(i.summary)).toMatch(/[\u4e00-\u9fff]/);
  });
});
