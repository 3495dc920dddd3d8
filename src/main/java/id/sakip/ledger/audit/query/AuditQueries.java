package id.sakip.ledger.audit.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.query.KabupatenMembership;
import id.sakip.ledger.audit.api.AuditEvent;
import id.sakip.ledger.audit.api.ItemHistory;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetAmended;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.FiscalYearClosed;
import id.sakip.ledger.budget.api.LineAmendment;
import id.sakip.ledger.budget.api.NewBudgetLine;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RealisationReversed;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.ServiceUnavailable;
import id.sakip.ledger.shared.UnknownItem;

/** Answers the auditor's questions: who changed what, when and why. */
@Service
public class AuditQueries {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditIndexProjection index;
    private final CommitLog log;
    private final AggregateHistory history;
    private final PerformanceQueries performance;
    private final KabupatenMembership membership;

    private final id.sakip.ledger.eventstore.projection.ProjectionRebuilds rebuilds;

    public AuditQueries(AuditIndexProjection index, CommitLog log, AggregateHistory history,
                        PerformanceQueries performance, KabupatenMembership membership,
                        id.sakip.ledger.eventstore.projection.ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
        this.membership = membership;
        this.index = index;
        this.log = log;
        this.history = history;
        this.performance = performance;
    }

    /** A page of events and where the next page starts. */
    public record Page(List<AuditEvent> events, Long nextAfter) {
    }

    /** An organisation's events in recording order, filtered; at most {@code limit}, after sequence {@code after}. */
    public Page events(String organisationId, Instant from, Instant to, String type, String actor, long after,
                       int limit) {
        return events(organisationId, new Filter(from, to, type == null ? null : java.util.Set.of(type), actor, null,
                null), after, limit);
    }

    /**
     * What the auditor narrows the events to: recording moments, event types (any of them), the actor,
     * and value dates (a realisation's date, an amendment's effective date, an adoption's date); a
     * {@code null} bound does not narrow.
     */
    public record Filter(Instant from, Instant to, java.util.Set<String> types, String actor,
                         java.time.LocalDate valueFrom, java.time.LocalDate valueTo) {

        boolean admits(AuditEvent row) {
            Instant at = Instant.parse(row.recordedAt());
            if ((from != null && at.isBefore(from)) || (to != null && at.isAfter(to))
                    || (types != null && types.stream().noneMatch(t -> t.equalsIgnoreCase(row.type())))
                    || (actor != null && !actor.equals(row.actorId()))) {
                return false;
            }
            if (valueFrom == null && valueTo == null) {
                return true;
            }
            String iso = EventNarration.valueDate(row.content());
            if (iso == null) {
                return false;
            }
            java.time.LocalDate value = java.time.LocalDate.parse(iso);
            return (valueFrom == null || !value.isBefore(valueFrom)) && (valueTo == null || !value.isAfter(valueTo));
        }
    }

