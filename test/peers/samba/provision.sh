#!/usr/bin/env bash
# Provisions the test domain KIOSK.TEST into DIR (called once per template by start-dc.sh; never started here).
#   provision.sh DIR ADMIN_PW SVC_PW
# Creates OU=Kiosk with the least-privilege delegation for svc-kiosk, the password policy and the users of
# FACTS.md (this folder).
set -euo pipefail
DIR=$1 ADMIN_PW=$2 SVC_PW=$3
REALM=KIOSK.TEST DOMAIN=KIOSK
CONF="$DIR/etc/smb.conf"
PY=/usr/bin/python3   # samba bindings live in the Debian python, not in pyenv/venv pythons
log() { printf '[provision %s] %s\n' "$(date +%T)" "$*" >&2; }

mkdir -p "$DIR"/{etc,tls,run,log,cache,state,private}
chmod 700 "$DIR/private"
: > "$DIR/etc/empty.conf"
log "provisioning $REALM into $DIR (~6 s)"
# interfaces is a placeholder: start-dc.sh rewrites it to the loopback address it picks.
samba-tool domain provision -s "$DIR/etc/empty.conf" --targetdir="$DIR" \
  --realm="$REALM" --domain="$DOMAIN" --host-name=dc1 --server-role=dc --dns-backend=NONE \
  --adminpass="$ADMIN_PW" \
  --option="interfaces=127.0.0.1/8" --option="bind interfaces only=yes" \
  --option="server services=ldap" \
  --option="pid directory=$DIR/run" --option="ncalrpc dir=$DIR/run/ncalrpc" \
  --option="winbindd socket directory=$DIR/run/winbindd" \
  --option="ntp signd socket directory=$DIR/run/ntp_signd" \
  --option="log file=$DIR/log/samba.log" --option="log level=1" \
  --option="tls enabled=yes" --option="tls keyfile=$DIR/tls/server.key" \
  --option="tls certfile=$DIR/tls/server.pem" --option="tls cafile=$DIR/tls/ca.pem" \
  --option="dsdb:schema update allowed=true" \
  > "$DIR/log/provision.log" 2>&1 || { tail -20 "$DIR/log/provision.log" >&2; log "provision failed"; exit 1; }
grep -q "private dir = $DIR/private" "$CONF" || { log "unexpected smb.conf: $CONF"; exit 1; }
# By default (60 min, like AD's OldPasswordAllowedPeriod for NTLM) samba keeps accepting the previous password
# for simple binds after a reset; 0 lets the tests prove the old one is refused. provision drops this --option,
# so it goes into smb.conf directly.
sed -i '/^\[global\]/a \\told password allowed period = 0' "$CONF"

# history 5, min length 8, complexity, lockout after 5 bad binds (defaults kept: 30 min duration/window)
samba-tool domain passwordsettings set -s "$CONF" -H "$DIR/private/sam.ldb" \
  --history-length=5 --min-pwd-length=8 --complexity=on \
  --account-lockout-threshold=5 --min-pwd-age=0 >/dev/null

log "schema (extensionAttribute1), OU=Kiosk, users, svc-kiosk + delegation"
"$PY" - "$CONF" "$REALM" "$SVC_PW" <<'PYEOF'
import sys
import ldb
from samba.param import LoadParm
from samba.samdb import SamDB
from samba.auth import system_session
from samba.sd_utils import SDUtils
from samba.ndr import ndr_unpack
from samba.dcerpc import security

conf, realm, svc_pw = sys.argv[1:4]
lp = LoadParm(); lp.load(conf)
db = SamDB(url=lp.private_path("sam.ldb"), session_info=system_session(), lp=lp)
base = str(db.domain_dn()); schema = str(db.get_schema_basedn())

# extensionAttribute1 is an Exchange attribute, absent from Samba's schema: add it as mayContain of user
db.add_ldif(f"""dn: CN=ms-Exch-Extension-Attribute-1,{schema}
objectClass: top
objectClass: attributeSchema
cn: ms-Exch-Extension-Attribute-1
lDAPDisplayName: extensionAttribute1
attributeID: 1.2.840.113556.1.2.423
attributeSyntax: 2.5.5.12
oMSyntax: 64
isSingleValued: TRUE
rangeLower: 1
rangeUpper: 1024
""")
db.modify_ldif(f"dn: CN=User,{schema}\nchangetype: modify\nadd: mayContain\nmayContain: extensionAttribute1\n")
db.modify_ldif("dn:\nchangetype: modify\nadd: schemaUpdateNow\nschemaUpdateNow: 1\n")

