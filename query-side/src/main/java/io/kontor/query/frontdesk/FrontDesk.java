package io.kontor.query.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The front desk's calendar: its days are days in Denmark, whatever zone the server runs in. */
public final class FrontDesk {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private FrontDesk() {
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
