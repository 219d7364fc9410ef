#!/usr/bin/env bash
# wgdiag lab: real WireGuard (wireguard-go) tunnels in network namespaces, one field-guide fault
# injected per scenario, both ends recorded with examples/collect.sh as capture bundles.
#
#   lab/lab.sh record SCENARIO OUTDIR     record one scenario into OUTDIR/SCENARIO
#   lab/lab.sh record-all OUTDIR          record every scenario
#   lab/lab.sh pair PAIR OUTDIR           record a before/after pair into OUTDIR/PAIR/{before,after}
#   lab/lab.sh pairs                      the pairs
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
SCENARIOS="healthy udp-buffer-errors pmtu-blackhole tunnel-mtu-above-underlay not-via-tunnel allowed-ips-gap underlay-loss local-qdisc-drops peer-unreachable cpu-pinned bufferbloat policy-asymmetry
  sender-qdisc-gap receiver-rcvbuf cpu-saturated underlay-loss-gap address-change return-path-blocked dead-tunnel remote-policy-asymmetry
  nat-rebind-keepalive nat-rebind-no-keepalive healthy-v6 healthy-nat"
SCENARIOS=$(echo $SCENARIOS)
PAIRS="mtu-fix bufferbloat-short-queue txqueuelen-noop after-without-load shaper-worse"

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
  # a setup cut short between `ip link add` and `ip link set netns` leaves the veth pairs here
  ip link del la0 2>/dev/null || true
  ip link del lr1 2>/dev/null || true
  # the namespaces' processes (wireguard-go among them) are gone: their sockets are stale
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

# Topology switches, set by a scenario before setup():
#   EP_PORT  the port A's endpoint names (51820; another port: no handshake)
#   V6=1     the underlay is IPv6 (2001:db8:a::/64 and 2001:db8:b::/64), the tunnel stays IPv4
#   NAT_B=1  B sits behind the router's NAT: B's underlay leaves as 192.0.2.254:40000-40099, the
#            router forwards nothing new from A to B, and A has no configured endpoint (it learns it)
#   KA_A, KA_B  PersistentKeepalive seconds of A's and B's peer (empty: none)
EP_PORT=51820; V6=0; NAT_B=0; KA_A=25; KA_B=""
reset_switches() { EP_PORT=51820; V6=0; NAT_B=0; KA_A=25; KA_B=""; }

# The underlay address of B as A sees it, and of A as B sees it.
b_underlay() { if [ "$V6" = 1 ]; then echo 2001:db8:b::2; elif [ "$NAT_B" = 1 ]; then echo 192.0.2.254; else echo 198.51.100.2; fi; }
a_underlay() { if [ "$V6" = 1 ]; then echo 2001:db8:a::1; else echo 192.0.2.1; fi; }

# The router's NAT for B (NAT_B=1): SNAT B's traffic into the given port range.
nat_b() {
  local ports=$1
  ns $R nft add table ip labnat 2>/dev/null || true
  ns $R nft add chain ip labnat post '{ type nat hook postrouting priority 100; }' 2>/dev/null || true
  ns $R nft flush chain ip labnat post
  ns $R nft add rule ip labnat post ip saddr 198.51.100.0/24 oifname lr0 meta l4proto udp snat to "192.0.2.254:$ports"
  ns $R nft add rule ip labnat post ip saddr 198.51.100.0/24 oifname lr0 snat to 192.0.2.254
}

