package io.wgdiag.model.qdisc;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One queueing discipline of {@code tc [-s] qdisc show}:
 *
 * <pre>{@code
 * qdisc fq_codel 0: dev eth0 root refcnt 2 limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn
 *  Sent 912345678 bytes 701234 pkt (dropped 123, overlimits 0 requeues 12)
 *  backlog 0b 0p requeues 12
 *   maxpacket 1514 drop_overlimit 0 new_flow_count 12 ecn_mark 0
 * }</pre>
 */
@Value.Immutable
public abstract class Qdisc {

  /** The kind: {@code fq_codel}, {@code pfifo_fast}, {@code mq}, {@code tbf}, {@code htb}, {@code noqueue}, ... */
  @Value.Parameter
  public abstract String kind();

  /** The handle, e.g. {@code 0:} or {@code 1:}. */
  @Value.Parameter
  public abstract String handle();

  /** The device, when printed ({@code tc qdisc show dev X} omits it). */
  @Value.Parameter
  public abstract Optional<String> device();

  /** The parent class ({@code 1:3}), absent for the root. */
  @Value.Parameter
  public abstract Optional<String> parent();

  /** Whether this is the device's root qdisc. */
  @Value.Parameter
  @Value.Default
  public boolean root() {
    return false;
  }

  /** The reference count, when printed. */
  @Value.Parameter
  public abstract OptionalInt refcnt();

  /** The options as printed, {@code name → value} ({@code limit → 10240p}); flags ({@code ecn}) map to "". */
  @Value.Parameter
  public abstract ImmutableMap<String, String> options();

  /** Bytes sent ({@code Sent N bytes}). */
  @Value.Parameter
  public abstract OptionalLong sentBytes();

  /** Packets sent. */
  @Value.Parameter
  public abstract OptionalLong sentPackets();

  /** Packets dropped by this qdisc. */
  @Value.Parameter
  public abstract OptionalLong dropped();

  /** Times the qdisc was over its limit (shapers: delayed packets). */
  @Value.Parameter
  public abstract OptionalLong overlimits();

  /** Packets requeued (the driver was busy). */
  @Value.Parameter
  public abstract OptionalLong requeues();

  /** Bytes queued at the moment of the capture ({@code backlog 0b}). */
  @Value.Parameter
  public abstract OptionalLong backlogBytes();

  /** Packets queued at the moment of the capture ({@code 0p}). */
  @Value.Parameter
  public abstract OptionalLong backlogPackets();

  /** The rate estimate in bits per second, when printed ({@code rate 1234Kbit}). */
  @Value.Parameter
  public abstract OptionalDouble rateBitsPerSecond();

  /** Kind-specific statistics as printed ({@code maxpacket → 1514}, {@code ecn_mark → 0}, {@code flows → 3}). */
  @Value.Parameter
  public abstract ImmutableMap<String, String> stats();

  /** cake's statistics and per-tin table ({@code tc -s qdisc} of a cake qdisc); empty for other kinds or without {@code -s}. */
  public abstract Optional<CakeStats> cake();

  /** fq's statistics ({@code tc -s qdisc} of an fq qdisc); empty for other kinds or without {@code -s}. */
  public abstract Optional<FqStats> fq();

  /**
   * Where this qdisc's drops happened, as its own statistics name them, in packets: {@code
   * fq.flows_plimit}, {@code fq.pkts_too_long}, {@code fq.alloc_errors}, {@code fq.horizon_drops},
   * {@code fq.bandN_drops}, {@code cake.<tin name>} (each tin's {@code drops}), {@code
   * cake.ack_drop}. Only non-zero sites are listed. Each is part of {@link #dropped()}, which is
   * the qdisc's total as tc prints it; fq_codel's {@code drop_overlimit} is listed as {@code
   * fq_codel.drop_overlimit}.
   */
  public ImmutableMap<String, Long> dropSites() {
    ImmutableMap.Builder<String, Long> b = ImmutableMap.builder();
    fq().ifPresent(f -> {
      put(b, "fq.flows_plimit", f.flowsPlimitDrops().orElse(0));
      put(b, "fq.pkts_too_long", f.tooLongDrops().orElse(0));
      put(b, "fq.alloc_errors", f.allocationErrors().orElse(0));
      put(b, "fq.horizon_drops", f.horizonDrops().orElse(0));
      for (int i = 0; i < f.bandDrops().length(); i++) {
        put(b, "fq.band" + i + "_drops", f.bandDrops().get(i));
      }
    });
    cake().ifPresent(c -> {
      for (CakeTin t : c.tins()) {
        put(b, "cake." + t.name(), t.drops().orElse(0));
      }
      put(b, "cake.ack_drop", c.tinAckDrops());
    });
    if ("fq_codel".equals(kind())) {
      String v = stats().get("drop_overlimit");
      if (v != null && !v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
        put(b, "fq_codel.drop_overlimit", Long.parseLong(v));
      }
    }
    return b.buildKeepingLast();
  }

  /**
   * The packets this qdisc dropped: {@link #dropped()} as tc prints it (which includes every drop
   * site), or, when the {@code Sent} line was not printed, the sum of {@link #dropSites()}.
   */
  public long totalDropped() {
    return dropped().isPresent() ? dropped().getAsLong() : dropSites().values().stream().mapToLong(Long::longValue).sum();
  }

  private static void put(ImmutableMap.Builder<String, Long> b, String site, long n) {
    if (n > 0) {
      b.put(site, n);
    }
  }

  /** Whether this is a plain FIFO (pfifo_fast, pfifo, bfifo): no fairness, no AQM. */
  public boolean isFifo() {
    return Set.of("pfifo_fast", "pfifo", "bfifo", "pfifo_head_drop").contains(kind());
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableQdisc.Builder builder() {
    return ImmutableQdisc.builder();
  }
}
