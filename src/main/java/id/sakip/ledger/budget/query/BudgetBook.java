package id.sakip.ledger.budget.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.sakip.ledger.budget.api.AmendmentKind;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetAmended;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.FiscalYearClosed;
import id.sakip.ledger.budget.api.LineAmendment;
import id.sakip.ledger.budget.api.NewBudgetLine;
import id.sakip.ledger.budget.api.OutputIndicator;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RealisationReversed;

/**
 * The folded state of one budget: lines with their original and current amounts, realised totals
 * (also per month of value date), and every amendment with its class totals before and after.
 * {@link #apply} is a pure fold step; the same code serves the live read model, a rebuild and the
 * {@code asOf}/{@code until} questions. With {@code until} set, only realisations (and their
 * reversals) with a value date up to that day count.
 */
public final class BudgetBook {

    public String organisationId;
    public int fiscalYear;
    public String fund;
    public String legalBasis;
    public LocalDate adoptedOn;
    public boolean closed;
    public LocalDate until;
    public long events;
    public Instant lastRecordedAt;
    /** The latest recording time of any event folded (clocks of instances may differ a little). */
    public Instant maxRecordedAt;
    /** The earliest recording time among the events of the current block of {@link #CHECKPOINT_EVENTS}. */
    public Instant blockFirstRecordedAt;

    /** Every this many events the live read model keeps a copy of the book, to answer {@code asOf} quickly. */
    public static final int CHECKPOINT_EVENTS = 1_000;
    public List<ProgramInfo> programs = new ArrayList<>();
    public List<ActivityInfo> activities = new ArrayList<>();
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, LineBook> lines = new LinkedHashMap<>();
    public List<AmendmentInfo> amendments = new ArrayList<>();

    /** A program of the tree. */
    public record ProgramInfo(int number, String name, OutputIndicator indicator) {
    }

    /** An activity of the tree. */
    public record ActivityInfo(int number, String name, int programNumber, String objective,
                               OutputIndicator indicator) {
    }

    /** One line's amounts and realisations. */
    public static final class LineBook {
        public String lineId;
        public int number;
        public String name;
        public int programNumber;
        public int activityNumber;
        public String objective;
        public EconomicClass economicClass;
        public OutputIndicator indicator;
        public long original;
        public long budget;
        public long realised;
        public long[] realisedByMonth = new long[12];
        public int entries;
        public int reversals;
    }

    /** An amendment as Table 2.6 shows it. */
    public record AmendmentInfo(String amendmentId, AmendmentKind kind, String reason, String legalBasis,
                                LocalDate effectiveDate, Instant recordedAt, String actor,
                                Map<EconomicClass, Long> before, Map<EconomicClass, Long> after,
                                long totalBefore, long totalAfter, List<LineAmendment> changes,
                                List<String> addedLines) {
    }

    /** Who recorded an event and when. */
    public record Recorded(Instant at, String actor) {
    }

    /** Lines as a list when stored, since line codes contain dots that MongoDB field names avoid. */
    @com.fasterxml.jackson.annotation.JsonProperty("lines")
    public List<LineBook> lineList() {
        return new ArrayList<>(lines.values());
    }

    @com.fasterxml.jackson.annotation.JsonProperty("lines")
    public void lineList(List<LineBook> list) {
        lines = new LinkedHashMap<>();
        list.forEach(l -> lines.put(l.lineId, l));
    }

    public static BudgetBook empty(LocalDate until) {
        BudgetBook book = new BudgetBook();
        book.until = until;
        return book;
    }

    public boolean isAdopted() {
        return organisationId != null;
    }

