// LDAP_SERVER_POLICY_HINTS on the wire: the value is SEQUENCE { INTEGER 1 } and the control is the RFC 4511
// Control SEQUENCE { controlType OID-as-octets, criticality BOOLEAN, controlValue OCTET STRING }.
import { BerReader, BerWriter } from 'ldapts';
import { describe, expect, it } from 'vitest';
import {
  POLICY_HINTS_DEPRECATED_OID,
  POLICY_HINTS_OID,
  PolicyHintsControl,
  pickPolicyHintsOid,
} from '../../../../src-main/directory/ad/policy-hints.js';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();
const encode = (c: PolicyHintsControl) => {
  const w = new BerWriter();
  c.write(w);
  return w.buffer;
};

describe('PolicyHintsControl', () => {
  it('value is BER SEQUENCE { INTEGER 1 } = 30 03 02 01 01', () => {
    expect(hex(PolicyHintsControl.value())).toBe('30 03 02 01 01');
  });

  it('encodes the whole control byte for byte (critical, current OID)', () => {
    const oid = Buffer.from(POLICY_HINTS_OID, 'ascii');
    expect(oid.length).toBe(23);
    const expected = Buffer.concat([
      Buffer.from([0x30, 0x23]), // SEQUENCE, 35 bytes
      Buffer.from([0x04, 0x17]),
      oid, // controlType (LDAPOID is an OCTET STRING)
      Buffer.from([0x01, 0x01, 0xff]), // criticality TRUE
      Buffer.from([0x04, 0x05, 0x30, 0x03, 0x02, 0x01, 0x01]), // controlValue
    ]);
    expect(hex(encode(new PolicyHintsControl()))).toBe(hex(expected));
  });

  it('reads back with a BER reader: type, criticality, value', () => {
    const r = new BerReader(encode(new PolicyHintsControl(POLICY_HINTS_DEPRECATED_OID, false)));
    expect(r.readSequence()).toBe(0x30);
    expect(r.readString()).toBe(POLICY_HINTS_DEPRECATED_OID);
    expect(r.readBoolean()).toBe(false);
    const value = r.readString(0x04, true)!;
    expect(hex(value)).toBe('30 03 02 01 01');
    const inner = new BerReader(value);
    inner.readSequence();
    expect(inner.readInt()).toBe(1);
  });

  it('is critical unless told otherwise', () => {
    expect(new PolicyHintsControl().critical).toBe(true);
    expect(new PolicyHintsControl().type).toBe('1.2.840.113556.1.4.2239');
  });
});

describe('pickPolicyHintsOid', () => {
  it('prefers the current OID, falls back to the deprecated one, else null (Samba 4.17)', () => {
    expect(pickPolicyHintsOid(['1.2.840.113556.1.4.319', POLICY_HINTS_DEPRECATED_OID, POLICY_HINTS_OID])).toBe(
      POLICY_HINTS_OID,
    );
    expect(pickPolicyHintsOid([POLICY_HINTS_DEPRECATED_OID])).toBe('1.2.840.113556.1.4.2066');
    expect(pickPolicyHintsOid(['1.2.840.113556.1.4.319', '1.2.840.113556.1.4.801'])).toBeNull();
    expect(pickPolicyHintsOid([])).toBeNull();
  });
});
