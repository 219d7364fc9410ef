package io.wgdiag.bench;

import org.jspecify.annotations.Nullable;

/**
 * The least any parser that makes a given model must do: allocate the model's own objects. This
 * allocates as many objects as the model owns, of the same sizes, in the order they lie in the heap
 * (the order the parse made them), linked so that each stays reachable until the end, as a model's
 * do; no character is read. A parser that builds that model cannot run faster than this, so where it
 * reads under a quarter of the line-splitting baseline, no parser of this model meets issue 7's
 * first target on that input, whatever it does with the text.
 *
 * <p>Each object of {@code s} bytes is an {@code Object[(s - 16) / 4]} (16 bytes of header and
 * length, 4 per compressed reference: {@code s} bytes exactly, as {@code s} is a multiple of 8) whose
 * first slot points to the one made before it; 16-byte objects, which have no slot, are each a plain
 * {@code Object} held by one array that the last link is stored in. That array is the only
 * allocation the model does not have: 4 bytes per 16-byte object.
 */
public final class ModelAllocationFloor {
  private ModelAllocationFloor() {}

  /** The smallest object: a header of 12 bytes, aligned to 8. */
  static final int MIN_OBJECT_BYTES = 16;

  /**
   * Allocates objects of {@code sizes} bytes (each a multiple of 8, at least 16) and returns what
   * holds them all.
   */
  public static Object allocate(int[] sizes, int smallObjects) {
    @Nullable Object[] small = new Object[smallObjects + 1];
    int k = 0;
    @Nullable Object @Nullable [] last = null;
    for (int s : sizes) {
      if (s <= MIN_OBJECT_BYTES) {
        small[k++] = new Object();
      } else {
        @Nullable Object[] o = new Object[(s - MIN_OBJECT_BYTES) >>> 2];
        o[0] = last;
        last = o;
      }
    }
    small[smallObjects] = last;
    return small;
  }

  /** How many of {@code sizes} are 16-byte objects, the length {@link #allocate} needs beside them. */
  public static int smallObjects(int[] sizes) {
    int n = 0;
    for (int s : sizes) {
      if (s <= MIN_OBJECT_BYTES) {
        n++;
      }
    }
    return n;
  }
}
