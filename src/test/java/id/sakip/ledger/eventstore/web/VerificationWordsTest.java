package id.sakip.ledger.eventstore.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verification page says why a check failed in Bahasa Indonesia, with the sequence numbers that matter. */
class VerificationWordsTest {

    private final VerificationWords words = new VerificationWords();

    @Test
    void theVerifiersReasonsReadInIndonesian() {
        assertThat(words.reason("the log no longer extends the saved digest at sequence 41"))
                .isEqualTo("log tidak lagi memuat digest yang disimpan pada urutan 41: isi pada atau sebelum urutan "
                        + "itu telah diubah");
        assertThat(words.reason("the log ends at sequence 7, before the saved digest's head 9"))
                .startsWith("log berakhir pada urutan 7, sebelum kepala digest yang disimpan (urutan 9)");
        assertThat(words.reason("content or chain link of commit 12 does not match its hash"))
                .startsWith("isi atau mata rantai commit 12 tidak cocok");
        assertThat(words.reason("commit 5 no longer has the hash of the checkpoint signed at 2026-01-01T00:00:00Z "
                + "for sequence 5: it was changed after it was signed")).contains("urutan 5").contains("diubah");
    }

    @Test
    void anUnknownReasonIsSummarisedWithoutItsEnglish() {
        assertThat(words.reason("something new went wrong")).isEqualTo("rantai hash tidak cocok dengan isi log");
    }
}
