package id.sakip.ledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money in whole rupiah. Arithmetic is exact and fails on overflow instead of wrapping.
 *
 * @param value the number of rupiah
 */
public record Rupiah(long value) implements Comparable<Rupiah> {

    public static final Rupiah ZERO = new Rupiah(0);

    @JsonCreator
    public static Rupiah of(long value) {
        return value == 0 ? ZERO : new Rupiah(value);
    }

    @JsonValue
    public long value() {
        return value;
    }

    public Rupiah plus(Rupiah other) {
        return of(Math.addExact(value, other.value));
    }

    public Rupiah minus(Rupiah other) {
        return of(Math.subtractExact(value, other.value));
    }

    public boolean isNegative() {
        return value < 0;
    }

    public boolean isPositive() {
        return value > 0;
    }

    public boolean isZero() {
        return value == 0;
    }

    @Override
    public int compareTo(Rupiah o) {
        return Long.compare(value, o.value);
    }

    /** Indonesian notation: {@code Rp 1.925.000.000}. */
    public String formatted() {
        return "Rp " + IndonesianFormat.integer(value);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