    /** Applies one event; events of other types are ignored. */
    public BudgetBook apply(Object event, Recorded recorded) {
        if (event instanceof BudgetAdopted e) {
            adopted(e);
        } else if (event instanceof BudgetAmended e) {
            amended(e, recorded);
        } else if (event instanceof RealisationRecorded e) {
            if (counts(e.valueDate())) {
                LineBook line = lines.get(e.lineId());
                line.realised += e.amount().value();
                line.realisedByMonth[e.valueDate().getMonthValue() - 1] += e.amount().value();
                line.entries++;
            }
        } else if (event instanceof RealisationReversed e) {
            if (counts(e.valueDate())) {
                LineBook line = lines.get(e.lineId());
                line.realised -= e.amount().value();
                line.realisedByMonth[e.valueDate().getMonthValue() - 1] -= e.amount().value();
                line.reversals++;
            }
        } else if (event instanceof FiscalYearClosed) {
            closed = true;
        } else {
            return this;
        }
        if (events % CHECKPOINT_EVENTS == 0) {
            blockFirstRecordedAt = null;
        }
        events++;
        if (recorded != null) {
            lastRecordedAt = recorded.at();
            if (maxRecordedAt == null || recorded.at().isAfter(maxRecordedAt)) {
                maxRecordedAt = recorded.at();
            }
            if (blockFirstRecordedAt == null || recorded.at().isBefore(blockFirstRecordedAt)) {
                blockFirstRecordedAt = recorded.at();
            }
        }
        return this;
    }

    private boolean counts(LocalDate valueDate) {
        return until == null || !valueDate.isAfter(until);
    }

    private void adopted(BudgetAdopted e) {
        organisationId = e.organisationId();
        fiscalYear = e.fiscalYear();
        fund = e.fund();
        legalBasis = e.legalBasis();
        adoptedOn = e.adoptedOn();
        for (BudgetProgram p : e.programs()) {
            programs.add(new ProgramInfo(p.number(), p.name(), p.indicator()));
            for (BudgetActivity a : p.activities() == null ? List.<BudgetActivity>of() : p.activities()) {
                activities.add(new ActivityInfo(a.number(), a.name(), p.number(), a.objective(), a.indicator()));
                for (BudgetLine l : a.lines() == null ? List.<BudgetLine>of() : a.lines()) {
                    addLine(l, p.number(), a);
                }
            }
        }
    }

    private void addLine(BudgetLine l, int programNumber, BudgetActivity activity) {
        LineBook line = new LineBook();
        line.lineId = l.lineId();
        line.number = l.number();
        line.name = l.name();
        line.programNumber = programNumber;
        line.activityNumber = activity == null ? 0 : activity.number();
        line.objective = l.objective() != null ? l.objective() : activity == null ? null : activity.objective();
        line.economicClass = l.economicClass();
        line.indicator = l.indicator();
        line.original = l.amount().value();
        line.budget = l.amount().value();
        lines.put(l.lineId(), line);
    }

    private void amended(BudgetAmended e, Recorded recorded) {
        Map<EconomicClass, Long> before = classTotals();
        long totalBefore = totalBudget();
        for (LineAmendment c : e.changes()) {
            lines.get(c.lineId()).budget = c.after().value();
        }
        List<String> added = new ArrayList<>();
        for (NewBudgetLine n : e.newLines() == null ? List.<NewBudgetLine>of() : e.newLines()) {
            ActivityInfo activity = activities.stream().filter(a -> a.number() == n.activityNumber()).findFirst()
                    .orElse(null);
            addLine(n.line(), activity == null ? 0 : activity.programNumber(), activity == null ? null
                    : new BudgetActivity(activity.number(), activity.name(), activity.objective(), null, null));
            lines.get(n.line().lineId()).original = 0;
            added.add(n.line().lineId());
        }
        amendments.add(new AmendmentInfo(e.amendmentId(), e.kind(), e.reason(), e.legalBasis(), e.effectiveDate(),
                recorded == null ? null : recorded.at(), recorded == null ? null : recorded.actor(), before,
                classTotals(), totalBefore, totalBudget(), e.changes(), added));
    }

    /** Current amounts per economic class, every class present. */
    public Map<EconomicClass, Long> classTotals() {
        Map<EconomicClass, Long> totals = new EnumMap<>(EconomicClass.class);
        for (EconomicClass c : EconomicClass.values()) {
            totals.put(c, 0L);
        }
        for (LineBook l : lines.values()) {
            totals.merge(l.economicClass, l.budget, Math::addExact);
        }
        return totals;
    }

    public long totalBudget() {
        return lines.values().stream().mapToLong(l -> l.budget).reduce(0, Math::addExact);
    }
}
