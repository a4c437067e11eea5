import { describe, expect, it } from 'vitest';
import { getTableDefinition } from '../../sync-server/src/contract/index.js';
import { isContactMaskedFor, keepMaskedEchoes, maskContactCells, maskContactValue } from '../../sync-server/src/modules/access/contact-masking.js';
import { parseTenantSettings } from '../../sync-server/src/modules/tenants/tenant-settings.js';

const contacts = getTableDefinition('creator_contacts');

describe('masking a contact detail', () => {
  it('keeps enough to recognise it: the prefix and last digits of a phone, the first letter and provider of an email', () => {
    expect(maskContactValue('phone', '0912345678')).toBe('09•••••678');
    expect(maskContactValue('phone', '02439998888')).toBe('02••••••888');
    expect(maskContactValue('email', 'linhbeauty.work@gmail.com')).toBe('l•••@gmail.com');
    expect(maskContactValue('handle', 'linh_wx')).toBe('l•••x');
    expect(maskContactValue('phone', '113')).toBe('•••');
  });

  it('masks the contact columns of a row and leaves the rest (name, note) alone', () => {
    const row = { creator_key: 'KOC-LINH', name: 'Nguyễn Thuỳ Linh', phone: '0912345678', zalo: null, email: 'linh@gmail.com', wechat: 'linh_wx', note: 'call after 6pm' };
    expect(maskContactCells(true, contacts, row)).toEqual({ ...row, phone: '09•••••678', email: 'l•••@gmail.com', wechat: 'l•••x' });
    expect(maskContactCells(false, contacts, row)).toEqual(row);
  });
});

describe('who reads contacts masked', () => {
  it('viewer, finance and client by default; lead and admin in clear', () => {
    const defaults = parseTenantSettings({});
    expect(['viewer', 'finance', 'client', 'station_rep'].every((role) => isContactMaskedFor({ role: role as 'viewer' }, defaults))).toBe(true);
    expect(isContactMaskedFor({ role: 'lead' }, defaults)).toBe(false);
    expect(isContactMaskedFor({ role: 'admin' }, defaults)).toBe(false);
  });

  it('the tenant setting replaces the list; it can never mask the admin, and nonsense falls back to the default', () => {
    const settings = parseTenantSettings({ masking: { contactsHiddenFrom: ['lead', 'admin', 'nobody'] } });
    expect(settings.masking.contactsHiddenFrom).toEqual(['lead']);
    expect(isContactMaskedFor({ role: 'lead' }, settings)).toBe(true);
    expect(isContactMaskedFor({ role: 'viewer' }, settings)).toBe(false);
    expect(parseTenantSettings({ masking: 'everyone' }).masking.contactsHiddenFrom).toEqual(['viewer', 'finance', 'client', 'station_rep']);
    expect(parseTenantSettings({ clientsSeeMoney: 'yes' }).clientsSeeMoney).toBe(false);
  });
});

describe('a masked value written back', () => {
  const stored = { id: 'c1', values: { phone: '0912345678', email: 'linh@gmail.com', note: 'old' }, refs: {}, isDeleted: false, rowVersion: 3, updatedAt: '' };

  it('is put back to the stored value when it is exactly its masked form', () => {
    const row = { rowNumber: 2, values: { phone: '09•••••678', email: 'l•••@gmail.com', note: 'new' } };
    expect(keepMaskedEchoes(contacts, row, stored).values).toEqual({ phone: '0912345678', email: 'linh@gmail.com', note: 'new' });
  });

  it('is left as sent when it masks something else (the door then refuses it)', () => {
    const row = { rowNumber: 2, values: { phone: '09•••••999' } };
    expect(keepMaskedEchoes(contacts, row, stored).values.phone).toBe('09•••••999');
  });
});
