package io.wgdiag.model.route;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import org.immutables.value.Value;

/** The routes {@code ip route show [table N|all]} printed, in order. */
@Value.Immutable
public abstract class RouteTable {

  /** The routes. */
  public abstract ImmutableList<Route> routes();

  /** The routes of {@code table} ({@code main} also matches routes printed without a table). */
  public ImmutableList<Route> inTable(String table) {
    return routes().stream()
        .filter(r -> r.table().map(t -> t.equals(table)).orElse(table.equals("main")))
        .collect(ImmutableList.toImmutableList());
  }

  /** The default routes of the main table. */
  @View
  public ImmutableList<Route> defaults() {
    return inTable("main").stream().filter(Route::isDefault).collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableRouteTable.Builder builder() {
    return ImmutableRouteTable.builder();
  }
}
