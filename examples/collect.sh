#!/bin/sh
# wgdiag collect.sh: gather WireGuard performance evidence on a Linux gateway, without Java.
# Writes the capture bundle layout of docs/bundle-format.md, read by `wgdiag analyze`.
#
#   collect.sh --interface wg0 --peer 10.60.0.10 [--underlay 203.0.113.44] [--iperf 10.60.0.10]
#              [--iperf-port 5201] [--duration 8] [--bitrate 20M] [--length 16K]
#              [--phase setup|before|during|after] [--out DIR|FILE.tar.gz] [--anonymize]
#
# Without --phase, everything is collected in one run: the setup (configuration files and the
# probe/ folder), then, with --iperf, the counters in before/, the load in during/ and the counters
# in after/ (without --iperf, the counters once, unnamed). With --phase, only that part is collected
# into DIR (which may already hold the other parts), so a caller can take both tunnel ends' phases
# around one load: `--phase before` and `--phase after` take the counters only; `--phase during`
# runs the iperf3 load with --iperf, else mpstat (and top) for --duration seconds.
#
# Safety: commands run with fixed arguments (no eval, no user text in a shell string), each under
# `timeout`; missing tools are noted in NOTES.md and skipped; no private or preshared key is written
# (`wg show` hides them; dump output has both fields replaced by "(hidden)").
set -u
LC_ALL=C; export LC_ALL
WG_COLOR_MODE=never; export WG_COLOR_MODE
S_COLORS=never; export S_COLORS
unset WG_HIDE_KEYS

usage() { echo "usage: collect.sh --interface IF --peer TUNNEL_IP [--underlay IP] [--iperf IP] [--iperf-port N] [--duration S] [--bitrate RATE] [--length LEN] [--phase setup|before|during|after] [--out DIR|FILE.tar.gz] [--anonymize]" >&2; exit 2; }
die() { echo "collect.sh: $*" >&2; exit 2; }

IFACE= PEER= UNDERLAY= IPERF= IPERF_PORT=5201 DURATION=8 OUT=wgdiag-bundle ANON=0 TMO=20 BITRATE= LENGTH= PHASE=
while [ $# -gt 0 ]; do
  case "$1" in
    --interface) [ $# -ge 2 ] || usage; IFACE=$2; shift 2 ;;
    --peer) [ $# -ge 2 ] || usage; PEER=$2; shift 2 ;;
    --underlay) [ $# -ge 2 ] || usage; UNDERLAY=$2; shift 2 ;;
    --iperf) [ $# -ge 2 ] || usage; IPERF=$2; shift 2 ;;
    --iperf-port) [ $# -ge 2 ] || usage; IPERF_PORT=$2; shift 2 ;;
    --duration) [ $# -ge 2 ] || usage; DURATION=$2; shift 2 ;;
    --bitrate) [ $# -ge 2 ] || usage; BITRATE=$2; shift 2 ;;
    --length) [ $# -ge 2 ] || usage; LENGTH=$2; shift 2 ;;
    --phase) [ $# -ge 2 ] || usage; PHASE=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || usage; OUT=$2; shift 2 ;;
    --anonymize) ANON=1; shift ;;
    -h|--help) usage ;;
    *) die "unknown argument '$1'" ;;
  esac
done
[ -n "$IFACE" ] && [ -n "$PEER" ] || usage

