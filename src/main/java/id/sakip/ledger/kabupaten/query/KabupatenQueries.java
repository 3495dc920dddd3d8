package id.sakip.ledger.kabupaten.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.budget.query.BudgetRealisationReport;
import id.sakip.ledger.kabupaten.api.KabupatenEntry;
import id.sakip.ledger.kabupaten.api.KabupatenSummary;
import id.sakip.ledger.kabupaten.api.KabupatenSummary.Behind;
import id.sakip.ledger.kabupaten.api.KabupatenSummary.MonthRow;
import id.sakip.ledger.kabupaten.api.KabupatenSummary.OrganisationRow;
import id.sakip.ledger.kabupaten.api.KabupatenSummary.Total;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.query.KabupatenMembership;
import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;
import id.sakip.ledger.performance.computation.PerformanceMath;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.reporting.query.LkjipQueries;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.Percentages;
import id.sakip.ledger.shared.UnknownItem;

/**
 * The kabupaten view: which kabupaten the organisations' data names, and the summary of one of them
 * for a year, each organisation's figures taken from the same queries as its own reports (live, or
 * folded as of an instant).
 */
@Service
public class KabupatenQueries {

    private static final int BEHIND_LISTED = 5;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final OrganisationDirectory directory;
    private final KabupatenMembership membership;
    private final BudgetQueries budgets;
    private final PerformanceQueries performance;
    private final LkjipQueries lkjip;
    private final Clock clock;

    public KabupatenQueries(OrganisationDirectory directory, KabupatenMembership membership, BudgetQueries budgets,
                            PerformanceQueries performance, LkjipQueries lkjip, Clock clock) {
        this.directory = directory;
        this.membership = membership;
        this.budgets = budgets;
        this.performance = performance;
        this.lkjip = lkjip;
        this.clock = clock;
    }

    /** Every kabupaten named by a registered organisation, by id. */
    public List<KabupatenEntry> all() {
        Map<String, List<OrganisationView>> byKabupaten = new java.util.TreeMap<>();
        for (OrganisationView o : directory.all()) {
            KabupatenId id = KabupatenId.of(o.kabupaten());
            if (id != null) {
                byKabupaten.computeIfAbsent(id.value(), k -> new ArrayList<>()).add(o);
            }
        }
        List<KabupatenEntry> result = new ArrayList<>();
        byKabupaten.forEach((id, orgs) -> result.add(new KabupatenEntry(id, nameOf(orgs), orgs.size())));
        return result;
    }

    /** The organisations of a kabupaten registered by {@code asOf}, or a 404 for a kabupaten none names. */
    public List<OrganisationView> organisationsOf(String kabupatenId, Instant asOf) {
        List<OrganisationView> all = directory.all().stream()
                .filter(o -> {
                    KabupatenId id = KabupatenId.of(o.kabupaten());
                    return id != null && id.value().equals(kabupatenId);
                }).toList();
        if (all.isEmpty()) {
            throw new UnknownItem("UNKNOWN_KABUPATEN", "Tidak ada organisasi di kabupaten " + kabupatenId
                    + " dalam buku besar", Map.of("kabupatenId", kabupatenId));
        }
        return asOf == null ? all : all.stream().filter(o -> membership.registeredBy(o.organisationId(), asOf))
                .toList();
    }

