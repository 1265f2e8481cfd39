package io.kontor.query.web;

/**
 * A query answer that also reads as a table: a controller returning one answers {@code Accept: text/csv} with
 * {@link #csv()} (through {@link CsvMessageConverter}) and JSON otherwise, from the same handler method.
 */
public interface CsvReport {

    CsvTable csv();
}
