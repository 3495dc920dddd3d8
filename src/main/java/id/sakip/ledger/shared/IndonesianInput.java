package id.sakip.ledger.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts and dates as Indonesian officers type them (the inverse of {@link IndonesianFormat}):
 * {@code 1.500.000}, {@code Rp 1.500.000}, {@code 1.500.000,00}; {@code 20-11-2023}, {@code 2023-11-20}.
 * A refusal is an {@link IllegalArgumentException} whose message, in Bahasa Indonesia, says what is wrong.
 */
public final class IndonesianInput {

    /** The largest amount accepted: a thousand trillion rupiah, far above any regional budget. */
    public static final long MAX_RUPIAH = 999_999_999_999_999L;

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern PLAIN = Pattern.compile("\\d+");
    private static final Pattern CENTS = Pattern.compile("(.*),(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern WORDS = Pattern.compile("(\\d{1,2}) ([A-Za-z]+) (\\d{4})");
    private static final List<String> MONTHS = List.of("januari", "februari", "maret", "april", "mei", "juni",
            "juli", "agustus", "september", "oktober", "november", "desember");

    private IndonesianInput() {
    }

    /**
     * A whole, non-negative amount of rupiah written in Indonesian notation, with an optional {@code Rp}
     * and an optional zero fraction ({@code ,00}). Words ({@code 1,5 juta}), a fraction of a rupiah and
     * English notation ({@code 1,500,000}) are refused.
     */
    public static long rupiah(String text) {
        String s = text.replace('\u00A0', ' ').strip();
        if (s.regionMatches(true, 0, "Rp", 0, 2)) {
            s = s.substring(2).strip();
            if (s.startsWith(".")) {
                s = s.substring(1).strip();
            }
        }
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("tidak boleh negatif: '" + text + "'");
        }
        Matcher cents = CENTS.matcher(s);
        if (cents.matches()) {
            if (!isWhole(cents.group(1))) {
                throw notANumber(text);
            }
            if (Integer.parseInt(cents.group(2)) != 0) {
                throw new IllegalArgumentException("bukan rupiah utuh: '" + text + "'; tulis tanpa sen");
            }
            s = cents.group(1);
        }
        if (!isWhole(s)) {
            throw notANumber(text);
        }
        String digits = s.replace(".", "");
        if (digits.length() > 15) {
            throw new IllegalArgumentException("terlalu besar untuk jumlah rupiah: '" + text + "'");
        }
        return Long.parseLong(digits);
    }

    /** A numeric cell as rupiah: whole, not negative, and exactly representable. */
    public static long rupiah(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("bukan angka");
        }
        if (value < 0) {
            throw new IllegalArgumentException("tidak boleh negatif: " + IndonesianFormat.number(
                    java.math.BigDecimal.valueOf(value)));
        }
        if (value > MAX_RUPIAH) {
            throw new IllegalArgumentException("terlalu besar untuk jumlah rupiah");
        }
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException("bukan rupiah utuh: " + IndonesianFormat.decimal(
                    java.math.BigDecimal.valueOf(value)) + "; tulis tanpa sen");
        }
        return (long) value;
    }

    private static boolean isWhole(String s) {
        return GROUPED.matcher(s).matches() || PLAIN.matcher(s).matches();
    }

    private static IllegalArgumentException notANumber(String text) {
        return new IllegalArgumentException("bukan angka: '" + text + "'");
    }

    /** A date written {@code 20-11-2023} (also with {@code /} or {@code .}), {@code 2023-11-20} or {@code 20 November 2023}. */
    public static LocalDate date(String text) {
        String s = text.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
        try {
            Matcher m = DAY_FIRST.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = WORDS.matcher(s);
            if (m.matches()) {
                int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
                if (month >= 0) {
                    return LocalDate.of(Integer.parseInt(m.group(3)), month + 1, Integer.parseInt(m.group(1)));
                }
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("tanggal tidak ada: '" + text + "'");
        }
        throw new IllegalArgumentException("bukan tanggal: '" + text + "'; tulis 20-11-2023 atau 2023-11-20");
    }

    /** A date as {@link #date(String)} reads it: {@code 20-11-2023}. */
    public static String date(LocalDate date) {
        return String.format("%02d-%02d-%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