    public KabupatenSummary summary(String kabupatenId, int year, Instant asOf) {
        List<OrganisationView> organisations = organisationsOf(kabupatenId, asOf);
        String name = organisations.isEmpty() ? kabupatenId : nameOf(organisations);
        int month = comparisonMonth(year, asOf);
        BigDecimal evenExact = BigDecimal.valueOf(month * 100L).divide(TWELVE, Percentages.EXACT);
        List<OrganisationRow> rows = new ArrayList<>();
        Map<OrganisationRow, BigDecimal> gaps = new LinkedHashMap<>();
        long budget = 0;
        long realised = 0;
        int withBudget = 0;
        long[] cumulative = new long[12];
        for (OrganisationView o : organisations) {
            BudgetRealisationReport report = realisation(o.organisationId(), year, asOf);
            List<PlanBook> plans = performance.plans(o.organisationId(), asOf);
            PlanBook plan = plans.stream().filter(p -> p.covers(year)).reduce((a, b) -> b).orElse(null);
            List<BigDecimal> achievements = new ArrayList<>();
            if (plan != null) {
                for (PlanBook.IndicatorBook i : plan.indicators) {
                    achievements.add(PerformanceMath.achievementExact(i.targets.get(year), i.realisations.get(year),
                            i.direction));
                }
            }
            PlanBook.Assessment sakip = sakip(plans, year);
            Long orgBudget = null;
            Long orgRealised = null;
            BigDecimal absorption = null;
            BigDecimal atMonth = null;
            BigDecimal gap = null;
            if (report != null) {
                withBudget++;
                orgBudget = report.total().budget();
                orgRealised = report.total().realised();
                absorption = report.total().absorptionPercent();
                budget = Math.addExact(budget, orgBudget);
                realised = Math.addExact(realised, orgRealised);
                for (BudgetRealisationReport.MonthRow m : report.monthly()) {
                    cumulative[m.month() - 1] = Math.addExact(cumulative[m.month() - 1], m.cumulativeRealised());
                }
                long realisedAtMonth = month == 0 ? 0 : report.monthly().get(month - 1).cumulativeRealised();
                BigDecimal atMonthExact = Percentages.exactRatio(realisedAtMonth, orgBudget);
                atMonth = Percentages.round(atMonthExact);
                gap = atMonthExact == null ? null : atMonthExact.subtract(evenExact);
            }
            OrganisationRow row = new OrganisationRow(o.organisationId(), o.name(), orgBudget, orgRealised, absorption,
                    atMonth, Percentages.round(PerformanceMath.meanExact(achievements)),
                    (int) achievements.stream().filter(java.util.Objects::nonNull).count(),
                    sakip == null ? null : sakip.score(), sakip == null ? null : sakip.grade(),
                    findings(o.organisationId(), year, asOf));
            rows.add(row);
            if (month > 0 && gap != null && gap.signum() < 0) {
                gaps.put(row, gap);
            }
        }
        List<Behind> behind = new ArrayList<>();
        gaps.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).limit(BEHIND_LISTED)
                .forEach(e -> behind.add(new Behind(e.getKey().organisationId(), e.getKey().name(),
                        e.getKey().absorptionAtMonthPercent(), Percentages.round(e.getValue()))));
        List<MonthRow> monthly = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            monthly.add(new MonthRow(m, cumulative[m - 1], Percentages.percent(cumulative[m - 1], budget),
                    Percentages.round(BigDecimal.valueOf(m * 100L).divide(TWELVE, Percentages.EXACT))));
        }
        return new KabupatenSummary(kabupatenId, name, year, asOf, month, Percentages.round(evenExact), rows,
                new Total(budget, realised, Percentages.percent(realised, budget), rows.size(), withBudget),
                monthly, behind);
    }

    /** The kabupaten's name as most of its organisations write it (the first organisation's on a tie). */
    static String nameOf(List<OrganisationView> organisations) {
        Map<String, Integer> spellings = new LinkedHashMap<>();
        organisations.forEach(o -> spellings.merge(o.kabupaten().strip(), 1, Integer::sum));
        return spellings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The month of {@code asOf} (now when {@code null}) in WIB within the year: 12 after it, 0 before it. */
    int comparisonMonth(int year, Instant asOf) {
        LocalDate day = (asOf == null ? clock.instant() : asOf).atZone(LedgerClock.WIB).toLocalDate();
        if (day.getYear() > year) {
            return 12;
        }
        return day.getYear() < year ? 0 : day.getMonthValue();
    }

    private BudgetRealisationReport realisation(String organisationId, int year, Instant asOf) {
        try {
            BudgetBook book = budgets.book(organisationId, year, asOf, null);
            return BudgetRealisationReport.of(book);
        } catch (UnknownItem noBudget) {
            return null;
        }
    }

    /** The SAKIP evaluation of the year last recorded in the organisation's plans, earliest plan first. */
    private static PlanBook.Assessment sakip(List<PlanBook> plans, int year) {
        PlanBook.Assessment last = null;
        for (PlanBook p : plans) {
            for (PlanBook.IndicatorBook i : p.indicators) {
                for (PlanBook.Assessment a : i.assessments) {
                    if ("SAKIP".equals(a.kind()) && a.year() == year) {
                        last = a;
                    }
                }
            }
        }
        return last;
    }

    /** The number of reconciliation findings, {@code null} when no printed LKjIP of the year is recorded. */
    private Integer findings(String organisationId, int year, Instant asOf) {
        try {
            return lkjip.reconciliation(organisationId, year, asOf).discrepancies().size();
        } catch (UnknownItem noPrintedReport) {
            return null;
        }
    }
}
