package io.kontor.command.web;

/** The answer to every successful command: what it created or acted on, and the log position to read it at. */
public record CommandAnswer(String id, long position) {
}
