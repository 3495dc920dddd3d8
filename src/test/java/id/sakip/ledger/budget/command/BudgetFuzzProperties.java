package id.sakip.ledger.budget.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

import id.sakip.ledger.budget.api.AmendBudget;
import id.sakip.ledger.budget.api.AmendmentKind;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.CloseFiscalYear;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.LineAmount;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RealisationReversed;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.budget.api.ReverseRealisation;
import id.sakip.ledger.budget.query.BudgetBook;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.Rupiah;
import id.sakip.ledger.shared.SettableClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * 10 000 random command sequences (realisations, retries, conflicting keys, reversals, amendments,
 * closings) through real Axon command handling and event sourcing. After every step: the outcome is
 * the one a simple model predicts, no line is realised above its amount, totals are sums of lines,
 * each reversal counts once, and a refused command appended nothing.
 */
class BudgetFuzzProperties {

    private static final int YEAR = 2023;
    private static final long[] AMOUNTS = {1_000_000, 500_000, 200_000};
    private static final AtomicLong BUDGETS = new AtomicLong();
    private static final ParameterResolverFactory RESOLVERS = MultiParameterResolverFactory.ordered(
            ClasspathParameterResolverFactory.forClass(Budget.class),
            new SimpleResourceParameterResolverFactory(Set.of(new SettableClock(Instant.parse("2024-02-01T00:00:00Z")))));
    private InMemoryEventStorageEngine engine;
    private CommandGateway gateway;

