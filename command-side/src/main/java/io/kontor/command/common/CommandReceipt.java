package io.kontor.command.common;

import java.util.OptionalLong;

/**
 * The result of a handled command: the handler's own result and, once committed, the global position of the last
 * event it appended (none if it appended nothing).
 */
public final class CommandReceipt {

    private final Object result;
    private volatile long position = -1;

    CommandReceipt(Object result) {
        this.result = result;
    }

    void committedAt(long position) {
        this.position = position;
    }

    public Object result() {
        return result;
    }

    public OptionalLong position() {
        long p = position;
        return p < 0 ? OptionalLong.empty() : OptionalLong.of(p);
    }
}
