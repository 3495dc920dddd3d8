package id.sakip.ledger.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import id.sakip.ledger.organisation.api.KabupatenId;

class KabupatenIdTest {

    @Test
    void aKabupatenIsNamedByTheSlugOfItsName() {
        assertThat(KabupatenId.of("Blora").value()).isEqualTo("blora");
        assertThat(KabupatenId.of("Kabupaten Blora").value()).isEqualTo("blora");
        assertThat(KabupatenId.of(" Kota  Semarang ").value()).isEqualTo("kota-semarang");
        assertThat(KabupatenId.of("Pangkajene dan Kepulauan").value()).isEqualTo("pangkajene-dan-kepulauan");
    }

    @Test
    void aBlankNameHasNoKabupaten() {
        assertThat(KabupatenId.of(null)).isNull();
        assertThat(KabupatenId.of("  ")).isNull();
    }

    @Test
    void anIdIsASlug() {
        assertThatThrownBy(() -> new KabupatenId("Blora")).isInstanceOf(IllegalArgumentException.class);
    }
}
