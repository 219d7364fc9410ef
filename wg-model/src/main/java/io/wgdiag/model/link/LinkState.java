package io.wgdiag.model.link;

/**
 * The operational state of a link (RFC 2863 {@code IF_OPER_*}), as {@code ip link} prints it
 * after {@code state}: {@code state UP}, {@code state UNKNOWN} (WireGuard and loopback report no
 * carrier state), {@code state LOWERLAYERDOWN}.
 */
public enum LinkState {
  /** {@code UNKNOWN}: the driver reports no state (WireGuard, loopback, tun). */
  UNKNOWN,
  /** {@code NOTPRESENT}: a component is missing. */
  NOTPRESENT,
  /** {@code DOWN}. */
  DOWN,
  /** {@code LOWERLAYERDOWN}: the link it stacks on is down (a veth whose peer is down). */
  LOWERLAYERDOWN,
  /** {@code TESTING}. */
  TESTING,
  /** {@code DORMANT}: waiting for an external event (802.1X). */
  DORMANT,
  /** {@code UP}. */
  UP,
  /** A state this version does not know; {@link Link#operState()} keeps the text. */
  OTHER;

  /** The state printed as {@code text}, or {@link #OTHER}. */
  public static LinkState of(String text) {
    for (LinkState s : values()) {
      if (s != OTHER && s.name().equals(text)) {
        return s;
      }
    }
    return OTHER;
  }
}