setup() {
  cleanup
  KEYDIR=$(mktemp -d)
  for n in $A $R $B; do ip netns add $n; ns $n ip link set lo up; done
  ip link add la0 type veth peer name lr0; ip link set la0 netns $A; ip link set lr0 netns $R
  ip link add lr1 type veth peer name lb0; ip link set lr1 netns $R; ip link set lb0 netns $B
  ns $A ip link set la0 up; ns $R ip link set lr0 up; ns $R ip link set lr1 up; ns $B ip link set lb0 up
  if [ "$V6" = 1 ]; then
    ns $A ip -6 addr add 2001:db8:a::1/64 dev la0 nodad; ns $R ip -6 addr add 2001:db8:a::fe/64 dev lr0 nodad
    ns $R ip -6 addr add 2001:db8:b::fe/64 dev lr1 nodad; ns $B ip -6 addr add 2001:db8:b::2/64 dev lb0 nodad
    ns $R sysctl -qw net.ipv6.conf.all.forwarding=1
    ns $A ip -6 route add default via 2001:db8:a::fe; ns $B ip -6 route add default via 2001:db8:b::fe
  else
    ns $A ip addr add 192.0.2.1/24 dev la0; ns $R ip addr add 192.0.2.254/24 dev lr0
    ns $R ip addr add 198.51.100.254/24 dev lr1; ns $B ip addr add 198.51.100.2/24 dev lb0
    ns $R sysctl -qw net.ipv4.ip_forward=1
    ns $A ip route add default via 192.0.2.254; ns $B ip route add default via 198.51.100.254
  fi
  if [ "$NAT_B" = 1 ]; then
    nat_b 40000-40099
    ns $R nft add table inet labfw
    ns $R nft add chain inet labfw pass '{ type filter hook forward priority 0; }'
    ns $R nft add rule inet labfw pass iifname lr0 oifname lr1 ct state established,related accept
    ns $R nft add rule inet labfw pass iifname lr0 oifname lr1 drop
  fi
  (umask 077; wg genkey > "$KEYDIR/a"; wg genkey > "$KEYDIR/b")
  wg pubkey < "$KEYDIR/a" > "$KEYDIR/a.pub"; wg pubkey < "$KEYDIR/b" > "$KEYDIR/b.pub"
  # daemons started without the lock's descriptor (9), or they would hold the lock after `up`
  ns $A wireguard-go $WGA >/dev/null 2>&1 9>&-; ns $B wireguard-go $WGB >/dev/null 2>&1 9>&-
  local ep_a=() ka_a=() ka_b=() bu au
  bu=$(b_underlay); au=$(a_underlay)
  case $bu in *:*) bu="[$bu]" ;; esac; case $au in *:*) au="[$au]" ;; esac
  [ "$NAT_B" = 1 ] || ep_a=(endpoint "$bu:$EP_PORT")
  [ -z "$KA_A" ] || ka_a=(persistent-keepalive "$KA_A")
  [ -z "$KA_B" ] || ka_b=(persistent-keepalive "$KA_B")
  ns $A wg set $WGA private-key "$KEYDIR/a" listen-port 51820 peer "$(cat "$KEYDIR/b.pub")" \
    "${ep_a[@]}" allowed-ips 10.60.0.10/32 "${ka_a[@]}"
  ns $B wg set $WGB private-key "$KEYDIR/b" listen-port 51820 peer "$(cat "$KEYDIR/a.pub")" \
    endpoint "$au:51820" allowed-ips 10.60.0.1/32 "${ka_b[@]}"
  ns $A ip addr add 10.60.0.1/24 dev $WGA; ns $B ip addr add 10.60.0.10/24 dev $WGB
  ns $A ip link set $WGA up; ns $B ip link set $WGB up
  ns $B iperf3 -s -D -p 5201 >/dev/null 2>&1 9>&-
  local i
  for i in $(seq 1 20); do   # bounded: at most ~10 s for the first handshake
    # behind NAT only B can start: its first packet creates the mapping A learns the endpoint from
    [ "$NAT_B" != 1 ] || ns $B ping -c 1 -W 1 10.60.0.1 >/dev/null 2>&1 || true
    ns $A ping -c 1 -W 1 10.60.0.10 >/dev/null 2>&1 && return 0
    [ "$EP_PORT" != 51820 ] && [ "$i" -ge 3 ] && return 0
    sleep 0.5
  done
  [ "$EP_PORT" != 51820 ] || log "no handshake within 10 s"
}

