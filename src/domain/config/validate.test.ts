import { describe, expect, it } from 'vitest';
import { validateCategory, validateService, validateSupportGroup } from './validate';

const fields = (r: { ok: boolean; errors?: readonly { field?: string }[] }) => (r.ok ? [] : (r.errors ?? []).map((e) => e.field));

describe('configuration checks', () => {
  it('accepts a support group with a GUID and a Teams channel id, keeping odd names as text', () => {
    const r = validateSupportGroup('networks', { name: " Networks & Telephony (O'Neill's team) 📞 ", entraGroupId: 'A1B2C3D4-0000-4000-8000-000000000001', teamsChannelId: '19:abcDEF_12@thread.tacv2' });
    expect(r).toEqual({ ok: true, value: { key: 'networks', name: "Networks & Telephony (O'Neill's team) 📞", entraGroupId: 'a1b2c3d4-0000-4000-8000-000000000001', teamsChannelId: '19:abcDEF_12@thread.tacv2', isActive: true } });
  });
  it('names every bad support group field', () => {
    expect(fields(validateSupportGroup('Bad Key!', { name: '', entraGroupId: 'group-1', teamsChannelId: 'general', isActive: 'yes' }))).toEqual(['key', 'name', 'entraGroupId', 'teamsChannelId', 'isActive']);
    expect(fields(validateSupportGroup('x', { name: 'y'.repeat(256), entraGroupId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['name']);
  });
  it('requires a service owner and an active default group', () => {
    const groups = new Set(['service-desk']);
    expect(validateService('printing', { name: 'Printing', ownerId: 'oid-1', defaultGroupKey: 'service-desk', isActive: false }, groups)).toMatchObject({ ok: true, value: { isActive: false } });
    expect(fields(validateService('printing', { name: 'Printing' }, groups))).toEqual(['ownerId', 'defaultGroupKey']);
    expect(fields(validateService('printing', { name: 'Printing', ownerId: 'o', defaultGroupKey: 'nowhere' }, groups))).toEqual(['defaultGroupKey']);
  });
  it('checks a category parent and service exist and that it is not its own parent', () => {
    const known = { categories: new Set(['hardware', 'printers']), services: new Set(['printing']) };
    expect(validateCategory('printers', { name: 'Printers', parentKey: 'hardware', serviceKey: 'printing' }, known).ok).toBe(true);
    expect(fields(validateCategory('printers', { name: 'Printers', parentKey: 'printers', serviceKey: 'nope' }, known))).toEqual(['parentKey', 'serviceKey']);
    expect(fields(validateCategory('printers', { name: 'P', parentKey: 'ghost' }, known))).toEqual(['parentKey']);
  });
});
