package org.interchange.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.enterprise.inject.Any;
import javax.enterprise.inject.spi.Bean;
import javax.enterprise.inject.spi.BeanManager;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.dns.DnsFailure;
import org.interchange.core.RouterStarting;
import org.interchange.core.Scheduler;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.persistence.InvalidDataException;
import org.interchange.core.sip.SipSyntaxException;
import org.interchange.routing.spi.BranchHook;
import org.interchange.routing.spi.ErrorHook;
import org.interchange.routing.spi.FailureHook;
import org.interchange.routing.spi.LocalHook;
import org.interchange.routing.spi.ReplyHook;
import org.interchange.routing.spi.RequestStep;
import org.interchange.routing.spi.StartupHook;
import org.interchange.routing.spi.TimerHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route: every {@link RequestStep} and hook bean of the WAR, in {@code @Priority} order, found once at start.
 * Runs the request route for each initial request and the hooks of the other route types. A step or hook that
 * throws is logged with its name; a failing request step ends the route with 500. Thread-safe.
 */
@ApplicationScoped
public class RouteChain {

    private static final Logger log = LoggerFactory.getLogger(RouteChain.class);
    /** How many times the failure hooks of one transaction may run. */
    public static final int MAX_FAILURE_ROUNDS = 32;

    private BeanManager beans;
    private Scheduler scheduler;
    private Set<String> disabled;
    private volatile RequestStep[] steps = new RequestStep[0];
    private volatile List<BranchHook> branchHooks = List.of();
    private volatile List<FailureHook> failureHooks = List.of();
    private volatile List<ReplyHook> replyHooks = List.of();
    private volatile List<ErrorHook> errorHooks = List.of();
    private volatile List<LocalHook> localHooks = List.of();
    private volatile List<Entry> entries = List.of();

    /**
     * One step or hook of the route, as the admin API lists it.
     *
     * @param kind     {@code request}, {@code branch}, {@code failure}, {@code reply}, {@code error}, {@code local},
     *                 {@code startup} or {@code timer}
     * @param name     the step's name, else the class's simple name
     * @param priority its {@code @Priority}
     * @param bean     its class
     * @param enabled  false for a step {@code route.disabled-steps} leaves out
     */
    public record Entry(String kind, String name, int priority, String bean, boolean enabled) {
    }

    protected RouteChain() {
        // for CDI's proxy
    }

    @Inject
    public RouteChain(BeanManager beans, Scheduler scheduler, RouterConfiguration config) {
        this.beans = beans;
        this.scheduler = scheduler;
        this.disabled = Set.copyOf(config.list("route.disabled-steps", List.of()));
    }

    /** Finds the steps and hooks, runs the startup hooks and registers the timers. */
    void start(@Observes RouterStarting starting) {
        install(new Found() {
            @Override
            public <T> List<Ranked<T>> ordered(Class<T> type, boolean priorityRequired) {
                List<Ranked<T>> ranked = new ArrayList<>();
                for (Bean<?> bean : beans.getBeans(type, Any.Literal.INSTANCE)) {
                    T instance = type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
                    // a call through the client proxy creates the bean now, so that it reads its settings before
                    // the router refuses the configuration keys nobody read
                    instance.toString();
                    ranked.add(Ranked.of(bean.getBeanClass(), type, instance, priorityRequired));
                }
                return Ranked.sorted(ranked);
            }
        });
    }

    /**
     * A route of these steps and hooks, without CDI (unit tests, benchmarks), ordered by their {@code @Priority} as
     * the router orders its beans; no startup hook or timer runs.
     */
    public static RouteChain of(List<?> stepsAndHooks) {
        return of(stepsAndHooks, Set.of());
    }

