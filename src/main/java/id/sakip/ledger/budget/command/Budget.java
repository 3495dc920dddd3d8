package id.sakip.ledger.budget.command;

import static id.sakip.ledger.budget.command.BudgetRules.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import id.sakip.ledger.budget.api.AdoptBudget;
import id.sakip.ledger.budget.api.AmendBudget;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetAmended;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.CloseFiscalYear;
import id.sakip.ledger.budget.api.FiscalYearClosed;
import id.sakip.ledger.budget.api.LineAmendment;
import id.sakip.ledger.budget.api.LineAmount;
import id.sakip.ledger.budget.api.NewBudgetLine;
import id.sakip.ledger.budget.api.RealisationReceipt;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RealisationReversed;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.budget.api.RecordRealisations;
import id.sakip.ledger.budget.api.ReverseRealisation;
import id.sakip.ledger.budget.command.BudgetRules.AlreadyReversed;
import id.sakip.ledger.budget.command.BudgetRules.BelowRealised;
import id.sakip.ledger.budget.command.BudgetRules.BudgetCeilingExceeded;
import id.sakip.ledger.budget.command.BudgetRules.DuplicateAmendment;
import id.sakip.ledger.budget.command.BudgetRules.DuplicateEntry;
import id.sakip.ledger.budget.command.BudgetRules.IdempotencyConflict;
import id.sakip.ledger.budget.command.BudgetRules.LineExists;
import id.sakip.ledger.budget.command.BudgetRules.TotalChanged;
import id.sakip.ledger.budget.command.BudgetRules.UnknownActivity;
import id.sakip.ledger.budget.command.BudgetRules.UnknownEntry;
import id.sakip.ledger.budget.command.BudgetRules.UnknownLine;
import id.sakip.ledger.budget.command.BudgetRules.YearClosed;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.Rupiah;

/**
 * One organisation's budget (DPA) for one fiscal year, with its lines as members. It guards the
 * ledger's budget rules: no line realised beyond its amount, no amendment below what is realised,
 * pergeseran keeps the total, reversals happen once, nothing changes after closing, and a retried
 * request (same user and idempotency key) gets its first answer again. Revision 2 keys the remembered
 * answers by user; a snapshot of an earlier revision is ignored and the budget is sourced from its events.
 */
