package org.interchange.dialplan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.annotation.PostConstruct;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.core.RouterStarting;
import org.interchange.core.persistence.Database;
import org.interchange.dialplan.internal.CompiledRule;
import org.interchange.dialplan.internal.DialplanTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan: rule sets that translate a string (a Request-URI user, a caller number, any value) by the first
 * rule that matches it, OpenSIPS's dialplan module. See the package documentation for the rules' semantics.
 *
 * <p>Thread-safe. Translations read an immutable snapshot of the table, its expressions compiled, that a load
 * replaces as a whole: a request sees the table before a change or after it, never half of it, and a chain of rules
 * sees one table throughout. Changes write the database and then load the table again, one at a time.
 */
@ApplicationScoped
public class Dialplan {

    /** The most rules {@link #translateChained} applies to one input. */
    public static final int MAX_CHAIN = 8;

    private static final Logger log = LoggerFactory.getLogger(Dialplan.class);
    private static final Comparator<DialplanRule> ORDER = Comparator.comparingInt(DialplanRule::dpid)
            .thenComparingInt(DialplanRule::pr).thenComparingLong(DialplanRule::id);

    private DialplanTable table;
    private Clock clock;
    private ZoneId zone;
    private final Object changes = new Object();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), new DialplanLoad(0, 0, 0, List.of()));

    /**
     * The table in use.
     *
     * @param sets  the rules in use of each set, in the order they are tried
     * @param rules every row that is a rule (in use, disabled or not compiling), by set, priority and id
     * @param load  what the load put in use
     */
    private record Snapshot(Map<Integer, List<CompiledRule>> sets, List<DialplanRule> rules, DialplanLoad load) {
    }

    protected Dialplan() {
        // for CDI's proxy
    }

    /** The dialplan over the router's database; timerecs without a zone are read in the JVM's default zone. */
    @Inject
    public Dialplan(Database database, Clock clock) {
        this(new DialplanTable(database), clock, ZoneId.systemDefault());
    }

    Dialplan(DialplanTable table, Clock clock, ZoneId zone) {
        this.table = table;
        this.clock = clock;
        this.zone = zone;
    }

    @PostConstruct
    void load() {
        reload();
    }

    /**
     * Translates an input by the first rule of set {@code dpid} that matches it ({@code dp_translate}): rules are
     * tried by priority (lower first) then id, disabled rules and rules whose timerec does not hold now are passed
     * over. Never blocks: reads memory only.
     *
     * @return the rule and its output; empty when no rule of the set matches, when the input is empty, or when the
     *         matching rule's {@code subst_exp} does not match the input (OpenSIPS fails that translation too; the
     *         rule is logged once)
     */
    public Optional<Translation> translate(int dpid, String input) {
        List<CompiledRule> rules = snapshot.sets().getOrDefault(dpid, List.of());
        int found = firstMatch(rules, 0, input, clock.instant());
        return found < 0 ? Optional.empty()
                : apply(rules.get(found), input).map(step -> new Translation(List.of(step)));
    }

    /**
     * Translates like {@link #translate}, then, while the rule applied has {@code continue} among its attrs, translates
     * the output by the first rule after it (in the set's order) that matches: a clean-up rule can hand its output to
     * a normalising one. Each rule applies at most once, and at most {@value #MAX_CHAIN} apply. The chain stops at a
     * rule without {@code continue}, when no later rule matches, or at a {@code subst_exp} that does not match (the
     * output so far stands).
     *
     * @return the rules applied and the last output; empty when no rule of the set matches the input
     */
    public Optional<Translation> translateChained(int dpid, String input) {
        List<CompiledRule> rules = snapshot.sets().getOrDefault(dpid, List.of());
        Instant now = clock.instant();
        List<Translation.Step> steps = new ArrayList<>();
        String value = input;
        int from = 0;
        while (steps.size() < MAX_CHAIN) {
            int found = firstMatch(rules, from, value, now);
            Optional<Translation.Step> step = found < 0 ? Optional.empty() : apply(rules.get(found), value);
            if (step.isEmpty()) {
                break;
            }
            steps.add(step.get());
            value = step.get().output();
            if (!step.get().rule().continues()) {
                break;
            }
            from = found + 1;
        }
        return steps.isEmpty() ? Optional.empty() : Optional.of(new Translation(steps));
    }

    /** Whether set {@code dpid} has a rule in use. */
    public boolean hasSet(int dpid) {
        return snapshot.sets().containsKey(dpid);
    }

    /** Every rule of the table as last loaded (in use, disabled or not compiling), by set, priority and id. */
    public List<DialplanRule> list() {
        return snapshot.rules();
    }

    /** The rules of one set as last loaded, by priority and id. */
    public List<DialplanRule> list(int dpid) {
        return snapshot.rules().stream().filter(rule -> rule.dpid() == dpid).toList();
    }

    /** The rule with this id, as last loaded. */
    public Optional<DialplanRule> rule(long id) {
        return snapshot.rules().stream().filter(rule -> rule.id() == id).findFirst();
    }

    /** What the last load put in use, and which rows it skipped. */
    public DialplanLoad loaded() {
        return snapshot.load();
    }

    /**
     * Adds a rule to the table and puts it in use ({@code dialplan:add}).
     *
     * @return the id of the new row
     * @throws InvalidRuleException when the rule does not compile (whether disabled or not)
     */
    public long add(DialplanRule rule) {
        CompiledRule.compile(rule, zone);
        synchronized (changes) {
            long id = table.add(rule);
            reloadLocked();
            return id;
        }
    }

    /**
     * Replaces the values of rule {@code id} and puts them in use ({@code dialplan:change}).
     *
     * @return false when the table has no such row
     * @throws InvalidRuleException when the rule does not compile (whether disabled or not)
     */
    public boolean change(long id, DialplanRule rule) {
        CompiledRule.compile(rule, zone);
        synchronized (changes) {
            boolean changed = table.change(id, rule);
            if (changed) {
                reloadLocked();
            }
            return changed;
        }
    }

    /**
     * Removes rule {@code id} from the table and from use ({@code dialplan:remove}).
     *
     * @return false when the table has no such row
     */
    public boolean remove(long id) {
        synchronized (changes) {
            boolean removed = table.remove(id);
            if (removed) {
                reloadLocked();
            }
            return removed;
        }
    }

    /**
     * Reads the table again and puts it in use at once ({@code dp_reload}): rows that are no rule or do not compile
     * are skipped, each logged with its id and the reason, and the others are used. When the database cannot be
     * read, the rules in use stay.
     *
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database cannot be read
     */
    public DialplanLoad reload() {
        synchronized (changes) {
            return reloadLocked();
        }
    }

    private DialplanLoad reloadLocked() {
        Map<Integer, List<CompiledRule>> sets = new HashMap<>();
        List<DialplanRule> rules = new ArrayList<>();
        List<DialplanLoad.Skipped> skipped = new ArrayList<>();
        int disabled = 0;
        for (DialplanTable.Row row : table.all()) {
            if (row.rule().isEmpty()) {
                skipped.add(new DialplanLoad.Skipped(row.id(), row.problem()));
                continue;
            }
            DialplanRule rule = row.rule().get();
            rules.add(rule);
            if (rule.disabled()) {
                disabled++;
                continue;
            }
            try {
                sets.computeIfAbsent(rule.dpid(), dpid -> new ArrayList<>()).add(CompiledRule.compile(rule, zone));
            } catch (InvalidRuleException e) {
                skipped.add(new DialplanLoad.Skipped(rule.id(), e.getMessage()));
            }
        }
        Map<Integer, List<CompiledRule>> ordered = new HashMap<>();
        sets.forEach((dpid, set) -> ordered.put(dpid, set.stream()
                .sorted(Comparator.comparing(CompiledRule::rule, ORDER)).toList()));
        rules.sort(ORDER);
        int inUse = ordered.values().stream().mapToInt(List::size).sum();
        DialplanLoad load = new DialplanLoad(ordered.size(), inUse, disabled, skipped);
        snapshot = new Snapshot(Map.copyOf(ordered), List.copyOf(rules), load);
        skipped.forEach(row -> log.warn("Dialplan: row {} skipped: {}", row.id(), row.reason()));
        log.info("Dialplan: {} rules in {} sets in use, {} disabled, {} skipped", inUse, ordered.size(), disabled,
                skipped.size());
        return load;
    }

    /** The index of the first rule from {@code from} on that matches, -1 when none; an empty input matches none. */
    private static int firstMatch(List<CompiledRule> rules, int from, String input, Instant now) {
        if (input.isEmpty()) {
            return -1;
        }
        for (int i = from; i < rules.size(); i++) {
            if (rules.get(i).matches(input, now)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Translation.Step> apply(CompiledRule rule, String input) {
        Optional<String> output = rule.apply(input);
        if (output.isEmpty() && rule.firstMismatch()) {
            log.warn("Dialplan: rule {} of set {} matched '{}' but its subst_exp {} does not, so it translates "
                            + "nothing (logged once until the next load)", rule.rule().id(), rule.rule().dpid(),
                    input, rule.rule().substExp());
        }
        return output.map(value -> new Translation.Step(rule.rule(), input, value));
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}