# Busy loops on both CPUs for $1 seconds, in B's namespace (so cleanup ends them), bounded. Nice -10:
# on a machine busy with other work a loop at nice 0 gets a few percent and shows no fault.
burn() {
  local c
  for c in 0 1; do
    ns $B nice -n -10 taskset -c $c timeout "$1" sh -c 'while :; do :; done' >/dev/null 2>&1 &
  done
}

# collect_both DIR: the local and remote phases around one load. Order: setup (configuration and
# probes) on both ends, then the counters of both ends right before the load, the load on the local
# end with mpstat on the remote end beside it, then the counters of both ends right after it.
# PRELOAD (a function name) runs right before the load, after both ends' before/ counters.
collect_both() {
  local dir=$1 c=(sh "$COLLECT")
  local l=(--interface $WGA --peer 10.60.0.10 --underlay "$(b_underlay)") r=(--interface $WGB --peer 10.60.0.1 --underlay "$(a_underlay)")
  local extra=()
  [ -z "$bitrate" ] || extra+=(--bitrate "$bitrate")
  [ -z "$length" ] || extra+=(--length "$length")
  ns $A timeout 90 "${c[@]}" "${l[@]}" --phase setup --out "$dir/local" >/dev/null 2>&1 || log "collect (local setup) ended with $?"
  if [ "$remote_probes" = 1 ]; then
    ns $B timeout 90 "${c[@]}" "${r[@]}" --phase setup --out "$dir/remote" >/dev/null 2>&1 || log "collect (remote setup) ended with $?"
  fi
  # remote_probes=last: the remote's setup (its pings through the tunnel) only after everything
  # else, where a handshake it starts can no longer change what the local end recorded
  if [ "$load" = 0 ]; then
    # no load: one snapshot of the counters, unnamed, on both ends (the capture a load test missed)
    ns $A timeout 60 "${c[@]}" "${l[@]}" --out "$dir/local.plain" >/dev/null 2>&1 || true
    ns $B timeout 60 "${c[@]}" "${r[@]}" --out "$dir/remote.plain" >/dev/null 2>&1 || true
    local side
    for side in local remote; do
      for f in wg-show-dump ip-link-stats tc-qdisc netstat-stats proc-net-snmp conntrack-stats proc-interrupts proc-softnet-stat mpstat top; do
        [ ! -f "$dir/$side.plain/$f.txt" ] || mv "$dir/$side.plain/$f.txt" "$dir/$side/$f.txt"
      done
      rm -rf "$dir/$side.plain"
    done
    return 0
  fi
  # SETTLE: seconds of quiet before the counters, e.g. for B's passive keepalive (sent 10 s after
  # data it received and did not answer) to go before a fault it would otherwise heal
  [ "$SETTLE" = 0 ] || sleep "$SETTLE"
  ns $B timeout 60 "${c[@]}" "${r[@]}" --phase before --out "$dir/remote" >/dev/null 2>&1 || log "collect (remote before) ended with $?"
  ns $A timeout 60 "${c[@]}" "${l[@]}" --phase before --out "$dir/local" >/dev/null 2>&1 || log "collect (local before) ended with $?"
  [ -z "$PRELOAD" ] || "$PRELOAD"
  # the remote's CPU while both loads run (each $duration s, one after the other)
  ns $B timeout $((2 * duration + 30)) "${c[@]}" "${r[@]}" --phase during --duration $((2 * duration)) --out "$dir/remote" >/dev/null 2>&1 &
  local busy=$!
  ns $A timeout 150 "${c[@]}" "${l[@]}" --iperf 10.60.0.10 --duration "$duration" "${extra[@]}" --phase during --out "$dir/local" >/dev/null 2>&1 \
    || log "collect (local load) ended with $?"
  ns $A timeout 60 "${c[@]}" "${l[@]}" --phase after --out "$dir/local" >/dev/null 2>&1 || log "collect (local after) ended with $?"
  ns $B timeout 60 "${c[@]}" "${r[@]}" --phase after --out "$dir/remote" >/dev/null 2>&1 || log "collect (remote after) ended with $?"
  wait "$busy" || true
  if [ "$remote_probes" = last ]; then
    ns $B timeout 90 "${c[@]}" "${r[@]}" --phase setup --out "$dir/remote" >/dev/null 2>&1 || log "collect (remote setup) ended with $?"
    echo "- setup: collected on this end after the load and both ends' after/ counters: its pings through the tunnel start a handshake that would have healed the fault (lab.sh)" >> "$dir/remote/NOTES.md"
  elif [ "$remote_probes" != 1 ]; then
    echo "- setup: not collected on this end, whose probes through the tunnel would have changed the fault (lab.sh)" >> "$dir/remote/NOTES.md"
  fi
}

