package io.wgdiag.parsers.text;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.StreamingParser;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LineParser} whose sessions can hand each item to a sink instead of keeping it: the
 * subclass writes one {@link #newSession(Consumer)} and gets both the plain and the streaming parse.
 *
 * @param <T> the model
 * @param <I> the item type
 */
public abstract class StreamingLineParser<T, I> extends LineParser<T> implements StreamingParser<T, I> {
  private final Class<I> itemType;

  protected StreamingLineParser(String toolId, Class<T> modelType, Class<I> itemType) {
    super(toolId, modelType);
    this.itemType = itemType;
  }

  @Override
  public final Class<I> itemType() {
    return itemType;
  }

  @Override
  public final T parseStreaming(Reader reader, Consumer<? super I> sink) throws ParseException, IOException {
    return parseWith(reader, newSession(sink));
  }

  @Override
  protected final Session<T> newSession() {
    return newSession(null);
  }

  /**
   * A session that hands each complete item to {@code sink}, or adds it to the model when {@code
   * sink} is null.
   */
  protected abstract Session<T> newSession(@Nullable Consumer<? super I> sink);
}
