package id.sakip.ledger.eventstore.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which reads wait for the read models (read-your-writes) before they answer. */
class ReadPathsTest {

    @Test
    void theKabupatenApiAndItsPagesWaitForTheReadModels() {
        assertThat(LedgerPositionFilter.readsModels("/api/v1/kabupaten")).isTrue();
        assertThat(LedgerPositionFilter.readsModels("/api/v1/kabupaten/blora/reports/summary")).isTrue();
        assertThat(LedgerPositionFilter.readsModels("/kabupaten/blora/2024")).isTrue();
        assertThat(LedgerPositionFilter.readsModels("/kabupaten/blora/2024/unduh")).isTrue();
        assertThat(LedgerPositionFilter.readsModels("/api/v1/audit/verify")).isFalse();
    }
}