def add_user(parent, sam, given, sn, password, birth=None, mobile=None, uac=512, cn=None, upn=None):
    cn = cn or f"{given} {sn}"
    m = ldb.Message(ldb.Dn(db, f"CN={cn},{parent}"))
    vals = {"objectClass": "user", "sAMAccountName": sam, "userPrincipalName": f"{upn or sam}@{realm.lower()}",
            "givenName": given, "sn": sn, "displayName": cn, "userAccountControl": str(uac)}
    if birth: vals["employeeID"] = birth; vals["extensionAttribute1"] = birth
    if mobile: vals["mobile"] = mobile
    for k, v in vals.items(): m[k] = ldb.MessageElement(v, ldb.FLAG_MOD_ADD, k)
    m["unicodePwd"] = ldb.MessageElement(('"%s"' % password).encode("utf-16-le"), ldb.FLAG_MOD_ADD, "unicodePwd")
    db.add(m)
    return str(m.dn)

# service account outside OU=Kiosk, so it has no rights on itself; 66048 = normal + password never expires
svc_dn = add_user(f"CN=Users,{base}", "svc-kiosk", "svc", "kiosk", svc_pw, uac=66048, cn="svc-kiosk")
sid = ndr_unpack(security.dom_sid, db.search(svc_dn, scope=ldb.SCOPE_BASE, attrs=["objectSid"])[0]["objectSid"][0])

# least privilege, set BEFORE the users exist (inherit-only ACEs on user objects):
# Reset Password + write lockoutTime + write pwdLastSet, nothing else
ou = f"OU=Kiosk,{base}"
db.add({"dn": ou, "objectClass": "organizationalUnit", "ou": "Kiosk"})
USER = "bf967aba-0de6-11d0-a285-00aa003049e2"          # class user
RESET = "00299570-246d-11d0-a768-00aa006e0529"         # User-Force-Change-Password (Reset Password)
LOCKOUT = "28630ebf-41d5-11d1-a9c1-0000f80367c1"       # lockoutTime
PWDLASTSET = "bf967a0a-0de6-11d0-a285-00aa003049e2"    # pwdLastSet
SDUtils(db).dacl_add_ace(ou, f"(OA;CIIO;CR;{RESET};{USER};{sid})(OA;CIIO;WP;{LOCKOUT};{USER};{sid})(OA;CIIO;WP;{PWDLASTSET};{USER};{sid})")
# Read Property on fine-grained password policies (PSOs), inherit-only onto msDS-PasswordSettings objects: without
# it the service account sees a user's msDS-ResultantPSO (a DN) but none of the PSO's settings (verified).
PSO = "3bcd9db8-f84b-451c-952f-6c52b81f9ec6"            # class msDS-PasswordSettings
SDUtils(db).dacl_add_ace(f"CN=Password Settings Container,CN=System,{base}", f"(OA;CIIO;RP;;{PSO};{sid})")

add_user(ou, "A.Janssen", "Anna", "Janssen", "Start#Kiosk-101", birth="1984-10-01", mobile="+31612345678")
add_user(ou, "jdoe", "John", "Doe", "Start#Kiosk-102", birth="1990-02-28", mobile="+31687654321")
add_user(ou, "asmith", "Alice", "Smith", "Start#Kiosk-103", birth="1975-12-31")              # no mobile
# a UPN prefix that differs from the sAMAccountName: one account that answers to two names
add_user(ou, "bvdberg", "Bram", "van den Berg", "Start#Kiosk-105", birth="1988-04-17", mobile="+31623456789", upn="bram.vandenberg")
add_user(f"CN=Users,{base}", "outsider", "Olaf", "Buiten", "Start#Kiosk-104", birth="1980-05-05", mobile="+31600000001")
PYEOF
touch "$DIR/.template-ok"
log "provisioned"
