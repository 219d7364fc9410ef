package io.wgdiag.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style every wgdiag model uses.
 *
 * <p>Accessors carry no {@code get} prefix and name their unit ({@code mtuBytes()}, {@code
 * rttMillis()}); the generated class is {@code ImmutableX} with a public {@code builder()} and
 * {@code copyOf}; collections are Guava immutable collections.
 *
 * <p>Default and derived attributes are computed in the constructor without Immutables' {@code
 * InitShim} ({@code unsafeDefaultAndDerived}): no model's default or derived attribute reads
 * another default or derived attribute, so the shim only cost an object per value, which on a
 * big parse (a reply, a route, a socket per line) was 4–6% of all allocation.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    get = {"is*", "get*"},
    init = "*",
    jdkOnly = false,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    optionalAcceptNullable = true,
    depluralize = true,
    depluralizeDictionary = {"match:matches", "process:processes"},
    unsafeDefaultAndDerived = true,
    clearBuilder = true,
    defaults = @Value.Immutable(copy = true))
public @interface WgStyle {}
