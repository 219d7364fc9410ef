package io.wgdiag.analysis;

/**
 * A direction of traffic through the tunnel. A symptom seen on one end and a cause on the other
 * meet when they sit on the same direction: the remote end's receive-buffer overflow explains the
 * local sender's retransmits for traffic from local to remote.
 */
public enum Direction {
  /** Traffic the local end sends and the remote end receives. */
  LOCAL_TO_REMOTE(Host.LOCAL, Host.REMOTE),
  /** Traffic the remote end sends and the local end receives. */
  REMOTE_TO_LOCAL(Host.REMOTE, Host.LOCAL);

  private final Host sender;
  private final Host receiver;

  Direction(Host sender, Host receiver) {
    this.sender = sender;
    this.receiver = receiver;
  }

  /** The end that sends in this direction. */
  public Host sender() {
    return sender;
  }

  /** The end that receives in this direction. */
  public Host receiver() {
    return receiver;
  }

  /** The direction in which {@code host} sends. */
  public static Direction sentBy(Host host) {
    return host == Host.LOCAL ? LOCAL_TO_REMOTE : REMOTE_TO_LOCAL;
  }

  /** The direction in which {@code host} receives. */
  public static Direction receivedBy(Host host) {
    return host == Host.LOCAL ? REMOTE_TO_LOCAL : LOCAL_TO_REMOTE;
  }

  /** {@code local → remote} or {@code remote → local}. */
  public String label() {
    return sender.label() + " → " + receiver.label();
  }
}
