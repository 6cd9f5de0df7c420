// POST /api/chat: the same turn as `kam ask --json`, bearer token when KAM_API_TOKEN is set,
// loopback only when it is not, 400 with the zod message on a bad body, 404 for an unknown user.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { chatRoutes } from '../../src/http/chat.ts';
import { sampleDb } from '../helpers/db.ts';
import { testApp } from './helpers.ts';

let db: Db;
let open: FastifyInstance;
let guarded: FastifyInstance;

beforeAll(async () => {
  db = await sampleDb();
  open = Fastify();
  chatRoutes(open, testApp(db));
  guarded = Fastify();
  chatRoutes(guarded, testApp(db, { KAM_API_TOKEN: 's3cret-token' }));
});
afterAll(async () => {
  await open.close();
  await guarded.close();
  await db.close();
});

const AT = '2026-11-24T10:00:00+08:00';

describe('POST /api/chat', () => {
  it('answers like kam ask --json', async () => {
    const res = await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_li', text: '江南港务的合同什么时候到期?', at: AT } });
    expect(res.statusCode).toBe(200);
    const json = res.json();
    // {text, data} as in kam ask --json; "actions" only comes with a reply that has buttons.
    expect(Object.keys(json).sort()).toEqual(['data', 'text']);
    expect(json.text).toContain('2027-01-10');
    expect(json.data.contracts[0]).toMatchObject({ id: 'CT-A300-01', daysToExpiry: 47 });
  });

  it('lists a note\'s actions (Undo, Edit, 建个商机) and takes a press of one back', async () => {
    const text = '今天拜访了北方路桥的何军总工,聊了桥梁架设设备二期方案,预算大约600万';
    const res = await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_zhang', text, at: AT } });
    const { actions, data } = res.json();
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['note.undo', 'note.edit', 'note.opportunity']);
    const create = actions.find((a: { action: string }) => a.action === 'note.opportunity');
    expect(create).toEqual({ label: '建个商机', action: 'note.opportunity', value: { noteId: String(data.note.noteId) } });
    const pressed = await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_zhang', text: '', action: create, at: AT } });
    const id = pressed.json().data.opportunityId;
    expect(id).toMatch(/^CHAT-O-/);
    expect((await db.query('SELECT account_id FROM opportunities WHERE id = $1', [id])).rows).toEqual([{ account_id: 'A400' }]);
    const undo = actions.find((a: { action: string }) => a.action === 'note.undo');
    await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_zhang', text: '', action: undo, at: AT } });
    expect((await db.query('SELECT id FROM opportunities WHERE id = $1', [id])).rows).toEqual([]);
  });

  it('requires the bearer token when KAM_API_TOKEN is set', async () => {
    const payload = { user: 'u_li', text: '江南港务的合同什么时候到期?', at: AT };
    expect((await guarded.inject({ method: 'POST', url: '/api/chat', payload })).statusCode).toBe(401);
    expect((await guarded.inject({ method: 'POST', url: '/api/chat', payload, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const ok = await guarded.inject({ method: 'POST', url: '/api/chat', payload, headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().text).toContain('2027-01-10');
  });

  it('serves only loopback clients when no token is set', async () => {
    const res = await open.inject({ method: 'POST', url: '/api/chat', remoteAddress: '10.1.2.3', payload: { user: 'u_li', text: 'help' } });
    expect(res.statusCode).toBe(403);
    const remoteWithToken = await guarded.inject({ method: 'POST', url: '/api/chat', remoteAddress: '10.1.2.3', payload: { user: 'u_li', text: 'help' }, headers: { authorization: 'Bearer s3cret-token' } });
    expect(remoteWithToken.statusCode).toBe(200);
  });

  it('400 with the validation message on a bad body', async () => {
    const missing = await open.inject({ method: 'POST', url: '/api/chat', payload: { text: 'hi' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/user/);
    const wrongType = await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_li', text: 42 } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toMatch(/text/);
    const badAt = await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_li', text: 'hi', at: 'yesterday' } });
    expect(badAt.statusCode).toBe(400);
    expect(badAt.json().message).toContain('ISO 8601');
  });

  it('answers an unreadable body in the same {error, message} shape', async () => {
    const post = (payload: string, type: string) => open.inject({ method: 'POST', url: '/api/chat', payload, headers: { 'content-type': type } });
    const broken = await post('{"user": "u_li", "text": ', 'application/json');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual({ error: 'bad_request', message: expect.stringMatching(/not valid JSON/) });
    const form = await post('user=u_li&text=hi', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    expect(form.json()).toEqual({ error: 'unsupported_media_type', message: expect.stringMatching(/^send the body as JSON \(Content-Type: application\/json\)/) });
    // Fastify reads text/plain by default; the README promises 415 for anything but JSON.
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'text/xml']) {
      const plain = await post('{"user": "u_li", "text": "hi"}', type);
      expect(plain.statusCode, type).toBe(415);
      expect(plain.json()).toMatchObject({ error: 'unsupported_media_type' });
    }
    const huge = await post(JSON.stringify({ user: 'u_li', text: 'a'.repeat(2 * 1024 * 1024) }), 'application/json');
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'payload_too_large' });
    // Other routes keep their own error shapes.
    expect((await open.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404);
  });

  it('a clear reply for an unknown user', async () => {
    const res = await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_ghost', text: '中建华东的合同' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().text).toContain('u_ghost');
    expect(res.json().data.error).toBe('unknown_user');
  });

  it('keeps follow-up context between API calls of the same user', async () => {
    await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_li', text: '江南港务的合同什么时候到期?', at: AT } });
    const res = await open.inject({ method: 'POST', url: '/api/chat', payload: { user: 'u_li', text: '那他们的工单呢?', at: '2026-11-24T10:05:00+08:00' } });
    expect(res.json().text).toContain('T004');
  });
});