# finish DIR: move the properties and notes where the lab keeps them; refuse a leaked key.
finish() {
  local dir=$1
  # the remote bundle's properties describe the remote end; the case's live at the top
  mv "$dir/local/bundle.properties" "$dir/bundle.properties" 2>/dev/null || true
  rm -f "$dir/remote/bundle.properties"
  mkdir -p "$dir/notes"; mv "$dir/local/NOTES.md" "$dir/notes/local-NOTES.md" 2>/dev/null || true
  mv "$dir/remote/NOTES.md" "$dir/notes/remote-NOTES.md" 2>/dev/null || true
  sed -i "s/^interface=.*/interface=$WGA/" "$dir/bundle.properties" 2>/dev/null || true
  # no key material may leave the lab
  if grep -rqF -f <(cat "$KEYDIR/a" "$KEYDIR/b") "$dir"; then
    log "a private key leaked into $dir"; return 1
  fi
}

recorded() {
  echo "recorded=$(date -u +%Y-%m-%d), kernel $(uname -r), $(wg --version 2>/dev/null | awk '{print $1, $2}'), $(iperf3 --version 2>/dev/null | head -1 | awk '{print $1, $2}')"
}

# The load that stays clean on this VM: 2 Mbit/s per stream in 16 KB writes. Bigger writes (iperf3's
# default 128 KB) or higher rates arrive at the remote wireguard-go in bursts that overflow its
# 208 KB socket buffer (net.core.rmem_* cannot be raised inside a namespace on this kernel).
CLEAN_RATE=2M; CLEAN_LENGTH=16K

# Blocks the WireGuard UDP port on the router, both directions.
block_udp() {
  ns $R nft add table inet labblk
  ns $R nft add chain inet labblk pass '{ type filter hook forward priority 0; }'
  ns $R nft add rule inet labblk pass udp dport 51820 drop
  ns $R nft add rule inet labblk pass udp sport 51820 drop
}

# B's NAT mapping changes: new port range, conntrack flushed.
rebind() { nat_b 41000-41099; ns $R conntrack -F >/dev/null 2>&1 || true; }

