package io.wgdiag.model.tcp;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/** The sockets {@code ss -ti} (and {@code -tin}, {@code -tinH}, {@code -tiepm}) printed. */
@Value.Immutable
public abstract class SsReport {

  /** The sockets, in printed order. */
  public abstract ImmutableList<TcpSocket> sockets();

  /** A builder. */
  public static ImmutableSsReport.Builder builder() {
    return ImmutableSsReport.builder();
  }
}