# Validation: an interface name, and IP literals only (no host names, nothing a shell could read).
case "$IFACE" in -*|*[!A-Za-z0-9_.:-]*) die "--interface must be an interface name, not '$IFACE'" ;; esac
[ ${#IFACE} -le 15 ] || die "--interface is longer than 15 characters"
is_ip() {
  case "$1" in
    ''|-*) return 1 ;;
    *[!0-9a-fA-F:.]*) return 1 ;;
    *:*) return 0 ;;
    *.*.*.*) case "$1" in *[!0-9.]*) return 1 ;; esac; return 0 ;;
    *) return 1 ;;
  esac
}
is_ip "$PEER" || die "--peer must be an IPv4 or IPv6 address, not '$PEER'"
[ -z "$UNDERLAY" ] || is_ip "$UNDERLAY" || die "--underlay must be an IP address, not '$UNDERLAY'"
[ -z "$IPERF" ] || is_ip "$IPERF" || die "--iperf must be an IP address, not '$IPERF'"
case "$IPERF_PORT" in ''|*[!0-9]*) die "--iperf-port must be a number" ;; esac
case "$BITRATE" in '') ;; *[!0-9KMGkmg]*|[!0-9]*) die "--bitrate must be digits with an optional K, M or G" ;; esac
case "$LENGTH" in '') ;; *[!0-9Kk]*|[!0-9]*) die "--length must be digits with an optional K" ;; esac
case "$PHASE" in ''|setup|before|during|after) ;; *) die "--phase must be setup, before, during or after" ;; esac
case "$DURATION" in ''|*[!0-9]*) die "--duration must be whole seconds" ;; esac
[ "$DURATION" -ge 2 ] && [ "$DURATION" -le 300 ] || die "--duration must be 2 to 300 seconds"

case "$OUT" in
  *.tar.gz|*.tgz) [ -z "$PHASE" ] || die "--phase writes into a directory, not a .tar.gz"
     TARBALL=$OUT; DIR=$(mktemp -d "${TMPDIR:-/tmp}/wgdiag-collect.XXXXXX") || die "mktemp failed" ;;
  *) TARBALL=; DIR=$OUT
     case "$PHASE" in
       '') if [ -d "$DIR" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ]; then die "$DIR exists and is not empty"; fi ;;
       setup) [ ! -e "$DIR/wg-show.txt" ] || die "$DIR already holds a setup" ;;
       *) [ ! -e "$DIR/$PHASE" ] || die "$DIR/$PHASE exists" ;;
     esac ;;
esac
mkdir -p "$DIR" || die "cannot create $DIR"
NOTES="$DIR/NOTES.md"
[ -f "$NOTES" ] || printf '# Collection notes\n\n' > "$NOTES"

have() { command -v "$1" >/dev/null 2>&1; }
if have timeout; then TIMEOUT="timeout $TMO"; else TIMEOUT=; fi

# Removes key material from `wg show dump` lines; other lines pass unchanged.
redact_keys() {
  awk 'BEGIN { FS = OFS = "\t" }
       { o = (NF == 5 || NF == 9) ? 1 : 0; n = NF - o
         if (n == 4 && length($(1+o)) == 44) $(1+o) = "(hidden)"
         else if (n == 8 && $(2+o) != "(none)") $(2+o) = "(hidden)"
         print }'
}

# Replaces public IPv4 addresses and 44-character keys with consistent stand-ins.
anonymize() {
  if [ "$ANON" != 1 ]; then cat; return; fi
  awk '
    function pub4(a,   p) { split(a, p, ".")
      if (p[1] == 10 || p[1] == 127 || p[1] == 0 || p[1] >= 224) return 0
      if (p[1] == 172 && p[2] >= 16 && p[2] < 32) return 0
      if (p[1] == 192 && p[2] == 168) return 0
      if (p[1] == 169 && p[2] == 254) return 0
      if (p[1] == 100 && p[2] >= 64 && p[2] < 128) return 0
      if ((p[1] == 192 && p[2] == 0 && p[3] == 2) || (p[1] == 198 && p[2] == 51 && p[3] == 100) || (p[1] == 203 && p[2] == 0 && p[3] == 113)) return 0
      return 1 }
    {
      line = $0; out = ""
      while (match(line, /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+|[A-Za-z0-9+\/]{43}=/)) {
        tok = substr(line, RSTART, RLENGTH)
        rep = tok
        if (tok ~ /=$/) { if (!(tok in K)) { nk++; K[tok] = sprintf("AnonymizedPublicKey%024d=", nk) } rep = K[tok] }
        else if (pub4(tok)) { if (!(tok in A)) { na++; A[tok] = sprintf("203.0.%d.%d", 113 + int(na / 250), na % 250 + 1) } rep = A[tok] }
        out = out substr(line, 1, RSTART - 1) rep
        line = substr(line, RSTART + RLENGTH)
      }
      print out line
    }'
}