# record SCENARIO DIR: set up, inject the fault, collect both ends, write expected.properties.
record() {
  local s=$1 dir=$2 top absent desc present="" pending="" why="" tophost="" topcause="" bitrate="" length="" duration=4 remote_probes=1 load=1
  PRELOAD=""; SETTLE=0
  reset_switches
  rm -rf "$dir"; mkdir -p "$dir"
  case $s in
    healthy)
      setup; bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH
      top=none; absent=""
      desc="A clean tunnel with a load that stays clean on this VM (2 Mbit/s per stream in 16 KB writes)." ;;
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
      EP_PORT=51999; setup
      remote_probes=last
      top=peer.no-handshake; absent="route.not-via-tunnel"
      desc="The local end points at the right address but the wrong port (51999): no handshake ever completes." ;;
    cpu-pinned)
      setup
      for pid in $(ip netns pids $A) $(ip netns pids $B); do
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
    # --- two-ended scenarios (issue 27): both ends' counters right before and after one load ---
    sender-qdisc-gap)
      setup
      ns $A tc qdisc add dev la0 root tbf rate 20mbit burst 16kb limit 20000
      bitrate=100M; length=$CLEAN_LENGTH
      top=queue.qdisc-drops; absent="path.loss,route.not-via-tunnel,peer.no-handshake"
      desc="A 20 Mbit/s tbf with a short queue on the sender's underlay egress, 100 Mbit/s offered: the packets missing between the ends are the sender's qdisc drops." ;;
    receiver-rcvbuf)
      setup
      top=udp.buffer-errors; tophost=remote; absent="path.loss,route.not-via-tunnel,peer.no-handshake,mtu.blackhole"
      desc="An unlimited load: the remote wireguard-go cannot drain its 208 KB UDP socket buffer; the packets missing between the ends are the remote's RcvbufErrors." ;;
    cpu-saturated)
      setup
      duration=6
      PRELOAD=burn_load
      top=cpu.saturated; absent="path.loss,route.not-via-tunnel,peer.no-handshake,cpu.pinned"
      desc="Busy loops (nice -10, pinned one per CPU) during an unlimited load, on a VM already busy with other work: no core has headroom for wireguard-go (single flow 60 Mbit/s, -P 4 15.5 Mbit/s, against 139/367 Mbit/s in receiver-rcvbuf)." ;;
    address-change)
      setup
      # B's underlay address changes; A's endpoint still names the old one; B has no keepalive.
      # First let B's passive keepalive (sent 10 s after data it received and did not answer) go:
      # sent from the new address it would let A roam there and heal the tunnel.
      sleep 12
      ns $B ip addr del 198.51.100.2/24 dev lb0
      ns $B ip addr add 198.51.100.3/24 dev lb0
      ns $B ip route add default via 198.51.100.254
      remote_probes=0
      top=tunnel.no-traffic; topcause=peer.endpoint-changed; absent="path.loss,tcp.retransmits,mtu.blackhole,queue.bufferbloat"
      desc="The remote's underlay address changed from 198.51.100.2 to .3 after the handshake; the local endpoint still names the old address and the remote, without keepalive, never sends: the tunnel carries nothing." ;;
    return-path-blocked)
      setup
      ns $R nft add table inet labblk
      ns $R nft add chain inet labblk pass '{ type filter hook forward priority 0; }'
      ns $R nft add rule inet labblk pass ip saddr 198.51.100.2 ip daddr 192.0.2.1 meta l4proto udp drop
      top=tunnel.no-traffic; topcause=peer.one-way; absent="path.loss,tcp.retransmits,mtu.blackhole,queue.bufferbloat"
      desc="The router drops UDP from the remote to the local end after the handshake: the remote receives the local end's packets and answers, the answers never arrive." ;;
    underlay-loss-gap)
      setup
      ns $R nft add table inet lab
      ns $R nft add chain inet lab lossy '{ type filter hook forward priority 0; }'
      ns $R nft add rule inet lab lossy ip daddr 198.51.100.2 numgen random mod 100 lt 5 drop
      bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH
      top=underlay.loss; absent="queue.qdisc-drops,udp.buffer-errors,route.not-via-tunnel,mtu.blackhole"
      desc="The router drops 5% of everything sent to the remote end (nftables numgen) under the clean load: a gap between the ends that no drop site at either end explains (the residual path.loss is real)." ;;
    dead-tunnel)
      setup
      block_udp
      log "dead-tunnel: waiting 190 s, past REJECT_AFTER_TIME (180 s)"
      sleep 190
      top=tunnel.no-traffic; topcause=peer.stale-handshake; absent="path.loss,tcp.retransmits,mtu.blackhole,queue.bufferbloat"
      desc="The router drops the WireGuard port both ways after the handshake; recorded 190 s later, past REJECT_AFTER_TIME (180 s)." ;;
    remote-policy-asymmetry)
      setup
      ns $B ip rule add from 10.60.0.0/24 lookup 100 priority 1000
      ns $B ip route add default via 198.51.100.254 dev lb0 table 100
      ns $B sysctl -qw net.ipv4.conf.all.rp_filter=1
      top=route.asymmetric; tophost=remote; absent="peer.no-handshake,path.loss"
      desc="On the remote end a policy rule sends traffic from the tunnel addresses to table 100, whose default route leaves by the underlay; strict rp_filter." ;;
    nat-rebind-keepalive)
      NAT_B=1; KA_B=2; setup
      PRELOAD=rebind; SETTLE=12; bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH
      top=none; absent="peer.one-way,peer.stale-handshake,path.loss"; present=peer.endpoint-changed
      desc="The remote sits behind the router's NAT with PersistentKeepalive 2; right before the load the mapping changes (new SNAT port range, conntrack flushed): its next keepalive makes a new mapping the local end roams to." ;;
    nat-rebind-no-keepalive)
      NAT_B=1; KA_A=""; KA_B=""; setup
      PRELOAD=rebind; SETTLE=12; bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH
      top=tunnel.no-traffic; topcause="peer.endpoint-changed|peer.keepalive-missing"; absent="path.loss,tcp.retransmits,mtu.blackhole,queue.bufferbloat"
      desc="The remote sits behind the router's NAT without keepalive; right before the load the mapping changes (new SNAT port range, conntrack flushed): the local end keeps sending to the dead mapping, the remote receives nothing and never sends." ;;
    healthy-v6)
      V6=1; setup
      bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH
      top=none; absent=""
      desc="A clean tunnel over an IPv6 underlay, with a load that stays clean on this VM (2 Mbit/s per stream in 16 KB writes)." ;;
    healthy-nat)
      NAT_B=1; KA_B=25; setup
      bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH
      top=none; absent=""
      desc="A clean tunnel with the remote behind the router's NAT (PersistentKeepalive 25), with a load that stays clean on this VM." ;;
    *) echo "unknown scenario $s; known: $SCENARIOS" >&2; return 2 ;;
  esac
  log "recording $s"
  collect_both "$dir"
  {
    echo "top=$top"
    [ -z "$tophost" ] || echo "top-host=$tophost"
    [ -z "$topcause" ] || echo "top-cause=$topcause"
    echo "absent=$absent"
    [ -z "$present" ] || echo "present=$present"
    [ -z "$pending" ] || echo "pending=$pending"
    [ -z "$why" ] || echo "pending-why=$why"
    echo "description=$desc"
    recorded
  } > "$dir/expected.properties"
  finish "$dir" || return 1
  cleanup
}

