package id.sakip.ledger.performance.computation;

import java.util.function.IntFunction;

/** The capaian and efficiency scales in force for one organisation, year by year, as of one moment. */
public final class Grading {

    /** Jiken's scales in every year: what holds where no kabupaten or organisation set one. */
    public static final Grading DEFAULT = new Grading(y -> CategoryScale.JIKEN_CAPAIAN,
            y -> CategoryScale.JIKEN_EFFICIENCY);

    private final IntFunction<CategoryScale> capaian;
    private final IntFunction<CategoryScale> efficiency;

    public Grading(IntFunction<CategoryScale> capaian, IntFunction<CategoryScale> efficiency) {
        this.capaian = capaian;
        this.efficiency = efficiency;
    }

    public CategoryScale capaian(int year) {
        return capaian.apply(year);
    }

    public CategoryScale efficiency(int year) {
        return efficiency.apply(year);
    }

    public CategoryScale of(ScaleKind kind, int year) {
        return kind == ScaleKind.CAPAIAN ? capaian(year) : efficiency(year);
    }
}
