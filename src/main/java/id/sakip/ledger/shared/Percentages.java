package id.sakip.ledger.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Percentages as the reports print them: computed exactly and rounded once, HALF_UP, to 2 decimals.
 * Intermediate values stay unrounded (see {@link #exactRatio}) so a difference of two percentages is
 * also rounded only once.
 */
public final class Percentages {

    /** Enough precision that rounding an exact ratio to 2 decimals is never affected. */
    public static final MathContext EXACT = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentages() {
    }

    /** {@code part / whole × 100}, unrounded (40 significant digits), or {@code null} when whole is 0. */
    public static BigDecimal exactRatio(BigDecimal part, BigDecimal whole) {
        if (whole == null || part == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, EXACT);
    }

    public static BigDecimal exactRatio(long part, long whole) {
        return exactRatio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** Rounds once, HALF_UP, 2 decimals; {@code null} stays {@code null}. */
    public static BigDecimal round(BigDecimal exact) {
        return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code part / whole × 100} rounded once, or {@code null} when whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        return round(exactRatio(part, whole));
    }
}
