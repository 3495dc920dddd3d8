package id.sakip.ledger.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

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
}