# run FILE CMD ARGS...: runs the command (bounded) and writes a one-command transcript.
run() {
  f=$1; shift
  if ! have "$1"; then echo "- $*: skipped, $1 is not installed" >> "$NOTES"; return 1; fi
  mkdir -p "$(dirname "$DIR/$f")"
  { printf '$ %s\n' "$*"; $TIMEOUT "$@" 2>&1 | redact_keys; } | anonymize > "$DIR/$f"
  return 0
}

# start FILE CMD ARGS...: like run, in the background (the caller waits).
start() {
  f=$1; shift
  if ! have "$1"; then echo "- $*: skipped, $1 is not installed" >> "$NOTES"; return 1; fi
  mkdir -p "$(dirname "$DIR/$f")"
  ( { printf '$ %s\n' "$*"; timeout $((DURATION + 15)) "$@" 2>&1; } | anonymize > "$DIR/$f" ) &
  return 0
}

setup() {
  run ip-route-get@peer.txt ip route get "$PEER"
  UDEV=
  if [ -n "$UNDERLAY" ]; then
    run ip-route-get@underlay.txt ip route get "$UNDERLAY"
    UDEV=$(awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i+1); exit } }' "$DIR/ip-route-get@underlay.txt")
    case "$UDEV" in *[!A-Za-z0-9_.:@-]*) UDEV= ;; esac
  fi
  run wg-show.txt wg show "$IFACE"
  run ip-link.txt ip -d link show
  run ip-route.txt ip route show table all
  run ip-rule.txt ip rule show
  if [ -n "$UDEV" ]; then
    run sysctl.txt sysctl net.core.rmem_max net.core.wmem_max net.ipv4.tcp_rmem net.ipv4.tcp_wmem \
      net.ipv4.tcp_congestion_control net.ipv4.tcp_mtu_probing net.ipv4.ip_forward net.ipv4.conf.all.rp_filter \
      net.ipv4.conf.default.rp_filter "net.ipv4.conf.$IFACE.rp_filter" "net.ipv4.conf.$UDEV.rp_filter"
    run "ethtool-features@$UDEV.txt" ethtool -k "$UDEV"
  else
    run sysctl.txt sysctl net.core.rmem_max net.core.wmem_max net.ipv4.tcp_rmem net.ipv4.tcp_wmem \
      net.ipv4.tcp_congestion_control net.ipv4.tcp_mtu_probing net.ipv4.ip_forward net.ipv4.conf.all.rp_filter \
      net.ipv4.conf.default.rp_filter "net.ipv4.conf.$IFACE.rp_filter"
  fi
  run tc-qdisc.txt tc qdisc show
  run iptables-rules.txt iptables -S
  run iptables-rules@mangle.txt iptables -t mangle -S
  run nft-ruleset.txt nft list ruleset

  # The DF-ping ladder through the tunnel: one size above the tunnel MTU, then down.
  MTU=$(awk -v ifc="$IFACE" '$2 == ifc":" || index($2, ifc"@") == 1 { for (i = 1; i < NF; i++) if ($i == "mtu") { print $(i+1); exit } }' "$DIR/ip-link.txt")
  case "$MTU" in ''|*[!0-9]*) MTU=1420 ;; esac
  TOP=$((MTU - 28))
  for s in $((TOP + 20)) $TOP $((TOP - 20)) $((TOP - 40)) $((TOP - 60)) $((TOP - 80)) $((TOP - 140)) $((TOP - 200)) $((TOP - 260)); do
    run "probe/ping@df-$s.txt" ping -M do -s "$s" -c 3 -i 0.2 -W 1 "$PEER"
  done
  if [ -n "$UNDERLAY" ]; then
    run probe/ping@underlay.txt ping -c 10 -i 0.2 -W 1 "$UNDERLAY"
    run probe/ping@underlay-df-1472.txt ping -M do -s 1472 -c 3 -i 0.2 -W 1 "$UNDERLAY"
    run probe/tracepath@underlay.txt tracepath -n -m 8 "$UNDERLAY"
  fi
  properties
}

