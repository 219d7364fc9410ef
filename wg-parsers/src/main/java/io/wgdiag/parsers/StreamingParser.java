package io.wgdiag.parsers;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * A parser whose output is mostly one repeated item (ping replies, routes, sockets) and can hand
 * each item to a sink as it reads it instead of keeping it. Memory then stays at one line plus the
 * rest of the model, whatever the input size: a 1 GB {@code ip route} dump parses in a 256 MB heap.
 *
 * <pre>{@code
 * StreamingParser<RouteTable, Route> routes = ParserRegistry.standard().streaming("ip-route", Route.class);
 * LongAdder viaTunnel = new LongAdder();
 * routes.parseStreaming(reader, r -> { if (r.device().equals(Optional.of("wg0"))) viaTunnel.increment(); });
 * }</pre>
 *
 * @param <T> the model; from {@link #parseStreaming} it holds everything but the items
 * @param <I> the item type
 */
public interface StreamingParser<T, I> extends Parser<T> {

  /** The type of the items {@link #parseStreaming} hands to its sink. */
  Class<I> itemType();

  /**
   * Parses {@code reader} strictly, handing each item to {@code sink} in input order as soon as it
   * is complete; the returned model has no items. The sink runs on the calling thread; an exception
   * it throws stops the parse and propagates.
   *
   * @throws ParseException at the first line the parser cannot read, with its line and column
   */
  T parseStreaming(Reader reader, Consumer<? super I> sink) throws ParseException, IOException;
}
