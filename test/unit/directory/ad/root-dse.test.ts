// Turning naming contexts into the DNS names AD accepts as UPN suffixes.
import { describe, expect, it } from 'vitest';
import { dnsNameOf } from '../../../../src-main/directory/ad/root-dse.js';

describe('dnsNameOf', () => {
  it('joins the DC= parts in lower case and ignores the rest', () => {
    expect(dnsNameOf('DC=Zorg,DC=Example')).toBe('zorg.example');
    expect(dnsNameOf('dc=kiosk, dc=test')).toBe('kiosk.test');
    expect(dnsNameOf('CN=Configuration,DC=kiosk,DC=test')).toBe('kiosk.test');
    expect(dnsNameOf('')).toBe('');
  });
});
