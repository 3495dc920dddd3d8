package id.sakip.ledger.performance.computation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a category scale grades: capaian (achievement %, Table 3.1) or efficiency points (Table 3.6). */
public enum ScaleKind {
    CAPAIAN("capaian", "capaian kinerja"),
    EFFICIENCY("efficiency", "efisiensi");

    private final String code;
    private final String words;

    ScaleKind(String code, String words) {
        this.code = code;
        this.words = words;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The kind in Indonesian, for messages and pages. */
    public String words() {
        return words;
    }

    /** The scale in force where no kabupaten or organisation set one: Jiken's Table 3.1 or 3.6. */
    public CategoryScale defaultScale() {
        return this == CAPAIAN ? CategoryScale.JIKEN_CAPAIAN : CategoryScale.JIKEN_EFFICIENCY;
    }

    /** The legal basis quoted for the default scale. */
    public String defaultLegalBasis() {
        return this == CAPAIAN ? "Bawaan: Tabel 3.1 LKjIP Kecamatan Jiken 2023"
                : "Bawaan: Tabel 3.6 LKjIP Kecamatan Jiken 2023";
    }

    /** The kind of a code ({@code capaian} or {@code efficiency}), or {@code null} for none. */
    @JsonCreator
    public static ScaleKind fromCode(String code) {
        for (ScaleKind k : values()) {
            if (k.code.equals(code) || k.name().equals(code)) {
                return k;
            }
        }
        return null;
    }
}
