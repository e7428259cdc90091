// Agents' sessions: a new id every few minutes of use (the old one lives a short grace), idle and absolute ends.
import { expect, it } from 'vitest';
import { DeskSessions } from '../../../src-main/desk/sessions.js';

const agent = { account: 'sd.demo', displayName: 'Sanne', role: 'servicedesk' as const };

it('renews the id while in use; the old id works for the grace period only', () => {
  let now = 0;
  const s = new DeskSessions({
    idleMs: 15 * 60_000,
    absoluteMs: 8 * 3600_000,
    rotateMs: 5 * 60_000,
    graceMs: 30_000,
    now: () => now,
  });
  const { id } = s.create(agent);
  now = 4 * 60_000;
  expect(s.get(id)?.newId).toBeUndefined();
  now = 6 * 60_000;
  const renewed = s.get(id)!.newId!;
  expect(renewed).toMatch(/^[\w-]{43}$/);
  expect(s.get(id)?.session.agent).toEqual(agent); // a request already under way
  now += 31_000;
  expect(s.get(id)).toBeUndefined();
  expect(s.get(renewed)?.session.agent).toEqual(agent);
});

it('ends after the idle time, and after the absolute time however busy', () => {
  let now = 0;
  const s = new DeskSessions({ idleMs: 15 * 60_000, absoluteMs: 8 * 3600_000, now: () => now });
  const idle = s.create(agent).id;
  now = 15 * 60_000 + 1;
  expect(s.get(idle)).toBeUndefined();
  let id = s.create(agent).id;
  for (let i = 0; i < 48; i++) {
    now += 10 * 60_000;
    id = s.get(id)?.newId ?? id;
  }
  now += 60_000;
  expect(s.get(id)).toBeUndefined();
});

it('signing out ends the session under every id it had', () => {
  let now = 0;
  const s = new DeskSessions({ idleMs: 900_000, absoluteMs: 28_800_000, rotateMs: 1000, now: () => now });
  const { id } = s.create(agent);
  now = 2000;
  const renewed = s.get(id)!.newId!;
  s.destroy(renewed);
  expect(s.get(id)).toBeUndefined();
  expect(s.get(renewed)).toBeUndefined();
});
