// LDAP_SERVER_POLICY_HINTS: tells AD to apply the password history length to an admin reset ([MS-ADTS] 3.1.1.3.4.1.27),
// which it otherwise skips. Windows Server 2012 R2+ lists 1.2.840.113556.1.4.2239 in rootDSE supportedControl;
// 2008 R2 with KB2386717 has the deprecated 1.2.840.113556.1.4.2066. Samba 4.17 lists neither (test/peers/samba/FACTS.md).
// [MS-ADTS] "LDAP_SERVER_POLICY_HINTS_OID": controlValue = BER SEQUENCE { Flags INTEGER }, Flags 1 = enforce policy.
import { Ber, BerWriter, Control } from 'ldapts';

export const POLICY_HINTS_OID = '1.2.840.113556.1.4.2239';
export const POLICY_HINTS_DEPRECATED_OID = '1.2.840.113556.1.4.2066';

export class PolicyHintsControl extends Control {
  /**
   * Critical by default: we only send it when the DC lists it, and then a reset that silently skipped the
   * history check would make `enforcesHistory` a lie; a DC that refuses it answers 12 and nothing changes.
   */
  constructor(oid: string = POLICY_HINTS_OID, critical = true) {
    super(oid, { critical });
  }

  /** The value, as its own bytes: 30 03 02 01 01. */
  static value(): Buffer {
    const value = new BerWriter();
    value.startSequence();
    value.writeInt(1);
    value.endSequence();
    return value.buffer;
  }

  protected override writeControl(writer: BerWriter): void {
    writer.writeBuffer(PolicyHintsControl.value(), Ber.OctetString);
  }
}

/** The policy hints OID the DC supports (the current one preferred), or null. */
export function pickPolicyHintsOid(supportedControl: readonly string[]): string | null {
  if (supportedControl.includes(POLICY_HINTS_OID)) return POLICY_HINTS_OID;
  if (supportedControl.includes(POLICY_HINTS_DEPRECATED_OID)) return POLICY_HINTS_DEPRECATED_OID;
  return null;
}
