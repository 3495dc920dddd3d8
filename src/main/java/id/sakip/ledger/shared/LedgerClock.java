package id.sakip.ledger.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The ledger's calendar: dates such as "today" are taken in Western Indonesia Time (WIB). */
public final class LedgerClock {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private LedgerClock() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(WIB));
    }
}
