package id.sakip.ledger.shared.web;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.stereotype.Component;

import id.sakip.ledger.shared.IndonesianFormat;

/** Number and time notation for the pages ({@code ${@fmt.rp(x)}}): 1.925.000.000; 96,67 %; WIB times. */
@Component("fmt")
public class PageFormat {

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
        if (value instanceof Number n) {
            return IndonesianFormat.number(n);
        }
        return value.toString();
    }

    /**
     * A reconciliation figure at the precision it carries ({@link IndonesianFormat#figure(Number)}): a computed
     * percentage with the ledger's two decimals (100,00), a difference with the printed figure's (-1; -0,62).
     */
    public String figure(Object value) {
        if (value == null) {
            return "-";
        }
        return value instanceof Number n ? IndonesianFormat.figure(n) : value.toString();
    }

    /** Width of an absorption bar, 0 to 100. */
    public int bar(BigDecimal percent) {
        return percent == null ? 0 : Math.max(0, Math.min(100, percent.intValue()));
    }

    public String time(Object instant) {
        if (instant == null) {
            return "-";
        }
        return IndonesianFormat.time(instant instanceof Instant i ? i : Instant.parse(instant.toString()));
    }
}
