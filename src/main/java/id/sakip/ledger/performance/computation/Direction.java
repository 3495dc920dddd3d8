package id.sakip.ledger.performance.computation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an indicator is better when its realisation is higher or lower. */
public enum Direction {
    HIGHER_IS_BETTER("higher_is_better"),
    LOWER_IS_BETTER("lower_is_better");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Direction fromCode(String code) {
        for (Direction d : values()) {
            if (d.code.equals(code) || d.name().equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction must be higher_is_better or lower_is_better");
    }
}
