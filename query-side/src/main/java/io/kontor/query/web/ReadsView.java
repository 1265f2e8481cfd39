package io.kontor.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a query controller (or one of its methods) as reading the view of a processing group: its answers carry
 * {@code X-Kontor-Position}, and {@code ?minPosition=N} / {@code X-Kontor-Min-Position: N} wait for the view.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsView {

    /** The processing group whose view the query reads. */
    String value();
}