    /**
     * A route of these steps and hooks less the steps named in {@code disabledSteps}, as {@code route.disabled-steps}
     * leaves them out of the router's.
     *
     * @throws IllegalStateException when a name is no step's, or a step has no {@code @Priority}
     */
    public static RouteChain of(List<?> stepsAndHooks, Set<String> disabledSteps) {
        RouteChain chain = new RouteChain();
        chain.disabled = Set.copyOf(disabledSteps);
        chain.install(new Found() {
            @Override
            public <T> List<Ranked<T>> ordered(Class<T> type, boolean priorityRequired) {
                List<Ranked<T>> ranked = new ArrayList<>();
                for (Object candidate : stepsAndHooks) {
                    if (type.isInstance(candidate)) {
                        ranked.add(Ranked.of(candidate.getClass(), type, type.cast(candidate), priorityRequired));
                    }
                }
                return Ranked.sorted(ranked);
            }
        });
        return chain;
    }

    /** The beans of each type, by {@code @Priority}. */
    private interface Found {
        <T> List<Ranked<T>> ordered(Class<T> type, boolean priorityRequired);
    }

    /** A step or hook with its place: steps must declare a priority, hooks default to {@link Steps#DEFAULT_HOOK}. */
    private record Ranked<T>(int priority, String name, T bean) {

        static <T> Ranked<T> of(Class<?> beanClass, Class<T> type, T bean, boolean priorityRequired) {
            // @Priority is not inherited: a subclass that specializes one of the router's steps takes its place
            Priority priority = null;
            for (Class<?> declaring = beanClass; priority == null && declaring != null;
                    declaring = declaring.getSuperclass()) {
                priority = declaring.getAnnotation(Priority.class);
            }
            if (priority == null && priorityRequired) {
                throw new IllegalStateException(beanClass.getName() + " is a " + type.getSimpleName()
                        + " without @javax.annotation.Priority: the priority places it in the route");
            }
            return new Ranked<>(priority == null ? Steps.DEFAULT_HOOK : priority.value(), beanClass.getName(), bean);
        }

        static <T> List<Ranked<T>> sorted(List<Ranked<T>> ranked) {
            return ranked.stream().sorted(Comparator.comparingInt((Ranked<T> r) -> r.priority())
                    .thenComparing(Ranked::name)).toList();
        }
    }