properties() {
  {
    echo "interface=$IFACE"
    echo "peer=$(printf '%s\n' "$PEER" | anonymize)"
    [ -z "$UNDERLAY" ] || echo "underlay=$(printf '%s\n' "$UNDERLAY" | anonymize)"
    echo "time=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "label=collected by collect.sh"
  } > "$DIR/bundle.properties"
}

counters() {
  p=$1
  run "${p}wg-show-dump.txt" wg show "$IFACE" dump
  run "${p}ip-link-stats.txt" ip -s -s link show
  run "${p}tc-qdisc.txt" tc -s qdisc show
  run "${p}netstat-stats.txt" netstat -s
  run "${p}proc-net-snmp.txt" cat /proc/net/snmp
  run "${p}conntrack-stats.txt" conntrack -S
  run "${p}proc-interrupts.txt" cat /proc/interrupts
  run "${p}proc-softnet-stat.txt" cat /proc/net/softnet_stat
}

load() {
  name=$1; shift
  SAMPLES=$((DURATION - 3)); [ "$SAMPLES" -ge 1 ] || SAMPLES=1
  if [ -n "$BITRATE" ]; then set -- "$@" -b "$BITRATE"; fi
  if [ -n "$LENGTH" ]; then set -- "$@" -l "$LENGTH"; fi
  start "during/iperf3@$name.txt" iperf3 -c "$IPERF" -p "$IPERF_PORT" -t "$DURATION" "$@" || return
  start "during/mpstat@$name.txt" mpstat -P ALL 1 "$SAMPLES"
  start "during/ping@loaded-$name.txt" ping -c "$SAMPLES" -i 1 -W 2 "$PEER"
  sleep 2
  run "during/ss-tcp-info@$name.txt" ss -tin dst "$IPERF"
  run "during/top@$name.txt" top -b -n 1
  wait
}

# The host's CPU for DURATION seconds, while another program (the other end's load) runs.
busy() {
  start during/mpstat.txt mpstat -P ALL 1 "$DURATION"
  sleep 2
  run during/top.txt top -b -n 1
  wait
}

case "$PHASE" in
  setup) setup ;;
  before) counters before/ ;;
  after) counters after/
    # the capture's time is its end: the last counters, against which handshake ages are read
    if [ -f "$DIR/bundle.properties" ]; then
      awk -v t="$(date -u +%Y-%m-%dT%H:%M:%SZ)" '/^time=/ { $0 = "time=" t } { print }' "$DIR/bundle.properties" > "$DIR/bundle.properties.new" \
        && mv "$DIR/bundle.properties.new" "$DIR/bundle.properties"
    fi ;;
  during) if [ -n "$IPERF" ]; then load single; sleep 1; load p4 -P 4; else busy; fi ;;
  '')
    setup
    if [ -z "$IPERF" ]; then
      counters ""
      run mpstat.txt mpstat -P ALL 1 1
      run top.txt top -b -n 1
    else
      counters before/
      load single
      sleep 1   # the server ends its test a moment after the client: "the server is busy"
      load p4 -P 4
      counters after/
    fi
    properties ;;
esac
# (a phase of a larger collection leaves the verdict to the notes as a whole)
[ -n "$PHASE" ] || [ "$(wc -l < "$NOTES")" -gt 2 ] || echo "Every command ran." >> "$NOTES"

if [ -n "$TARBALL" ]; then
  top=$(basename "$TARBALL"); top=${top%.tar.gz}; top=${top%.tgz}
  parent=$(dirname "$DIR")
  mv "$DIR" "$parent/$top" && tar -C "$parent" -czf "$TARBALL" "$top" && rm -rf "${parent:?}/$top" || die "cannot write $TARBALL"
fi
echo "wrote $OUT"
