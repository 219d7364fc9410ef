#!/usr/bin/env bash
# wgdiag lab: real WireGuard (wireguard-go) tunnels in network namespaces, one field-guide fault
# injected per scenario, both ends recorded with examples/collect.sh as capture bundles.
#
#   lab/lab.sh record SCENARIO OUTDIR     record one scenario into OUTDIR/SCENARIO
#   lab/lab.sh record-all OUTDIR          record every scenario
#   lab/lab.sh list                       the scenarios
#   lab/lab.sh up | down                  bring the healthy tunnel up (and leave it) | tear it down
#   lab/lab.sh cleanup                    remove anything a crashed run left behind
#
# Topology: wgdlab-a (local, 192.0.2.1, tunnel 10.60.0.1) -- wgdlab-r (router) -- wgdlab-b (remote,
# 198.51.100.2, tunnel 10.60.0.10, iperf3 server). Only addresses inside these namespaces are used;
# every wait is bounded; everything is torn down on exit, even on failure.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
COLLECT="$HERE/../examples/collect.sh"
A=wgdlab-a; R=wgdlab-r; B=wgdlab-b
WGA=wglaba0; WGB=wglabb0
KEYDIR=""
SCENARIOS="healthy udp-buffer-errors pmtu-blackhole tunnel-mtu-above-underlay not-via-tunnel allowed-ips-gap underlay-loss local-qdisc-drops peer-unreachable cpu-pinned bufferbloat policy-asymmetry"

log() { echo "lab: $*" >&2; }

cleanup() {
  for ns in $A $R $B; do
    if ip netns list 2>/dev/null | grep -qw "$ns"; then
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    fi
  done
  sleep 0.3
  for ns in $A $R $B; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  pkill -f "wireguard-go $WGA" 2>/dev/null || true
  pkill -f "wireguard-go $WGB" 2>/dev/null || true
  rm -f "/var/run/wireguard/$WGA.sock" "/var/run/wireguard/$WGB.sock"
  [ -z "$KEYDIR" ] || rm -rf "$KEYDIR"
}

check() {
  [ "$(id -u)" = 0 ] || { echo "skipped: the lab needs root"; exit 0; }
  for t in ip wg wireguard-go iperf3 mpstat nft tc ping; do
    command -v "$t" >/dev/null 2>&1 || { echo "skipped: $t is not installed (run .ci/install-lab-packages)"; exit 0; }
  done
  ip netns add wgdlab-probe 2>/dev/null && ip netns del wgdlab-probe || { echo "skipped: network namespaces are not available"; exit 0; }
}

ns() { local n=$1; shift; ip netns exec "$n" "$@"; }

# The base topology and tunnel; ENDPOINT_PORT lets a scenario point A at the wrong port.
setup() {
  local endpoint_port=${1:-51820}
  cleanup
  KEYDIR=$(mktemp -d)
  for n in $A $R $B; do ip netns add $n; ns $n ip link set lo up; done
  ip link add la0 type veth peer name lr0; ip link set la0 netns $A; ip link set lr0 netns $R
  ip link add lr1 type veth peer name lb0; ip link set lr1 netns $R; ip link set lb0 netns $B
  ns $A ip addr add 192.0.2.1/24 dev la0; ns $R ip addr add 192.0.2.254/24 dev lr0
  ns $R ip addr add 198.51.100.254/24 dev lr1; ns $B ip addr add 198.51.100.2/24 dev lb0
  ns $A ip link set la0 up; ns $R ip link set lr0 up; ns $R ip link set lr1 up; ns $B ip link set lb0 up
  ns $R sysctl -qw net.ipv4.ip_forward=1
  ns $A ip route add default via 192.0.2.254; ns $B ip route add default via 198.51.100.254
  (umask 077; wg genkey > "$KEYDIR/a"; wg genkey > "$KEYDIR/b")
  wg pubkey < "$KEYDIR/a" > "$KEYDIR/a.pub"; wg pubkey < "$KEYDIR/b" > "$KEYDIR/b.pub"
  ns $A wireguard-go $WGA >/dev/null 2>&1; ns $B wireguard-go $WGB >/dev/null 2>&1
  ns $A wg set $WGA private-key "$KEYDIR/a" listen-port 51820 peer "$(cat "$KEYDIR/b.pub")" \
    endpoint 198.51.100.2:"$endpoint_port" allowed-ips 10.60.0.10/32 persistent-keepalive 25
  ns $B wg set $WGB private-key "$KEYDIR/b" listen-port 51820 peer "$(cat "$KEYDIR/a.pub")" \
    endpoint 192.0.2.1:51820 allowed-ips 10.60.0.1/32
  ns $A ip addr add 10.60.0.1/24 dev $WGA; ns $B ip addr add 10.60.0.10/24 dev $WGB
  ns $A ip link set $WGA up; ns $B ip link set $WGB up
  ns $B iperf3 -s -D -p 5201 >/dev/null 2>&1
  local i
  for i in $(seq 1 20); do   # bounded: at most ~10 s for the first handshake
    ns $A ping -c 1 -W 1 10.60.0.10 >/dev/null 2>&1 && return 0
    [ "$endpoint_port" != 51820 ] && [ "$i" -ge 3 ] && return 0
    sleep 0.5
  done
  [ "$endpoint_port" != 51820 ] || log "no handshake within 10 s"
}

