#!/usr/bin/env bash
# Throwaway Samba AD DC for the AD adapter's integration tests (Debian 12 / samba 4.17, root).
#
#   start-dc.sh [start] DIR   start a DC whose data lives in DIR (new/empty DIR, or one this script made)
#   start-dc.sh stop    DIR   stop the samba started for DIR (by pid file, never by name)
#   start-dc.sh status  DIR   exit 0 if running
#
# Port-conflict safe: each DC binds its own loopback address 127.0.0.N (N ≥ 2, the first one with 389
# and 636 free; force one with DC_IP), so several DCs (parallel test files, other checkouts) coexist.
# Fast: the domain is provisioned once into a template dir keyed by this script's hash and the samba
# version (~8 s), then copied into DIR (~1 s); each DIR gets its own CA and server cert.
# After start: DIR/dc.env (sourceable, also printed) holds URLs, CA, bind DN/password, users.
# Exit 3 = samba is not installed and cannot be installed (tests then skip loudly); other ≠ 0 = failure.
# What it provides and what was verified on it: test/peers/samba/FACTS.md.
set -euo pipefail

MODE=start
case "${1:-}" in start|stop|status) MODE=$1; shift ;; esac
[ $# -ge 1 ] || { echo "usage: $0 [start|stop|status] DIR" >&2; exit 2; }
DIR=$(realpath -m "$1")
HERE=$(cd "$(dirname "$0")" && pwd)

ADMIN_PW='Adm1n#Kiosk-Test'
SVC_PW='Svc#Kiosk-Reset-1'
BASE_DN='DC=kiosk,DC=test'
OU_DN="OU=Kiosk,$BASE_DN"
SVC_DN="CN=svc-kiosk,CN=Users,$BASE_DN"
PIDFILE="$DIR/run/samba.pid"
LOCK=${TMPDIR:-/tmp}/reset-kiosk-samba.lock

log() { printf '[start-dc %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

running_pid() {   # prints the pid if the samba recorded in PIDFILE is alive
  [ -s "$PIDFILE" ] || return 1
  local pid; pid=$(tr -dc 0-9 < "$PIDFILE")
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = /usr/sbin/samba ] || return 1
  echo "$pid"
}
alive() { [ -d "/proc/$1" ] || { [ "$2" = "$1" ] && kill -0 -- "-$2" 2>/dev/null; }; }

do_stop() {
  local pid pgid
  if ! pid=$(running_pid); then log "not running ($DIR)"; return 0; fi
  pgid=$(awk '{print $5}' "/proc/$pid/stat")   # samba -D leads its own group; prefork children share it
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do alive "$pid" "$pgid" || break; sleep 0.1; done
  if alive "$pid" "$pgid"; then
    log "samba $pid still alive after 5 s: SIGKILL"
    if [ "$pgid" = "$pid" ]; then kill -KILL -- "-$pgid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$PIDFILE"
  log "stopped samba $pid ($DIR)"
}

case "$MODE" in
  stop) do_stop; exit 0 ;;
  status) if pid=$(running_pid); then echo "running pid $pid"; exit 0; else echo "not running"; exit 1; fi ;;
esac

[ "$(id -u)" = 0 ] || { command -v samba-tool >/dev/null || exit 3; die "must run as root"; }
T0=$(date +%s.%N)
if pid=$(running_pid); then log "already running (pid $pid)"; cat "$DIR/dc.env"; exit 0; fi

# ---------------------------------------------------------------- packages (CI installs them up front)
PKGS="samba samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind ldb-tools ldap-utils openssl"
missing=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  log "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null; } \
    || { log "apt-get could not install:$missing"; exit 3; }
fi

