package id.sakip.ledger.budget.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RealisationReversed;
import id.sakip.ledger.shared.Rupiah;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the budget fold that the live read model, rebuilds and time travel all rely on. */
class BudgetBookProperties {

    private static final id.sakip.ledger.eventstore.projection.JsonDocumentCodec<BudgetBook> CODEC =
            new id.sakip.ledger.eventstore.projection.JsonDocumentCodec<>(BudgetBook.class);

    /** A generated step: spend on a line at a day of the year, or reverse the n-th earlier entry. */
    record Step(boolean reverse, int line, long amount, int dayOfYear, int target) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(false, false, false, true),
                Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.integers().between(1, 365), Arbitraries.integers().between(0, 1000))
                .as(Step::new);
        return step.list().ofMaxSize(60);
    }

    private static List<Object> events(List<Step> steps) {
        List<Object> events = new ArrayList<>();
        events.add(new BudgetAdopted("org", 2023, "APBD", "DPA", null, null, List.of(new BudgetProgram(1, "P", null,
                List.of(new BudgetActivity(1, "A", "S1", null, List.of(
                        new BudgetLine("L0", 1, "l0", EconomicClass.PEGAWAI, null, null, Rupiah.of(900_000_000)),
                        new BudgetLine("L1", 2, "l1", EconomicClass.BARANG_JASA, null, null, Rupiah.of(90_000_000)),
                        new BudgetLine("L2", 3, "l2", EconomicClass.MODAL, "S2", null, Rupiah.of(9_000_000)))))))));
        List<RealisationRecorded> open = new ArrayList<>();
        int n = 0;
        for (Step s : steps) {
            if (s.reverse() && !open.isEmpty()) {
                RealisationRecorded r = open.remove(s.target() % open.size());
                events.add(new RealisationReversed("org", 2023, r.entryId(), r.lineId(), r.amount(), r.valueDate(), "x"));
            } else {
                RealisationRecorded r = new RealisationRecorded("org", 2023, "e" + n++, "L" + s.line(),
                        Rupiah.of(s.amount()), LocalDate.ofYearDay(2023, s.dayOfYear()), "SP2D", "d");
                open.add(r);
                events.add(r);
            }
        }
        return events;
    }

    private static BudgetBook fold(List<Object> events, LocalDate until) {
        BudgetBook book = BudgetBook.empty(until);
        for (Object e : events) {
            book.apply(e, new BudgetBook.Recorded(Instant.EPOCH, "t"));
        }
        return book;
    }

    @Property
    void eachLineRealisesItsEntriesLessItsReversalsOnce(@ForAll("steps") List<Step> steps) {
        List<Object> events = events(steps);
        Map<String, Long> expected = new HashMap<>();
        for (Object e : events) {
            if (e instanceof RealisationRecorded r) {
                expected.merge(r.lineId(), r.amount().value(), Long::sum);
            } else if (e instanceof RealisationReversed r) {
                expected.merge(r.lineId(), -r.amount().value(), Long::sum);
            }
        }
        BudgetBook book = fold(events, null);
        for (BudgetBook.LineBook line : book.lines.values()) {
            assertThat(line.realised).isEqualTo(expected.getOrDefault(line.lineId, 0L));
            assertThat(java.util.Arrays.stream(line.realisedByMonth).sum()).isEqualTo(line.realised);
        }
        BudgetRealisationReport report = BudgetRealisationReport.of(book);
        assertThat(report.total().budget()).isEqualTo(report.lines().stream().mapToLong(BudgetRealisationReport.LineRow::budget).sum());
        assertThat(report.total().realised()).isEqualTo(report.lines().stream().mapToLong(BudgetRealisationReport.LineRow::realised).sum());
        assertThat(report.classes().stream().mapToLong(BudgetRealisationReport.GroupRow::realised).sum())
                .isEqualTo(report.total().realised());
        assertThat(report.objectives().stream().mapToLong(BudgetRealisationReport.GroupRow::budget).sum())
                .isEqualTo(report.total().budget());
        assertThat(report.monthly().get(11).cumulativeRealised()).isEqualTo(report.total().realised());
    }

    @Property
    void storingAndReloadingTheBookBetweenBatchesGivesTheSameAsOneFold(@ForAll("steps") List<Step> steps,
                                                                       @ForAll @IntRange(min = 1, max = 20) int batch) {
        List<Object> events = events(steps);
        BudgetBook live = BudgetBook.empty(null);
        for (int i = 0; i < events.size(); i++) {
            live.apply(events.get(i), new BudgetBook.Recorded(Instant.EPOCH, "t"));
            if (i % batch == batch - 1) {
                Document stored = CODEC.write("id", live);
                live = CODEC.read(stored);
            }
        }
        assertThat(BudgetRealisationReport.of(live)).isEqualTo(BudgetRealisationReport.of(fold(events, null)));
    }

    @Property
    void untilTheLastDayOfTheYearCountsEverything(@ForAll("steps") List<Step> steps) {
        List<Object> events = events(steps);
        assertThat(BudgetRealisationReport.of(fold(events, LocalDate.of(2023, 12, 31))).total())
                .isEqualTo(BudgetRealisationReport.of(fold(events, null)).total());
    }

    @Property
    void untilAMonthEndEqualsTheMonthlyCumulativeFigure(@ForAll("steps") List<Step> steps,
                                                        @ForAll @IntRange(min = 1, max = 12) int month) {
        List<Object> events = events(steps);
        LocalDate monthEnd = LocalDate.of(2023, month, 1).withDayOfMonth(LocalDate.of(2023, month, 1).lengthOfMonth());
        long untilTotal = BudgetRealisationReport.of(fold(events, monthEnd)).total().realised();
        long cumulative = BudgetRealisationReport.of(fold(events, null)).monthly().get(month - 1)
                .cumulativeRealised();
        assertThat(untilTotal).isEqualTo(cumulative);
    }
}
