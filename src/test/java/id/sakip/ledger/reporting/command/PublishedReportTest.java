package id.sakip.ledger.reporting.command;

import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.reporting.api.PrintedReportRecorded;
import id.sakip.ledger.reporting.api.PrintedTable;
import id.sakip.ledger.reporting.api.RecordPrintedReport;
import id.sakip.ledger.shared.InvalidValue;

/** A published LKjIP of a year records its printed tables of that year, and only those. */
class PublishedReportTest {

    private AggregateTestFixture<PublishedReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PublishedReport.class);
    }

    private static PrintedTable table(int year) {
        return new PrintedTable("Tabel 3.5", "indicator_achievement", year, null,
                Map.of("IKU-A", Map.of("capaian", "90,57")));
    }

    @Test
    void theTablesOfTheReportYearAreRecorded() {
        fixture.givenNoPriorActivity().when(new RecordPrintedReport("dinas-x", 2020, "sha256:1", List.of(table(2020))))
                .expectEvents(new PrintedReportRecorded("dinas-x", 2020, "sha256:1", List.of(table(2020))));
    }

    @Test
    void aTableOfAnotherYearIsRefused() {
        fixture.givenNoPriorActivity().when(new RecordPrintedReport("dinas-x", 2020, "sha256:1", List.of(table(2021))))
                .expectNoEvents().expectException(InvalidValue.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is of 2021"));
    }
}