    private void install(Found found) {
        List<Ranked<RequestStep>> all = found.ordered(RequestStep.class, true);
        List<String> unknown = disabled.stream()
                .filter(name -> all.stream().noneMatch(step -> step.bean().name().equals(name))).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("route.disabled-steps names no step: " + unknown + "; the steps are "
                    + all.stream().map(step -> step.bean().name()).toList());
        }
        List<Entry> described = new ArrayList<>();
        all.forEach(step -> described.add(new Entry("request", step.bean().name(), step.priority(), step.name(),
                !disabled.contains(step.bean().name()))));
        steps = all.stream().map(Ranked::bean).filter(step -> !disabled.contains(step.name()))
                .toArray(RequestStep[]::new);
        branchHooks = hooks(found.ordered(BranchHook.class, false), "branch", described);
        failureHooks = hooks(found.ordered(FailureHook.class, false), "failure", described);
        replyHooks = hooks(found.ordered(ReplyHook.class, false), "reply", described);
        errorHooks = hooks(found.ordered(ErrorHook.class, false), "error", described);
        localHooks = hooks(found.ordered(LocalHook.class, false), "local", described);
        List<StartupHook> startupHooks = hooks(found.ordered(StartupHook.class, false), "startup", described);
        List<TimerHook> timers = hooks(found.ordered(TimerHook.class, false), "timer", described);
        entries = List.copyOf(described);
        log.info("Route: {}", stepNames());
        if (scheduler == null) {
            return;
        }
        for (StartupHook hook : startupHooks) {
            try {
                hook.onStartup();
            } catch (RuntimeException e) {
                throw new IllegalStateException("startup hook " + name(hook) + " failed: " + e.getMessage(), e);
            }
        }
        for (TimerHook timer : timers) {
            scheduler.every(timer.name(), timer.interval(), timer::run);
        }
    }

    private static <T> List<T> hooks(List<Ranked<T>> ranked, String kind, List<Entry> described) {
        ranked.forEach(hook -> described.add(new Entry(kind, name(hook.bean()), hook.priority(), hook.name(), true)));
        return ranked.stream().map(Ranked::bean).toList();
    }

    /** Every step and hook, by kind and in order ({@code GET /api/route}). */
    public List<Entry> entries() {
        return entries;
    }

    /** The request route's steps, in order, by name. */
    public List<String> stepNames() {
        List<String> names = new ArrayList<>();
        for (RequestStep step : steps) {
            names.add(step.name());
        }
        return names;
    }

    /**
     * Runs the request route until a step decides. A route that ends without a decision relays, as the router's
     * last step does.
     *
     * @throws SipSyntaxException, DatabaseUnavailableException, InvalidDataException, DnsFailure from a step: the
     *         router answers them as it answers them everywhere (400, 500 with Retry-After, 503)
     */
    public Decision route(RequestContext context) {
        for (RequestStep step : steps) {
            Decision decision;
            try {
                decision = step.apply(context);
            } catch (SipSyntaxException | DatabaseUnavailableException | InvalidDataException | DnsFailure e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("{}: route step {} failed", context.request(), step.name(), e);
                return Decision.reply(500, "Server Internal Error (route step " + step.name() + " failed)");
            }
            if (decision != Decision.next()) {
                return decision;
            }
        }
        return Decision.relay();
    }

    /** Runs the branch hooks on a branch about to leave; false when one dropped it. */
    public boolean branch(BranchContext context) {
        for (BranchHook hook : branchHooks) {
            run(hook, () -> hook.onBranch(context));
            if (context.dropped()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a failure hook other than {@code own} (the router's serial forking) is deployed. */
    public boolean hasFailureHooksBesides(Class<?> own) {
        return failureHooks.stream().anyMatch(hook -> !own.isInstance(hook));
    }

    /** Whether any branch hook is deployed: without one, branches need no context. */
    public boolean hasBranchHooks() {
        return !branchHooks.isEmpty();
    }

    /**
     * Runs the failure hooks until one relays or replies; {@link Decision#next()} when none did. A transaction's
     * failure hooks run at most {@value #MAX_FAILURE_ROUNDS} times: hooks that keep relaying to branches that fail
     * (a voicemail that is busy too) cannot hold a transaction forever.
     */
    public Decision failure(FailureContext context) {
        if (context.transaction().nextFailureRound() >= MAX_FAILURE_ROUNDS) {
            log.warn("{}: failure hooks ran {} times for this transaction; the response goes upstream",
                    context.request(), MAX_FAILURE_ROUNDS);
            return Decision.next();
        }
        for (FailureHook hook : failureHooks) {
            Decision decision = decide(hook, () -> hook.onFailure(context));
            if (decision != Decision.next()) {
                return decision;
            }
        }
        return Decision.next();
    }

    /** Runs the reply hooks on a response. */
    public void reply(ReplyContext context) {
        for (ReplyHook hook : replyHooks) {
            run(hook, () -> hook.onReply(context));
            if (context.dropped()) {
                return;
            }
        }
    }

    public boolean hasReplyHooks() {
        return !replyHooks.isEmpty();
    }

    /** Runs the error hooks until one decides; {@link Decision#next()} for the router's own answer. */
    public Decision error(ErrorContext context) {
        for (ErrorHook hook : errorHooks) {
            Decision decision = decide(hook, () -> hook.onError(context));
            if (decision != Decision.next()) {
                return decision;
            }
        }
        return Decision.next();
    }

    /** Runs the local hooks on a request the router generates. */
    public void local(LocalRequestContext context) {
        for (LocalHook hook : localHooks) {
            run(hook, () -> hook.onLocalRequest(context));
        }
    }

    /** A hook that throws is logged with its name; the message goes on as if it had not run. */
    private static void run(Object hook, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("hook {} failed", name(hook), e);
        }
    }

    private static Decision decide(Object hook, java.util.function.Supplier<Decision> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.error("hook {} failed", name(hook), e);
            return Decision.next();
        }
    }

    /** A step's name, or a hook's class name (without the suffix of CDI's proxy class). */
    private static String name(Object hook) {
        if (hook instanceof RequestStep step) {
            return step.name();
        }
        String simple = hook.getClass().getSimpleName();
        int proxySuffix = simple.indexOf('$');
        return proxySuffix > 0 ? simple.substring(0, proxySuffix) : simple;
    }
}