# ---------------------------------------------------------------- template (provisioned once), then DIR
KEY=$( { cat "$0" "$HERE/provision.sh"; dpkg-query -W -f='${Version}' samba; } | sha256sum | cut -c1-12)
TEMPLATE=${TMPDIR:-/tmp}/reset-kiosk-samba-template-$KEY
if [ ! -f "$DIR/.provisioned" ]; then
  if [ -d "$DIR" ] && [ -n "$(ls -A "$DIR")" ]; then die "$DIR is not empty and not made by this script; remove it first"; fi
  (
    flock -w 300 8 || die "timeout waiting for the template lock"
    if [ ! -f "$TEMPLATE/.template-ok" ]; then
      rm -rf "$TEMPLATE"   # a template without its marker is a half-made one
      bash "$HERE/provision.sh" "$TEMPLATE" "$ADMIN_PW" "$SVC_PW"
    fi
  ) 8>"$TEMPLATE.lock"
  mkdir -p "$DIR"
  cp -a "$TEMPLATE/." "$DIR/"
  # smb.conf holds absolute paths; the ldb files do not (checked: grep finds none)
  sed -i "s|$TEMPLATE/|$DIR/|g; s|$TEMPLATE\$|$DIR|" "$DIR/etc/smb.conf"
  grep -q "private dir = $DIR/private" "$DIR/etc/smb.conf" || die "path rewrite failed in $DIR/etc/smb.conf"
  ( cd "$DIR/tls"   # a CA per DIR; wrong-ca.pem is an unrelated CA for "wrong CA is refused" tests
    for ca in ca wrong-ca; do
      openssl req -x509 -newkey rsa:2048 -nodes -keyout $ca.key -out $ca.pem -days 30 -subj "/CN=Kiosk Test $ca" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    done
    chmod 600 ./*.key )
  rm -f "$DIR/.template-ok"; touch "$DIR/.provisioned"
fi

# ---------------------------------------------------------------- pick a free loopback address and start
port_busy() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
exec 9>"$LOCK"   # held from picking an address until samba listens on it, so parallel starts never collide
flock -w 120 9 || die "timeout waiting for $LOCK"
IP=${DC_IP:-}
if [ -z "$IP" ]; then
  for n in $(seq 2 254); do
    if ! port_busy "127.0.0.$n" 389 && ! port_busy "127.0.0.$n" 636; then IP=127.0.0.$n; break; fi
  done
  [ -n "$IP" ] || die "no loopback address with ports 389 and 636 free"
else
  for p in 389 636; do port_busy "$IP" $p && die "$IP:$p already in use"; done
fi
( cd "$DIR/tls"
  printf 'subjectAltName=IP:%s,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' "$IP" > ext.cnf
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 -extfile ext.cnf 2>/dev/null
  chmod 600 server.key )
# "IP/8" makes samba bind exactly that address (it fakes an interface; a bare IP must be a real one)
sed -i "s|^\tinterfaces = .*|\tinterfaces = $IP/8|" "$DIR/etc/smb.conf"

samba -s "$DIR/etc/smb.conf" -D 9>&-   # the daemon must not inherit the lock
ready=0
for _ in $(seq 1 150); do
  if LDAPTLS_CACERT="$DIR/tls/ca.pem" ldapsearch -x -o nettimeout=2 -H "ldaps://$IP:636" -D "$SVC_DN" -w "$SVC_PW" \
       -b "$OU_DN" -s base dn >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
[ "$ready" = 1 ] || { tail -20 "$DIR/log/samba.log" >&2; die "DC not ready on ldaps://$IP:636"; }
exec 9>&-
pid=$(running_pid) || die "samba not running after start"

cat > "$DIR/dc.env" <<EOF
DC_DIR='$DIR'
DC_PID=$pid
DC_IP='$IP'
DC_URL='ldaps://$IP:636'
DC_URL_STARTTLS='ldap://$IP:389'
DC_CA='$DIR/tls/ca.pem'
DC_WRONG_CA='$DIR/tls/wrong-ca.pem'
DC_BASE_DN='$BASE_DN'
DC_KIOSK_OU='$OU_DN'
DC_BIND_DN='$SVC_DN'
DC_BIND_PASSWORD='$SVC_PW'
DC_ADMIN_DN='CN=Administrator,CN=Users,$BASE_DN'
DC_ADMIN_PASSWORD='$ADMIN_PW'
EOF
cat "$DIR/dc.env"
log "ready on $IP in $(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s; stop with: $0 stop '$DIR'"
