package id.sakip.ledger.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.LedgerClock;

/** Number and time notation for the pages ({@code ${@fmt.rp(x)}}): 1.925.000.000; 96,67 %; WIB times. */
@Component("fmt")
public class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")
            .withZone(LedgerClock.WIB);

    public String rp(Number value) {
        return value == null ? "-" : IndonesianFormat.integer(value.longValue());
    }

    public String pct(BigDecimal value) {
        return value == null ? "-" : IndonesianFormat.decimal(value) + " %";
    }

    public String dec(BigDecimal value) {
        return value == null ? "-" : IndonesianFormat.decimal(value);
    }

    /** Any figure as printed here: whole numbers with thousands dots, fractions with a comma; text unchanged. */
    public String num(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? IndonesianFormat.integer(d.longValueExact())
                    : IndonesianFormat.decimal(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return IndonesianFormat.integer(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return num(new BigDecimal(n.toString()));
        }
        return value.toString();
    }

    /** Width of an absorption bar, 0 to 100. */
    public int bar(BigDecimal percent) {
        return percent == null ? 0 : Math.max(0, Math.min(100, percent.intValue()));
    }

    public String time(Object instant) {
        if (instant == null) {
            return "-";
        }
        return TIME.format(instant instanceof Instant i ? i : Instant.parse(instant.toString())) + " WIB";
    }
}
