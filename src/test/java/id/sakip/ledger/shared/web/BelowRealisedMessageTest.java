package id.sakip.ledger.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A refused amendment names each line it would set below its realisation. */
class BelowRealisedMessageTest {

    @Test
    void theRefusalNamesTheLineItsNewAmountAndItsRealisation() {
        assertThat(IndonesianMessages.belowRealised(List.of(Map.of("lineId", "2", "amount", 0L, "realised", 1_500_000L))))
                .isEqualTo("baris 2 (pagu Rp 0 < realisasi Rp 1.500.000)");
    }
}
