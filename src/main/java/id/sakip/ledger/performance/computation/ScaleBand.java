package id.sakip.ledger.performance.computation;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One band of a category scale: a lower bound ({@code above} exclusive or {@code from} inclusive, or
 * none), an upper bound ({@code upto} inclusive or {@code below} exclusive, or none) and its label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleBand(BigDecimal above, BigDecimal from, BigDecimal upto, BigDecimal below, String label) {

    /**
     * A band written as a rule on one value ({@code > 0}, {@code >= 91}, {@code = 0}, {@code < 0},
     * {@code <= 50}, a decimal comma allowed); throws {@link IllegalArgumentException} with an Indonesian message otherwise.
     */
    public static ScaleBand ofRule(String rule, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(>=|<=|>|<|=|≥|≤)\\s*(-?[0-9]+([.,][0-9]+)?)\\s*")
                .matcher(rule == null ? "" : rule);
        if (!m.matches()) {
            throw new IllegalArgumentException("aturan \"" + rule + "\" tidak dikenal: tulis > x, >= x, = x, < x atau <= x");
        }
        BigDecimal x = new BigDecimal(m.group(2).replace(',', '.'));
        return switch (m.group(1)) {
            case ">" -> new ScaleBand(x, null, null, null, label);
            case ">=", "≥" -> new ScaleBand(null, x, null, null, label);
            case "=" -> new ScaleBand(null, x, x, null, label);
            case "<" -> new ScaleBand(null, null, null, x, label);
            default -> new ScaleBand(null, null, x, null, label);
        };
    }

    /**
     * A band as a file or a request writes it: bounds, or a {@code rule} instead of them; throws
     * {@link IllegalArgumentException} with an Indonesian message when both are given or the rule is unknown.
     */
    public static ScaleBand of(BigDecimal above, BigDecimal from, BigDecimal upto, BigDecimal below, String rule,
                               String label) {
        if (rule == null) {
            return new ScaleBand(above, from, upto, below, label);
        }
        if (above != null || from != null || upto != null || below != null) {
            throw new IllegalArgumentException("pita '" + label + "': tulis rule atau batas (above, from, upto, "
                    + "below), tidak keduanya");
        }
        return ofRule(rule, label);
    }

    /** Whether a value lies in this band. */
    public boolean contains(BigDecimal value) {
        return (above == null || value.compareTo(above) > 0) && (from == null || value.compareTo(from) >= 0)
                && (upto == null || value.compareTo(upto) <= 0) && (below == null || value.compareTo(below) < 0);
    }

    BigDecimal lower() {
        return above != null ? above : from;
    }

    BigDecimal upper() {
        return upto != null ? upto : below;
    }

    /** The band's range as an Indonesian reader expects it: {@code > 85 s.d. ≤ 100}, {@code ≥ 91}, {@code = 0}. */
    public String range() {
        if (from != null && upto != null && from.compareTo(upto) == 0 && above == null && below == null) {
            return "= " + number(from);
        }
        String low = above != null ? "> " + number(above) : from != null ? "≥ " + number(from) : null;
        String high = upto != null ? "≤ " + number(upto) : below != null ? "< " + number(below) : null;
        if (low == null && high == null) {
            return "semua nilai";
        }
        return low == null ? high : high == null ? low : low + " s.d. " + high;
    }

    /** The label and range in quotes, to name the band in a message. */
    String named() {
        return "'" + (label == null ? "" : label) + "' (" + range() + ")";
    }

    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Whether two bands have the same bounds (by value) and label. */
    boolean sameAs(ScaleBand other) {
        return same(above, other.above) && same(from, other.from) && same(upto, other.upto)
                && same(below, other.below) && java.util.Objects.equals(label, other.label);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
