package io.wgdiag.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a convenience accessor whose value is drawn from the value's other attributes (a filter,
 * a lookup or a pick among them, such as {@code MpstatSample.perCpu()} or {@code WgShow.allPeers()})
 * and holds nothing they do not. Serializers that write a model's data, such as the command line's
 * JSON, leave views out, so each row is written once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface View {}