    /** An organisation's events in recording order that pass the filter; at most {@code limit}, after sequence {@code after}. */
    public Page events(String organisationId, Filter filter, long after, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new InvalidValue("INVALID_LIMIT", "limit is 1 to 1000");
        }
        if (rebuilds.isRebuilding(AuditIndexProjection.PROCESSOR)) {
            throw new ServiceUnavailable("REBUILDING", "The audit index is being rebuilt from the log; ask again in "
                    + "a moment", Map.of("progress", rebuilds.status(AuditIndexProjection.PROCESSOR)));
        }
        List<Long> sequences = sequencesOf(organisationId).stream().filter(s -> s > after).toList();
        List<AuditEvent> page = new ArrayList<>();
        for (int i = 0; i < sequences.size() && page.size() < limit; i += 500) {
            List<Long> block = sequences.subList(i, Math.min(sequences.size(), i + 500));
            Map<Long, CommitLog.LocatedEvent> located = log.eventsAt(block);
            for (Long seq : block) {
                CommitLog.LocatedEvent e = located.get(seq);
                if (e == null) {
                    continue;
                }
                AuditEvent row = row(e);
                if (!filter.admits(row)) {
                    continue;
                }
                page.add(row);
                if (page.size() == limit) {
                    return new Page(page, seq);
                }
            }
        }
        return new Page(page, null);
    }

    /** The organisation's own events and those of its kabupaten (its scales), in recording order. */
    private List<Long> sequencesOf(String organisationId) {
        List<Long> own = index.sequencesOf(organisationId);
        KabupatenId kabupaten = membership.kabupatenOf(organisationId);
        if (kabupaten == null) {
            return own;
        }
        List<Long> shared = index.sequencesOf(AuditIndexProjection.kabupatenKey(kabupaten.value()));
        if (shared.isEmpty()) {
            return own;
        }
        List<Long> all = new ArrayList<>(own);
        all.addAll(shared);
        all.sort(null);
        return all;
    }

    private static Map<String, Object> parse(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }

    private static AuditEvent row(CommitLog.LocatedEvent e) {
        Map<String, Object> content = parse(e.event().payload());
        Map<String, Object> meta = parse(e.event().metaData());
        String type = e.event().payloadType();
        type = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        return new AuditEvent(e.sequence(), e.commit().committedAt(), e.event().timestamp(), type,
                e.event().aggregateId(), e.event().isDomainEvent() ? e.event().sequence() : null,
                text(meta.get(LedgerMetadata.ACTOR_ID)), text(meta.get(LedgerMetadata.ACTOR_ROLE)),
                text(meta.get(LedgerMetadata.CORRELATION_ID)), text(content.get("reason")),
                text(content.get("legalBasis")), content, e.commit().first(), e.commit().hash());
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** The story of one budget line in one fiscal year: its amounts and entries over time. */
    public ItemHistory lineHistory(String organisationId, int year, String lineId) {
        List<ItemHistory.Step> steps = new ArrayList<>();
        long[] state = {0, 0};
        boolean[] known = {false};
        history.forEach(BudgetId.of(organisationId, year), null, m -> {
            Object p = m.getPayload();
            String at = m.getTimestamp().toString();
            String actor = text(m.getMetaData().get(LedgerMetadata.ACTOR_ID));
            String role = text(m.getMetaData().get(LedgerMetadata.ACTOR_ROLE));
            if (p instanceof BudgetAdopted a) {
                for (BudgetProgram program : a.programs()) {
                    for (BudgetActivity activity : program.activities()) {
                        for (BudgetLine line : activity.lines()) {
                            if (line.lineId().equals(lineId)) {
                                known[0] = true;
                                state[0] = line.amount().value();
                                steps.add(new ItemHistory.Step(at, actor, role, "ADOPTED", a.fiscalYear(), null,
                                        state[0], null, a.legalBasis(), Map.of("name", line.name())));
                            }
                        }
                    }
                }
            } else if (p instanceof BudgetAmended a) {
                for (LineAmendment c : a.changes()) {
                    if (c.lineId().equals(lineId)) {
                        state[0] = c.after().value();
                        steps.add(new ItemHistory.Step(at, actor, role, "AMOUNT_AMENDED", a.fiscalYear(),
                                c.before().value(), c.after().value(), a.reason(), a.legalBasis(),
                                details("kind", a.kind().name(), "amendmentId", a.amendmentId(), "effectiveDate",
                                        String.valueOf(a.effectiveDate()))));
                    }
                }
                for (NewBudgetLine n : a.newLines() == null ? List.<NewBudgetLine>of() : a.newLines()) {
                    if (n.line().lineId().equals(lineId)) {
                        known[0] = true;
                        state[0] = n.line().amount().value();
                        steps.add(new ItemHistory.Step(at, actor, role, "LINE_ADDED", a.fiscalYear(), null,
                                state[0], a.reason(), a.legalBasis(), details("kind", a.kind().name())));
                    }
                }
            } else if (p instanceof RealisationRecorded r && r.lineId().equals(lineId)) {
                long before = state[1];
                state[1] += r.amount().value();
                steps.add(new ItemHistory.Step(at, actor, role, "REALISATION_RECORDED", r.fiscalYear(), before,
                        state[1], null, null, details("entryId", r.entryId(), "amount", r.amount().value(),
                        "valueDate", r.valueDate().toString(), "document", r.document(), "description",
                        r.description(), "lineAmount", state[0])));
            } else if (p instanceof RealisationReversed r && r.lineId().equals(lineId)) {
                long before = state[1];
                state[1] -= r.amount().value();
                steps.add(new ItemHistory.Step(at, actor, role, "REALISATION_REVERSED", r.fiscalYear(), before,
                        state[1], r.reason(), null, details("entryId", r.entryId(), "amount", r.amount().value(),
                        "valueDate", r.valueDate().toString())));
            } else if (p instanceof FiscalYearClosed c) {
                steps.add(new ItemHistory.Step(at, actor, role, "YEAR_CLOSED", c.fiscalYear(), null, null, null,
                        null, Map.of()));
            }
        });
        if (!known[0]) {
            throw new UnknownItem("UNKNOWN_LINE", "Line " + lineId + " is not in the " + year + " budget of "
                    + organisationId, Map.of("lineId", lineId, "fiscalYear", year));
        }
        return new ItemHistory(organisationId, lineId, "BUDGET_LINE", steps);
    }

    /** The story of one indicator: its targets and realisations with every change. */
    public ItemHistory indicatorHistory(String organisationId, String indicatorId) {
        List<ItemHistory.Step> steps = new ArrayList<>();
        boolean found = false;
        for (PlanBook plan : performance.plans(organisationId, null)) {
            PlanBook.IndicatorBook i = performance.fold(organisationId, plan.planId, null).indicator(indicatorId);
            if (i == null) {
                continue;
            }
            found = true;
            for (PlanBook.Change c : i.history) {
                steps.add(new ItemHistory.Step(String.valueOf(c.recordedAt()), c.actor(), null, c.kind(), c.year(),
                        c.previous(), c.value(), c.reason(), c.legalBasis(), details("planId", plan.planId,
                        "source", c.source(), "evidence", c.evidence())));
            }
            for (PlanBook.Assessment a : i.assessments) {
                steps.add(new ItemHistory.Step(String.valueOf(a.recordedAt()), a.actor(), null, a.kind() + "_RECORDED",
                        a.year(), null, a.score(), null, null, details("planId", plan.planId, "grade", a.grade(),
                        "respondents", a.respondents(), "components", a.components())));
            }
        }
        if (!found) {
            throw new UnknownItem("UNKNOWN_INDICATOR", "Indicator " + indicatorId + " is in no Renstra of "
                    + organisationId, Map.of("indicatorId", indicatorId));
        }
        steps.sort(java.util.Comparator.comparing(ItemHistory.Step::recordedAt));
        return new ItemHistory(organisationId, indicatorId, "INDICATOR", steps);
    }

    private static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
