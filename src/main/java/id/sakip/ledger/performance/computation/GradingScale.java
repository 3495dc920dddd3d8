package id.sakip.ledger.performance.computation;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The grading scales quoted by LKjIP reports, with boundaries exactly as the reference file writes
 * them: SAKIP (PermenPAN-RB 88/2021) and SKM mutu pelayanan (PermenPAN-RB 14/2017, NIK 25–100).
 */
public enum GradingScale {
    SAKIP("sakip"),
    SKM("skm");

    private final String code;

    GradingScale(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static GradingScale fromCode(String code) {
        for (GradingScale s : values()) {
            if (s.code.equals(code) || s.name().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("grading must be sakip or skm");
    }

    /** A grade and its label. */
    public record Grade(String grade, String label) {
    }

    private static final BigDecimal[] SAKIP_ABOVE = {bd("90"), bd("80"), bd("70"), bd("60"), bd("50"), bd("30")};
    private static final Grade[] SAKIP_GRADES = {new Grade("AA", "Sangat Memuaskan"), new Grade("A", "Memuaskan"),
            new Grade("BB", "Sangat Baik"), new Grade("B", "Baik"), new Grade("CC", "Cukup (Memadai)"),
            new Grade("C", "Kurang")};
    private static final Grade SAKIP_D = new Grade("D", "Sangat Kurang");

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    /** The grade of a value on this scale, or {@code null} for none (value missing or out of range). */
    public Grade grade(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (this == SAKIP) {
            if (value.signum() < 0 || value.compareTo(bd("100")) > 0) {
                return null;
            }
            for (int i = 0; i < SAKIP_ABOVE.length; i++) {
                if (value.compareTo(SAKIP_ABOVE[i]) > 0) {
                    return SAKIP_GRADES[i];
                }
            }
            return SAKIP_D;
        }
        // SKM on the 25.00-100.00 NIK range: D 25.00-64.99, C 65.00-76.60, B 76.61-88.30, A 88.31-100.00
        if (value.compareTo(bd("25")) < 0 || value.compareTo(bd("100")) > 0) {
            return null;
        }
        if (value.compareTo(bd("88.31")) >= 0) {
            return new Grade("A", "Sangat Baik");
        }
        if (value.compareTo(bd("76.61")) >= 0) {
            return new Grade("B", "Baik");
        }
        if (value.compareTo(bd("65.00")) >= 0) {
            return new Grade("C", "Kurang Baik");
        }
        return new Grade("D", "Tidak Baik");
    }
}
