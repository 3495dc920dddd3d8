package id.sakip.ledger.performance.computation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.sakip.ledger.shared.InvalidValue;

/**
 * A category scale as data: bands that cover every value once, each with its label, and an optional
 * cap (a value above it is graded and shown as the cap). A valid scale has at least one band, non-blank
 * labels, at most one lower and one upper bound per band, no empty band, no two bands that share a
 * value and no value that falls in no band: a printed "76–90 / ≥ 91" is written {@code from: 76,
 * below: 91} and {@code from: 91}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CategoryScale(BigDecimal cap, List<ScaleBand> bands) {

    public static final int MAX_BANDS = 20;
    public static final int MAX_LABEL = 100;

    /** Jiken's Table 3.1: > 100 Sangat Baik, > 85 Baik, > 65 Cukup, > 50 Kurang, ≤ 50 Sangat Kurang. */
    public static final CategoryScale JIKEN_CAPAIAN = new CategoryScale(null, List.of(
            new ScaleBand(bd(100), null, null, null, "Sangat Baik"),
            new ScaleBand(bd(85), null, bd(100), null, "Baik"),
            new ScaleBand(bd(65), null, bd(85), null, "Cukup"),
            new ScaleBand(bd(50), null, bd(65), null, "Kurang"),
            new ScaleBand(null, null, bd(50), null, "Sangat Kurang")));

    /** Jiken's Table 3.6: > 0 Sangat Efisien, = 0 Efisien, < 0 Kurang Efisien. */
    public static final CategoryScale JIKEN_EFFICIENCY = new CategoryScale(null, List.of(
            new ScaleBand(bd(0), null, null, null, "Sangat Efisien"),
            new ScaleBand(null, bd(0), bd(0), null, "Efisien"),
            new ScaleBand(null, null, null, bd(0), "Kurang Efisien")));

    public CategoryScale {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    private static BigDecimal bd(long value) {
        return BigDecimal.valueOf(value);
    }

    /** The value as graded and shown: the cap when the value is above it. */
    public BigDecimal capped(BigDecimal value) {
        return value == null || cap == null || value.compareTo(cap) <= 0 ? value : cap;
    }

    /** The label of the band holding a (rounded) value after the cap, or {@code null} for no value. */
    public String category(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal graded = capped(value);
        return bands.stream().filter(b -> b.contains(graded)).map(ScaleBand::label).findFirst().orElse(null);
    }

    /** Whether two scales grade alike: the same cap and the same bands (by value) in the same order. */
    public boolean sameAs(CategoryScale other) {
        if (other == null || (cap == null ? other.cap != null : other.cap == null || cap.compareTo(other.cap) != 0)
                || bands.size() != other.bands.size()) {
            return false;
        }
        for (int i = 0; i < bands.size(); i++) {
            if (!bands.get(i).sameAs(other.bands.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** What is wrong with this scale, in Indonesian; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (bands.isEmpty()) {
            problems.add("skala memerlukan sedikitnya satu pita");
            return problems;
        }
        if (bands.size() > MAX_BANDS) {
            problems.add("skala memuat " + bands.size() + " pita; paling banyak " + MAX_BANDS);
            return problems;
        }
        if (cap != null && cap.signum() <= 0) {
            problems.add("batas capaian (cap) " + ScaleBand.number(cap) + " harus lebih dari 0");
        }
        List<ScaleBand> usable = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            ScaleBand b = bands.get(i);
            if (b == null) {
                problems.add("pita ke-" + (i + 1) + " kosong");
                continue;
            }
            String name = b.label() == null || b.label().isBlank() ? "pita ke-" + (i + 1) : "pita " + b.named();
            boolean ok = true;
            if (b.label() == null || b.label().isBlank()) {
                problems.add(name + ": label wajib diisi");
            } else if (b.label().length() > MAX_LABEL) {
                problems.add(name + ": label lebih dari " + MAX_LABEL + " karakter");
            }
            if (b.above() != null && b.from() != null) {
                problems.add(name + ": batas bawah ditulis dengan above atau from, tidak keduanya");
                ok = false;
            }
            if (b.upto() != null && b.below() != null) {
                problems.add(name + ": batas atas ditulis dengan upto atau below, tidak keduanya");
                ok = false;
            }
            if (ok && b.lower() != null && b.upper() != null) {
                int c = b.lower().compareTo(b.upper());
                boolean point = c == 0 && b.from() != null && b.upto() != null;
                if (c > 0 || (c == 0 && !point)) {
                    problems.add(name + ": tidak memuat nilai apa pun (batas bawah tidak di bawah batas atas)");
                    ok = false;
                }
            }
            if (ok) {
                usable.add(b);
            }
        }
        if (usable.size() < bands.size()) {
            return problems;
        }
        List<ScaleBand> sorted = new ArrayList<>(usable);
        sorted.sort(Comparator.comparing(ScaleBand::lower, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(b -> b.above() != null));
        ScaleBand first = sorted.get(0);
        if (first.lower() != null) {
            problems.add("celah: nilai " + (first.from() != null ? "di bawah " : "sampai dengan ")
                    + ScaleBand.number(first.lower()) + " tidak masuk pita mana pun (pita terendah "
                    + first.named() + ")");
        }
        ScaleBand last = sorted.get(sorted.size() - 1);
        if (last.upper() != null) {
            problems.add("celah: nilai " + (last.upto() != null ? "di atas " : "mulai ")
                    + ScaleBand.number(last.upper()) + " tidak masuk pita mana pun (pita tertinggi "
                    + last.named() + ")");
        }
        for (int i = 0; i + 1 < sorted.size(); i++) {
            ScaleBand a = sorted.get(i);
            ScaleBand b = sorted.get(i + 1);
            String pair = "pita " + a.named() + " dan " + b.named();
            if (a.upper() == null || b.lower() == null) {
                problems.add("tumpang tindih: " + pair + " sama-sama memuat nilai "
                        + (b.lower() == null ? "terendah" : "di atas " + ScaleBand.number(b.lower())));
                continue;
            }
            int c = a.upper().compareTo(b.lower());
            String u = ScaleBand.number(a.upper());
            String l = ScaleBand.number(b.lower());
            if (c < 0) {
                problems.add("celah: " + pair + " menyisakan nilai antara " + u + " dan " + l
                        + " yang tidak masuk pita mana pun");
            } else if (c > 0) {
                problems.add("tumpang tindih: " + pair + " sama-sama memuat nilai antara " + l + " dan " + u);
            } else if (a.upto() != null && b.from() != null) {
                problems.add("tumpang tindih: " + pair + " sama-sama memuat nilai " + u
                        + " (tulis below atau above pada salah satunya)");
            } else if (a.below() != null && b.above() != null) {
                problems.add("celah: nilai " + u + " tidak masuk " + pair
                        + " (tulis upto atau from pada salah satunya)");
            }
        }
        return problems;
    }

    /** This scale, or an {@link InvalidValue} {@code INVALID_SCALE} listing every problem in Indonesian. */
    public CategoryScale validated(String what) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidValue("INVALID_SCALE", "Skala " + what + " tidak sah: " + String.join("; ", problems),
                    Map.of("problems", problems));
        }
        return this;
    }
}
