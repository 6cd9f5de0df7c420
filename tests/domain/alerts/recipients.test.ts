import { describe, expect, it } from 'vitest';
import { escalationTarget, resolveRecipients } from '../../../src/domain/alerts/recipients.ts';

const managers = new Map<string, string | null>([
  ['ar', 'm1'],
  ['fr', 'm1'],
  ['m1', 'm2'],
  ['m2', null],
  ['lonely', null],
]);
const managerOf = (u: string) => managers.get(u) ?? null;

describe('resolveRecipients', () => {
  it('resolves AR, FR and the AR manager without duplicates', () => {
    expect(resolveRecipients({ roles: ['AR', 'FR', 'AR_MANAGER'] }, { ownerId: 'o', arIds: ['ar'], frIds: ['fr', 'ar'] }, managerOf)).toEqual(['ar', 'fr', 'm1']);
  });
  it('uses the owner when the team has no AR', () => {
    expect(resolveRecipients({ roles: ['AR'] }, { ownerId: 'o', arIds: [], frIds: [] }, managerOf)).toEqual(['o']);
  });
  it('never addresses nobody: a missing manager falls back to the AR', () => {
    expect(resolveRecipients({ roles: ['AR_MANAGER'] }, { ownerId: 'lonely', arIds: ['lonely'], frIds: [] }, managerOf)).toEqual(['lonely']);
  });
  it('adds named users (committer, owner)', () => {
    expect(resolveRecipients({ roles: [], users: ['u_x'] }, { ownerId: 'o', arIds: ['ar'], frIds: [] }, managerOf)).toEqual(['u_x']);
  });
});

describe('escalationTarget', () => {
  it('goes one level above the highest informed person of the AR chain', () => {
    expect(escalationTarget(['ar'], ['ar'], managerOf)).toBe('m1');
    expect(escalationTarget(['ar'], ['ar', 'fr', 'm1'], managerOf)).toBe('m2');
    expect(escalationTarget(['ar'], ['ar', 'm1', 'm2'], managerOf)).toBeNull();
  });
});