burn_load() { burn $((2 * duration + 8)); sleep 1; }

# pair PAIR DIR: one tunnel recorded twice, before and after one change (issue 28's compare).
pair() {
  local p=$1 dir=$2 expected change desc bitrate="" length="" duration=4 remote_probes=1 load=1
  PRELOAD=""; SETTLE=0
  reset_switches
  rm -rf "$dir"; mkdir -p "$dir"
  setup
  case $p in
    mtu-fix)
      ns $R ip link set lr1 mtu 1300; ns $B ip link set lb0 mtu 1300
      ns $R nft add table inet lab
      ns $R nft add chain inet lab out '{ type filter hook output priority 0; }'
      ns $R nft add rule inet lab out icmp type destination-unreachable drop
      expected=improved
      change="ip link set wglaba0 mtu 1240 (local) and ip link set wglabb0 mtu 1240 (remote): the largest DF payload the underlay passes is 1272, + 28 = 1300 bytes, - 60 of WireGuard over IPv4 = 1240"
      desc="A PMTU blackhole (router link MTU 1300, ICMP fragmentation-needed dropped), then both tunnel MTUs lowered to 1240." ;;
    bufferbloat-short-queue)
      ns $R tc qdisc add dev lr1 root tbf rate 10mbit burst 32kb latency 400ms
      duration=10
      expected=improved
      change="ns router: tc qdisc replace dev lr1 root tbf rate 10mbit burst 32kb latency 20ms (this kernel has no fq_codel, cake or netem: a short FIFO instead)"
      desc="A 10 Mbit/s tbf with a 400 ms FIFO on the router's link to the remote end, then the same rate with a 20 ms queue." ;;
    txqueuelen-noop)
      bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH; duration=8
      expected=no-change
      change="ip link set wglaba0 txqueuelen 1000 (was 500) on a healthy tunnel"
      desc="A healthy tunnel under a clean load (2 Mbit/s per stream, 16 KB writes), then the tunnel's txqueuelen doubled: nothing it limits." ;;
    after-without-load)
      ns $R tc qdisc add dev lr1 root tbf rate 10mbit burst 32kb latency 400ms
      duration=10
      expected=inconclusive
      change="ns router: tc qdisc replace dev lr1 root tbf rate 10mbit burst 32kb latency 20ms; the after capture was taken without the load test (collect.sh without --iperf)"
      desc="The bufferbloat of bufferbloat-short-queue and the same change, but the after capture has no iperf3 load, no loaded ping and no before/after counters: it cannot show whether the change helped." ;;
    shaper-worse)
      bitrate=$CLEAN_RATE; length=$CLEAN_LENGTH; duration=8
      expected=worse
      change="ns router: tc qdisc add dev lr1 root tbf rate 1mbit burst 16kb latency 200ms (a shaper below the offered load)"
      desc="A healthy tunnel under a clean load (2 Mbit/s per stream), then a 1 Mbit/s shaper with a 200 ms queue on the router's link to the remote end." ;;
    *) echo "unknown pair $p; known: $PAIRS" >&2; return 2 ;;
  esac
  log "recording pair $p (before)"
  collect_both "$dir/before"; finish "$dir/before" || return 1
  case $p in
    mtu-fix) ns $A ip link set $WGA mtu 1240; ns $B ip link set $WGB mtu 1240 ;;
    bufferbloat-short-queue) ns $R tc qdisc replace dev lr1 root tbf rate 10mbit burst 32kb latency 20ms ;;
    txqueuelen-noop) ns $A ip link set $WGA txqueuelen 1000 ;;
    after-without-load) ns $R tc qdisc replace dev lr1 root tbf rate 10mbit burst 32kb latency 20ms; load=0 ;;
    shaper-worse) ns $R tc qdisc add dev lr1 root tbf rate 1mbit burst 16kb latency 200ms ;;
  esac
  log "recording pair $p (after)"
  collect_both "$dir/after"; finish "$dir/after" || return 1
  {
    echo "expected=$expected"
    echo "change=$change"
    echo "description=$desc"
    recorded
  } > "$dir/pair.properties"
  cleanup
}

# One lab at a time on this machine: the namespaces and wireguard-go's sockets have fixed names.
lock() {
  exec 9>/run/wgdlab.lock
  flock -w 900 9 || { log "another lab run holds /run/wgdlab.lock"; exit 1; }
}

main() {
  case "${1:-}" in
    list) echo "$SCENARIOS" | tr ' ' '\n' ;;
    pairs) echo "$PAIRS" | tr ' ' '\n' ;;
    up) check; lock; trap cleanup EXIT; setup; trap - EXIT; rm -rf "$KEYDIR"; echo "lab: up: $A (10.60.0.1, $WGA) <-> $B (10.60.0.10, $WGB)" ;;
    down) cleanup ;;
    cleanup) cleanup ;;
    record) check; lock; trap cleanup EXIT; record "$2" "$3/$2" ;;
    record-all) check; lock; trap cleanup EXIT; for s in $SCENARIOS; do record "$s" "$2/$s" || log "$s failed"; done ;;
    pair) check; lock; trap cleanup EXIT; pair "$2" "$3/$2" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
}

# one line: bash reads no further while it runs, so an edit of this file cannot reach a running lab
main "$@"; exit