# record SCENARIO DIR: set up, inject the fault, collect both ends, write expected.properties.
record() {
  local s=$1 dir=$2 top absent desc bitrate="" duration=4
  rm -rf "$dir"; mkdir -p "$dir"
  case $s in
    healthy)
      setup; bitrate=1M
      top=udp.buffer-errors; absent="mtu.blackhole,mtu.mismatch,route.not-via-tunnel,peer.no-handshake,cpu.pinned,cpu.saturated,queue.qdisc-drops,queue.bufferbloat,underlay.loss"
      desc="A clean tunnel with a rate-limited iperf3 load (1 Mbit/s per stream)." ;;
    udp-buffer-errors)
      setup
      top=udp.buffer-errors; absent="route.not-via-tunnel,peer.no-handshake,mtu.blackhole"
      desc="An unlimited iperf3 load (single flow and -P 4): the remote wireguard-go cannot drain its UDP socket, whose receive buffer overflows (RcvbufErrors)." ;;
    pmtu-blackhole)
      setup
      ns $R ip link set lr1 mtu 1300; ns $B ip link set lb0 mtu 1300
      ns $R nft add table inet lab
      ns $R nft add chain inet lab out '{ type filter hook output priority 0; }'
      ns $R nft add rule inet lab out icmp type destination-unreachable drop
      top=mtu.blackhole; absent="route.not-via-tunnel"
      desc="The router's far link has MTU 1300 and the router drops the ICMP fragmentation-needed it would send." ;;
    tunnel-mtu-above-underlay)
      setup
      ns $A ip link set la0 mtu 1400; ns $R ip link set lr0 mtu 1400
      top=mtu.mismatch; absent="route.not-via-tunnel,peer.no-handshake"
      desc="The underlay link is 1400 bytes while the tunnel keeps 1420: 1420 + 60 > 1400." ;;
    not-via-tunnel)
      setup
      ns $A ip route add 10.60.0.10/32 via 192.0.2.254 dev la0
      top=route.not-via-tunnel; absent="mtu.blackhole"
      desc="A more specific route sends the peer's tunnel address out of the underlay instead of the tunnel." ;;
    allowed-ips-gap)
      setup
      ns $A ip route add 10.70.0.0/24 dev $WGA
      # a rate-limited load: an unlimited one saturates both vCPUs of a small machine, and the
      # cpu.saturated warning it then earns ties with this one for the top rank
      bitrate=20M
      top=wg.allowed-ips-gap; absent="route.not-via-tunnel,peer.no-handshake"
      desc="10.70.0.0/24 is routed into the tunnel but no peer's AllowedIPs contains it (load limited to 20 Mbit/s per stream)." ;;
    underlay-loss)
      setup
      ns $R nft add table inet lab
      ns $R nft add chain inet lab lossy '{ type filter hook forward priority 0; }'
      ns $R nft add rule inet lab lossy ip daddr 198.51.100.2 numgen random mod 100 lt 8 drop
      top=underlay.loss; absent="route.not-via-tunnel,mtu.blackhole"
      desc="The router drops 8% of everything sent to the remote end (nftables numgen), tunnel and underlay alike." ;;
    local-qdisc-drops)
      setup
      ns $A tc qdisc add dev la0 root tbf rate 20mbit burst 16kb limit 20000
      bitrate=200M
      top=queue.qdisc-drops; absent="route.not-via-tunnel,peer.no-handshake"
      desc="A 20 Mbit/s tbf with a short queue on the sender's underlay egress; the load offers 200 Mbit/s." ;;
    peer-unreachable)
      setup 51999
      top=peer.no-handshake; absent="route.not-via-tunnel"
      desc="The local end points at the right address but the wrong port (51999): no handshake ever completes." ;;
    cpu-pinned)
      setup
      for pid in $(pgrep -f "wireguard-go $WGA" || true) $(pgrep -f "wireguard-go $WGB" || true) $(ip netns pids $B); do
        taskset -a -p -c 0 "$pid" >/dev/null 2>&1 || true
      done
      duration=6
      top=cpu.pinned; absent="route.not-via-tunnel,peer.no-handshake"
      desc="Both wireguard-go processes and the iperf3 server are pinned to CPU 0 with taskset." ;;
    bufferbloat)
      setup
      ns $R tc qdisc add dev lr1 root tbf rate 10mbit burst 32kb latency 400ms
      duration=10
      top=queue.bufferbloat; absent="route.not-via-tunnel,peer.no-handshake"
      desc="A 10 Mbit/s tbf with a 400 ms queue on the router's link to the remote end: a slow shaped FIFO on the path." ;;
    policy-asymmetry)
      setup
      ns $A ip rule add from 10.60.0.0/24 lookup 100 priority 1000
      ns $A ip route add default via 192.0.2.254 dev la0 table 100
      ns $A sysctl -qw net.ipv4.conf.all.rp_filter=1
      top=route.asymmetric; absent="peer.no-handshake"
      desc="A policy rule sends traffic from the tunnel addresses to table 100, whose default route leaves by the underlay; strict rp_filter." ;;
    *) echo "unknown scenario $s; known: $SCENARIOS" >&2; return 2 ;;
  esac
  log "recording $s"
  local extra=()
  [ -z "$bitrate" ] || extra=(--bitrate "$bitrate")
  ns $A timeout 150 sh "$COLLECT" --interface $WGA --peer 10.60.0.10 --underlay 198.51.100.2 --iperf 10.60.0.10 \
    --duration "$duration" "${extra[@]}" --out "$dir/local" >/dev/null 2>&1 || log "collect (local) ended with $?"
  ns $B timeout 60 sh "$COLLECT" --interface $WGB --peer 10.60.0.1 --underlay 192.0.2.1 --out "$dir/remote" >/dev/null 2>&1 \
    || log "collect (remote) ended with $?"
  # the remote bundle's properties describe the remote end; the case's live at the top
  mv "$dir/local/bundle.properties" "$dir/bundle.properties" 2>/dev/null || true
  rm -f "$dir/remote/bundle.properties"
  mkdir -p "$dir/notes"; mv "$dir/local/NOTES.md" "$dir/notes/local-NOTES.md" 2>/dev/null || true
  mv "$dir/remote/NOTES.md" "$dir/notes/remote-NOTES.md" 2>/dev/null || true
  sed -i "s/^interface=.*/interface=$WGA/" "$dir/bundle.properties" 2>/dev/null || true
  {
    echo "top=$top"
    echo "absent=$absent"
    echo "description=$desc"
    echo "recorded=$(date -u +%Y-%m-%d), kernel $(uname -r), $(wg --version 2>/dev/null | awk '{print $1, $2}'), $(iperf3 --version 2>/dev/null | head -1 | awk '{print $1, $2}')"
  } > "$dir/expected.properties"
  # no key material may leave the lab
  if grep -rqF -f <(cat "$KEYDIR/a" "$KEYDIR/b") "$dir"; then
    log "a private key leaked into $dir"; return 1
  fi
  cleanup
}

case "${1:-}" in
  list) echo "$SCENARIOS" | tr ' ' '\n' ;;
  up) check; trap cleanup EXIT; setup; trap - EXIT; rm -rf "$KEYDIR"; echo "lab: up: $A (10.60.0.1, $WGA) <-> $B (10.60.0.10, $WGB)" ;;
  down) cleanup ;;
  cleanup) cleanup ;;
  record) check; trap cleanup EXIT; record "$2" "$3/$2" ;;
  record-all) check; trap cleanup EXIT; for s in $SCENARIOS; do record "$s" "$2/$s" || log "$s failed"; done ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
