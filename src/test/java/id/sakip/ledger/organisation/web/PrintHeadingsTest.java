package id.sakip.ledger.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signing office reads as an LKjIP writes it under the signature. */
class PrintHeadingsTest {

    @Test
    void theOfficeDropsTheWordTheTitleAlreadySays() {
        assertThat(PrintHeadings.office("Camat", "Kecamatan Jiken")).isEqualTo("Camat Jiken");
        assertThat(PrintHeadings.office("Kepala Dinas", "Dinas Pendidikan")).isEqualTo("Kepala Dinas Pendidikan");
        assertThat(PrintHeadings.office("Lurah", "Kelurahan Mlangsen")).isEqualTo("Lurah Mlangsen");
        assertThat(PrintHeadings.office("Sekretaris", "Sekretariat Daerah")).isEqualTo("Sekretaris Sekretariat Daerah");
    }

    @Test
    void aMissingTitleOrNameStillGivesAnOffice() {
        assertThat(PrintHeadings.office(null, "Badan Keuangan Daerah")).isEqualTo("Kepala Badan Keuangan Daerah");
        assertThat(PrintHeadings.office("Camat", null)).isEqualTo("Camat");
    }
}
