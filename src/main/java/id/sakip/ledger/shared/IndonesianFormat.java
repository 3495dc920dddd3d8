package id.sakip.ledger.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Number notation of Indonesian reports: {@code .} groups thousands, {@code ,} marks decimals. */
public final class IndonesianFormat {

    private static final DecimalFormatSymbols SYMBOLS = new DecimalFormatSymbols();

    static {
        SYMBOLS.setGroupingSeparator('.');
        SYMBOLS.setDecimalSeparator(',');
        SYMBOLS.setMinusSign('-');
    }

    private IndonesianFormat() {
    }

    public static String integer(long value) {
        return new DecimalFormat("#,##0", SYMBOLS).format(value);
    }

    /** A percentage with its 2 decimals: {@code 96,20}; {@code -} for none. */
    public static String decimal(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        return new DecimalFormat("#,##0.00", SYMBOLS).format(value);
    }

    /** Any figure: whole numbers with thousands dots (2.000.000), fractions with 2 decimals (96,67). */
    public static String number(Number value) {
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.stripTrailingZeros().scale() <= 0 ? integer(d.longValueExact()) : decimal(d);
    }

    /**
     * A figure at the precision it carries: whole numbers with thousands dots, a {@code BigDecimal} with as
     * many decimals as its scale ({@code 100.00} is 100,00; {@code -1} is -1; {@code -0.62} is -0,62).
     */
    public static String figure(Number value) {
        if (!(value instanceof BigDecimal d)) {
            return integer(value.longValue());
        }
        return d.scale() <= 0 ? integer(d.longValueExact())
                : new DecimalFormat("#,##0." + "0".repeat(d.scale()), SYMBOLS).format(d);
    }

    /** A moment as read in Blora: {@code 28-11-2026 19:05:00 WIB}. */
    public static String time(Instant instant) {
        return TIME.format(instant) + " WIB";
    }

    /** A date as a letter writes it: {@code 2 Desember 2026}. */
    public static String longDate(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember"};

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")
            .withZone(LedgerClock.WIB);
}
