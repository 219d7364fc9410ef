package io.wgdiag.analysis;

/**
 * Where a cause can explain a symptom ({@link CausalLink#scope()}).
 */
public enum Scope {
  /** Only a symptom on the same tunnel end as the cause. */
  SAME_HOST,
  /** Only a symptom on the other tunnel end (a remote policy route explains local one-way traffic). */
  OTHER_END,
  /**
   * A symptom on either end that sits on the same direction of traffic as the cause (a remote
   * receive-buffer overflow explains the local sender's retransmits for local → remote traffic). A
   * finding without a direction is matched on its host: a cause on the receiving end explains the
   * sender's symptoms of that direction.
   */
  SAME_DIRECTION,
  /** A symptom on either end (a tunnel that carries nothing explains every throughput symptom). */
  EITHER_END
}