    /** Fresh Axon command handling and event sourcing, on an in-memory store of its own, for one try. */
    private void newLedger() {
        engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        EventSourcingRepository<Budget> repository = EventSourcingRepository.builder(Budget.class).eventStore(store)
                .parameterResolverFactory(RESOLVERS).build();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Budget>builder().aggregateType(Budget.class).repository(repository)
                .parameterResolverFactory(RESOLVERS).build().subscribe(bus);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** A step: kind 0 spend, 1 retry last spend, 2 reuse a key with another body, 3 reverse, 4 amend, 5 shift, 6 close. */
    record Step(int kind, int line, long amount, int target) {
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequency(net.jqwik.api.Tuple.of(40, 0), net.jqwik.api.Tuple.of(8, 1),
                        net.jqwik.api.Tuple.of(5, 2), net.jqwik.api.Tuple.of(15, 3), net.jqwik.api.Tuple.of(10, 4),
                        net.jqwik.api.Tuple.of(8, 5), net.jqwik.api.Tuple.of(2, 6)),
                Arbitraries.integers().between(0, 3), Arbitraries.longs().between(-10, 700_000),
                Arbitraries.integers().between(0, 1_000)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(14);
    }

    private List<DomainEventMessage<?>> events(String budgetId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        engine.readEvents(budgetId).asStream().forEach(events::add);
        return events;
    }

    private boolean send(Object command, Map<String, Object> meta) {
        try {
            gateway.sendAndWait(command, MetaData.from(meta));
            return true;
        } catch (RuleViolation expected) {
            return false;
        }
    }

    @Property(tries = 10_000)
    void budgetInvariantsHoldUnderRandomCommandSequences(@ForAll("sequences") List<Step> steps) {
        newLedger();
        String org = "fuzz-" + BUDGETS.incrementAndGet();
        String budgetId = BudgetId.of(org, YEAR);
        List<BudgetLine> lines = new ArrayList<>();
        for (int i = 0; i < AMOUNTS.length; i++) {
            lines.add(new BudgetLine("L" + i, i + 1, "line " + i, EconomicClass.BARANG_JASA, null, null,
                    Rupiah.of(AMOUNTS[i])));
        }
        gateway.sendAndWait(new id.sakip.ledger.budget.api.AdoptBudget(org, YEAR, "APBD", "DPA", null, null,
                List.of(new BudgetProgram(1, "P", null, List.of(new BudgetActivity(1, "A", "S1", null, lines))))));

        long[] amount = AMOUNTS.clone();
        long[] realised = new long[AMOUNTS.length];
        List<String[]> open = new ArrayList<>();
        Map<String, Long> entryAmount = new HashMap<>();
        Set<String> reversed = new HashSet<>();
        boolean closed = false;
        String lastKey = null;
        Object lastSpend = null;
        int n = 0;

        for (Step s : steps) {
            int before = events(budgetId).size();
            boolean ok;
            boolean expected;
            int expectedEvents;
            int line = Math.min(s.line(), AMOUNTS.length - 1);
            switch (s.kind()) {
                case 0 -> {
                    String key = "k" + (n++);
                    RecordRealisation spend = new RecordRealisation(org, YEAR, "e" + n, "L" + line,
                            Rupiah.of(s.amount()), LocalDate.of(YEAR, 1 + s.target() % 12, 1), "SP2D", null);
                    expected = !closed && s.amount() > 0 && realised[line] + s.amount() <= amount[line];
                    expectedEvents = expected ? 1 : 0;
                    ok = send(spend, Map.of(LedgerMetadata.IDEMPOTENCY_KEY, key, Budget.FINGERPRINT, key + "-fp"));
                    if (ok) {
                        realised[line] += s.amount();
                        open.add(new String[] {"e" + n, "L" + line});
                        entryAmount.put("e" + n, s.amount());
                        lastKey = key;
                        lastSpend = spend;
                    }
                }
                case 1 -> {
                    if (lastKey == null) {
                        continue;
                    }
                    expected = true;
                    expectedEvents = 0;
                    ok = send(lastSpend, Map.of(LedgerMetadata.IDEMPOTENCY_KEY, lastKey, Budget.FINGERPRINT,
                            lastKey + "-fp"));
                }
                case 2 -> {
                    if (lastKey == null) {
                        continue;
                    }
                    expected = false;
                    expectedEvents = 0;
                    ok = send(new RecordRealisation(org, YEAR, "x" + n++, "L0", Rupiah.of(1), LocalDate.of(YEAR, 1, 1),
                            "SP2D", null), Map.of(LedgerMetadata.IDEMPOTENCY_KEY, lastKey, Budget.FINGERPRINT, "other"));
                }
                case 3 -> {
                    List<String> known = new ArrayList<>(entryAmount.keySet());
                    known.sort(String::compareTo);
                    String entry = known.isEmpty() ? "missing" : known.get(s.target() % known.size());
                    expected = !closed && entryAmount.containsKey(entry) && !reversed.contains(entry);
                    expectedEvents = expected ? 1 : 0;
                    ok = send(new ReverseRealisation(org, YEAR, entry, "salah"), Map.of());
                    if (ok) {
                        reversed.add(entry);
                        String lineId = open.stream().filter(e -> e[0].equals(entry)).findFirst().orElseThrow()[1];
                        realised[Integer.parseInt(lineId.substring(1))] -= entryAmount.get(entry);
                    }
                }
                case 4 -> {
                    long newAmount = Math.max(0, s.amount() * 2);
                    expected = !closed && newAmount >= realised[line];
                    expectedEvents = expected ? 1 : 0;
                    ok = send(new AmendBudget(org, YEAR, "a" + n++, AmendmentKind.PERUBAHAN, "r", "Perbup",
                            LocalDate.of(YEAR, 9, 1), List.of(new LineAmount("L" + line, Rupiah.of(newAmount))),
                            List.of()), Map.of());
                    if (ok) {
                        amount[line] = newAmount;
                    }
                }
                case 5 -> {
                    int other = (line + 1) % AMOUNTS.length;
                    long shift = Math.abs(s.amount()) % 300_000;
                    long from = amount[line] - shift;
                    long to = amount[other] + shift;
                    expected = !closed && from >= realised[line] && from >= 0;
                    expectedEvents = expected ? 1 : 0;
                    ok = send(new AmendBudget(org, YEAR, "a" + n++, AmendmentKind.PERGESERAN, "geser", "Perbup",
                            LocalDate.of(YEAR, 9, 1), List.of(new LineAmount("L" + line, Rupiah.of(Math.max(0, from))),
                                    new LineAmount("L" + other, Rupiah.of(to))), List.of()), Map.of());
                    if (ok) {
                        amount[line] = from;
                        amount[other] = to;
                    }
                }
                default -> {
                    expected = !closed;
                    expectedEvents = expected ? 1 : 0;
                    ok = send(new CloseFiscalYear(org, YEAR), Map.of());
                    closed = closed || ok;
                }
            }
            List<DomainEventMessage<?>> after = events(budgetId);
            assertThat(ok).as("outcome of %s", s).isEqualTo(expected);
            assertThat(after.size() - before).as("events appended by %s", s).isEqualTo(expectedEvents);
            checkInvariants(after, amount, realised);
        }
    }

    private static void checkInvariants(List<DomainEventMessage<?>> events, long[] amount, long[] realised) {
        BudgetBook book = BudgetBook.empty(null);
        Map<String, Integer> reversals = new HashMap<>();
        Map<String, Long> net = new HashMap<>();
        for (DomainEventMessage<?> e : events) {
            book.apply(e.getPayload(), null);
            if (e.getPayload() instanceof RealisationRecorded r) {
                net.merge(r.lineId(), r.amount().value(), Long::sum);
            } else if (e.getPayload() instanceof RealisationReversed r) {
                reversals.merge(r.entryId(), 1, Integer::sum);
                net.merge(r.lineId(), -r.amount().value(), Long::sum);
            }
        }
        assertThat(reversals.values()).allSatisfy(c -> assertThat(c).as("each entry reversed at most once").isEqualTo(1));
        long total = 0;
        for (int i = 0; i < AMOUNTS.length; i++) {
            BudgetBook.LineBook line = book.lines.get("L" + i);
            assertThat(line.realised).as("line %d not above its amount", i).isLessThanOrEqualTo(line.budget)
                    .isGreaterThanOrEqualTo(0).isEqualTo(realised[i]).isEqualTo(net.getOrDefault("L" + i, 0L));
            assertThat(line.budget).isEqualTo(amount[i]);
            total += line.budget;
        }
        assertThat(book.totalBudget()).as("the total is the sum of the lines").isEqualTo(total);
    }
}
