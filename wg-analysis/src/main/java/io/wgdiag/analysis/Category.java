package io.wgdiag.analysis;

/**
 * The field guide's playbook order: confirm that the tunnel carries traffic (checklist A), prove MTU
 * first, then CPU, then routing, then treat the rest as loss and queueing. Findings of equal
 * severity rank in this order.
 */
public enum Category {
  /** Whether the tunnel carries traffic at all (checklist A, steps 1-2). */
  CONNECTIVITY,
  /** Path MTU, fragmentation, MSS clamping. */
  MTU,
  /** CPU, softirq and interrupt limits. */
  CPU,
  /** Routes, policy rules, AllowedIPs, reverse-path filtering. */
  ROUTING,
  /** WireGuard peer health: handshakes, endpoints, keepalive. */
  PEER,
  /** Loss and queueing around the tunnel: underlay, qdisc, buffers, conntrack. */
  LOSS,
  /** Everything else: offload experiments, virtualisation overhead. */
  OTHER
}