@org.axonframework.serialization.Revision("2")
@Aggregate(snapshotTriggerDefinition = "budgetSnapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Budget {

    static final int MAX_TEXT = 1_000;
    static final int MAX_DOCUMENT = 100;

    @AggregateIdentifier
    private String budgetId;
    private String organisationId;
    private int fiscalYear;
    private boolean closed;
    private Set<Integer> activities = new HashSet<>();
    private Map<String, Line> lines = new LinkedHashMap<>();
    private Map<String, Entry> entries = new HashMap<>();
    private Set<String> amendments = new HashSet<>();
    private Map<String, Answer> answers = new HashMap<>();

    /** A line's current amount and realised total. */
    record Line(long amount, long realised) {
    }

    /** A realisation entry as the rules need it. */
    record Entry(String lineId, long amount, LocalDate valueDate, String document, String description,
                 boolean reversed) {
    }

    /** The first answer given to an idempotency key, and the request it answered. */
    record Answer(String fingerprint, String id) {
    }

    protected Budget() {
    }

    @CommandHandler
    public Budget(AdoptBudget command) {
        requireText(command.organisationId(), "organisationId", 100);
        if (command.fiscalYear() < 2000 || command.fiscalYear() > 2100) {
            throw invalid("INVALID_YEAR", "Fiscal year " + command.fiscalYear() + " is not plausible");
        }
        if (command.programs() == null || command.programs().isEmpty()) {
            throw invalid("EMPTY_BUDGET", "A budget needs at least one program with one line");
        }
        Set<String> lineIds = new HashSet<>();
        Set<Integer> activityNumbers = new HashSet<>();
        int lineCount = 0;
        for (BudgetProgram program : command.programs()) {
            requireText(program.name(), "program name", MAX_TEXT);
            for (BudgetActivity activity : nonNull(program.activities())) {
                requireText(activity.name(), "activity name", MAX_TEXT);
                if (!activityNumbers.add(activity.number())) {
                    throw invalid("DUPLICATE_ACTIVITY", "Activity " + activity.number() + " appears twice");
                }
                for (BudgetLine line : nonNull(activity.lines())) {
                    validateLine(line);
                    if (!lineIds.add(line.lineId())) {
                        throw invalid("DUPLICATE_LINE", "Line " + line.lineId() + " appears twice");
                    }
                    lineCount++;
                }
            }
        }
        if (lineCount == 0) {
            throw invalid("EMPTY_BUDGET", "A budget needs at least one line");
        }
        apply(new BudgetAdopted(command.organisationId(), command.fiscalYear(), command.fund(), command.legalBasis(),
                command.adoptedOn(), command.source(), command.programs()));
    }

    @CommandHandler
    public String handle(AmendBudget command, MetaData metaData) {
        Answer previous = previousAnswer(metaData, command);
        if (previous != null) {
            return previous.id();
        }
        requireOpen();
        requireText(command.amendmentId(), "amendmentId", 100);
        if (amendments.contains(command.amendmentId())) {
            throw new DuplicateAmendment(command.amendmentId());
        }
        if (command.kind() == null) {
            throw invalid("KIND_REQUIRED", "An amendment needs a kind: PERUBAHAN, PERGESERAN or REFOCUSING");
        }
        requireText(command.reason(), "reason", MAX_TEXT);
        requireText(command.legalBasis(), "legalBasis", MAX_TEXT);
        requireInYear(command.effectiveDate(), "effectiveDate");
        List<LineAmount> changes = nonNull(command.changes());
        List<NewBudgetLine> newLines = nonNull(command.newLines());
        if (changes.isEmpty() && newLines.isEmpty()) {
            throw invalid("EMPTY_AMENDMENT", "An amendment must change or add at least one line");
        }
        Set<String> seen = new HashSet<>();
        List<LineAmendment> applied = new ArrayList<>();
        List<Map<String, Object>> belowRealised = new ArrayList<>();
        long totalBefore = totalAmount();
        long totalAfter = totalBefore;
        for (LineAmount change : changes) {
            Line line = lines.get(change.lineId());
            if (line == null) {
                throw new UnknownLine(change.lineId());
            }
            if (!seen.add(change.lineId())) {
                throw invalid("DUPLICATE_LINE", "Line " + change.lineId() + " is changed twice");
            }
            requireAmount(change.amount(), "amount of line " + change.lineId());
            long after = change.amount().value();
            if (after < line.realised()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("lineId", change.lineId());
                d.put("amount", after);
                d.put("realised", line.realised());
                belowRealised.add(d);
            }
            totalAfter = Math.addExact(totalAfter - line.amount(), after);
            applied.add(new LineAmendment(change.lineId(), Rupiah.of(line.amount()), change.amount()));
        }
        for (NewBudgetLine added : newLines) {
            if (added.line() == null) {
                throw invalid("LINE_REQUIRED", "A new line needs its details");
            }
            validateLine(added.line());
            if (lines.containsKey(added.line().lineId()) || !seen.add(added.line().lineId())) {
                throw new LineExists(added.line().lineId());
            }
            if (!activities.contains(added.activityNumber())) {
                throw new UnknownActivity(added.activityNumber());
            }
            totalAfter = Math.addExact(totalAfter, added.line().amount().value());
        }
        if (!belowRealised.isEmpty()) {
            throw new BelowRealised(belowRealised);
        }
        if (command.kind() == id.sakip.ledger.budget.api.AmendmentKind.PERGESERAN && totalAfter != totalBefore) {
            throw new TotalChanged(Rupiah.of(totalBefore), Rupiah.of(totalAfter));
        }
        apply(new BudgetAmended(organisationId, fiscalYear, command.amendmentId(), command.kind(),
                command.reason().strip(), command.legalBasis().strip(), command.effectiveDate(), applied, newLines),
                metaData.subset(LedgerMetadata.IDEMPOTENCY_KEY, FINGERPRINT, LedgerMetadata.ACTOR_ID));
        return command.amendmentId();
    }

    @CommandHandler
    public RealisationReceipt handle(RecordRealisation command, MetaData metaData, Clock clock) {
        return record(command, metaData, clock);
    }

    /**
     * Decides each realisation in order as if it had been sent on its own under its idempotency key, so a
     * bulk import pays one command dispatch and aggregate load for all of them; the first refusal refuses all.
     */
    @CommandHandler
    public int handle(RecordRealisations command, MetaData metaData, Clock clock) {
        if (command.entries() == null) {
            throw invalid("ENTRIES_REQUIRED", "The realisations to record are missing");
        }
        for (RecordRealisations.Entry entry : command.entries()) {
            RecordRealisation realisation = entry.realisation();
            if (realisation == null || !budgetId.equals(realisation.budgetId())) {
                throw invalid("ENTRY_OF_ANOTHER_BUDGET", "Every realisation must belong to budget " + budgetId);
            }
            MetaData own = metaData.withoutKeys(java.util.Set.of(LedgerMetadata.IDEMPOTENCY_KEY, FINGERPRINT));
            if (entry.idempotencyKey() != null) {
                own = own.and(LedgerMetadata.IDEMPOTENCY_KEY, entry.idempotencyKey())
                        .and(FINGERPRINT, entry.fingerprint());
            }
            record(realisation, own, clock);
        }
        return command.entries().size();
    }

    private RealisationReceipt record(RecordRealisation command, MetaData metaData, Clock clock) {
        Answer previous = previousAnswer(metaData, command);
        if (previous != null) {
            return receipt(previous.id());
        }
        requireOpen();
        requireText(command.entryId(), "entryId", 100);
        requireText(command.document(), "document", MAX_DOCUMENT);
        if (command.description() != null && command.description().length() > MAX_TEXT) {
            throw invalid("TEXT_TOO_LONG", "description is longer than " + MAX_TEXT + " characters");
        }
        if (command.amount() == null || !command.amount().isPositive()) {
            throw invalid("INVALID_AMOUNT", "The amount must be more than 0 rupiah");
        }
        requireInYear(command.valueDate(), "date");
        LocalDate today = LedgerClock.today(clock);
        if (command.valueDate().isAfter(today)) {
            throw invalid("DATE_IN_FUTURE", "The date " + command.valueDate() + " is after today (" + today + ")",
                    "date", command.valueDate().toString(), "today", today.toString());
        }
        Line line = lines.get(command.lineId());
        if (line == null) {
            throw new UnknownLine(command.lineId());
        }
        if (entries.containsKey(command.entryId())) {
            throw new DuplicateEntry(command.entryId());
        }
        if (Math.addExact(line.realised(), command.amount().value()) > line.amount()) {
            throw new BudgetCeilingExceeded(command.lineId(), Rupiah.of(line.amount()), Rupiah.of(line.realised()),
                    command.amount());
        }
        apply(new RealisationRecorded(organisationId, fiscalYear, command.entryId(), command.lineId(),
                command.amount(), command.valueDate(), command.document().strip(), command.description()),
                metaData.subset(LedgerMetadata.IDEMPOTENCY_KEY, FINGERPRINT, LedgerMetadata.ACTOR_ID));
        return receipt(command.entryId());
    }

    @CommandHandler
    public String handle(ReverseRealisation command, MetaData metaData) {
        Answer previous = previousAnswer(metaData, command);
        if (previous != null) {
            return previous.id();
        }
        requireOpen();
        Entry entry = command.entryId() == null ? null : entries.get(command.entryId());
        if (entry == null) {
            throw new UnknownEntry(command.entryId());
        }
        requireText(command.reason(), "reason", MAX_TEXT);
        if (entry.reversed()) {
            throw new AlreadyReversed(command.entryId());
        }
        apply(new RealisationReversed(organisationId, fiscalYear, command.entryId(), entry.lineId(),
                Rupiah.of(entry.amount()), entry.valueDate(), command.reason().strip()),
                metaData.subset(LedgerMetadata.IDEMPOTENCY_KEY, FINGERPRINT, LedgerMetadata.ACTOR_ID));
        return command.entryId();
    }

    @CommandHandler
    public void handle(CloseFiscalYear command) {
        requireOpen();
        apply(new FiscalYearClosed(organisationId, fiscalYear));
    }

    /** Metadata key of the fingerprint of the request that an idempotency key was first used for. */
    public static final String FINGERPRINT = LedgerMetadata.REQUEST_FINGERPRINT;

    private Answer previousAnswer(MetaData metaData, Object command) {
        Object key = metaData.get(LedgerMetadata.IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        Answer answer = answers.get(scopedKey(metaData));
        if (answer == null) {
            return null;
        }
        Object fingerprint = metaData.get(FINGERPRINT);
        if (!Objects.equals(answer.fingerprint(), fingerprint == null ? null : fingerprint.toString())) {
            throw new IdempotencyConflict(key.toString());
        }
        return answer;
    }

    private RealisationReceipt receipt(String entryId) {
        Entry e = entries.get(entryId);
        return new RealisationReceipt(entryId, e.lineId(), Rupiah.of(e.amount()), e.valueDate(), e.document(),
                e.description());
    }

    private void requireOpen() {
        if (closed) {
            throw new YearClosed(fiscalYear);
        }
    }

    private void requireInYear(LocalDate date, String field) {
        if (date == null) {
            throw invalid("DATE_REQUIRED", field + " is required");
        }
        if (date.getYear() != fiscalYear) {
            throw invalid("DATE_OUTSIDE_YEAR", field + " " + date + " is outside fiscal year " + fiscalYear,
                    "date", date.toString(), "fiscalYear", fiscalYear);
        }
    }

    private static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid("REQUIRED", field + " is required", "field", field);
        }
        if (value.length() > max) {
            throw invalid("TEXT_TOO_LONG", field + " is longer than " + max + " characters", "field", field);
        }
    }

    private static void requireAmount(Rupiah amount, String what) {
        if (amount == null || amount.isNegative()) {
            throw invalid("INVALID_AMOUNT", what + " must be 0 or more rupiah");
        }
    }

    private static void validateLine(BudgetLine line) {
        requireText(line.lineId(), "lineId", 100);
        requireText(line.name(), "line name", MAX_TEXT);
        if (line.economicClass() == null) {
            throw invalid("CLASS_REQUIRED", "Line " + line.lineId() + " needs an economic class");
        }
        requireAmount(line.amount(), "amount of line " + line.lineId());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private long totalAmount() {
        long total = 0;
        for (Line l : lines.values()) {
            total = Math.addExact(total, l.amount());
        }
        return total;
    }

    private void remember(MetaData metaData, String id) {
        Object key = metaData.get(LedgerMetadata.IDEMPOTENCY_KEY);
        if (key != null) {
            Object fingerprint = metaData.get(FINGERPRINT);
            answers.put(scopedKey(metaData), new Answer(fingerprint == null ? null : fingerprint.toString(), id));
        }
    }

    /**
     * An idempotency key in the namespace of the user who sent it, as payment APIs keep them: another
     * user's request under the same key is a different request and never gets this user's answer.
     */
    private static String scopedKey(MetaData metaData) {
        Object actor = metaData.get(LedgerMetadata.ACTOR_ID);
        return (actor == null ? "" : actor.toString()) + '\u0000' + metaData.get(LedgerMetadata.IDEMPOTENCY_KEY);
    }

    @EventSourcingHandler
    void on(BudgetAdopted event) {
        budgetId = BudgetId.of(event.organisationId(), event.fiscalYear());
        organisationId = event.organisationId();
        fiscalYear = event.fiscalYear();
        for (BudgetProgram program : event.programs()) {
            for (BudgetActivity activity : nonNull(program.activities())) {
                activities.add(activity.number());
                for (BudgetLine line : nonNull(activity.lines())) {
                    lines.put(line.lineId(), new Line(line.amount().value(), 0));
                }
            }
        }
    }

    @EventSourcingHandler
    void on(BudgetAmended event, MetaData metaData) {
        amendments.add(event.amendmentId());
        for (LineAmendment change : event.changes()) {
            lines.put(change.lineId(), new Line(change.after().value(), lines.get(change.lineId()).realised()));
        }
        for (NewBudgetLine added : nonNull(event.newLines())) {
            lines.put(added.line().lineId(), new Line(added.line().amount().value(), 0));
        }
        remember(metaData, event.amendmentId());
    }

    @EventSourcingHandler
    void on(RealisationRecorded event, MetaData metaData) {
        Line line = lines.get(event.lineId());
        lines.put(event.lineId(), new Line(line.amount(), line.realised() + event.amount().value()));
        entries.put(event.entryId(), new Entry(event.lineId(), event.amount().value(), event.valueDate(),
                event.document(), event.description(), false));
        remember(metaData, event.entryId());
    }

    @EventSourcingHandler
    void on(RealisationReversed event, MetaData metaData) {
        Line line = lines.get(event.lineId());
        lines.put(event.lineId(), new Line(line.amount(), line.realised() - event.amount().value()));
        Entry e = entries.get(event.entryId());
        entries.put(event.entryId(), new Entry(e.lineId(), e.amount(), e.valueDate(), e.document(), e.description(),
                true));
        remember(metaData, event.entryId());
    }

    @EventSourcingHandler
    void on(FiscalYearClosed event) {
        closed = true;
    }
}
