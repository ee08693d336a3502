package io.boardclerk.bot.metrics;

import io.boardclerk.bot.reminders.ReminderOutcomes;
import io.boardclerk.graph.GraphCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** BoardClerk's metrics in a Micrometer registry, scraped in Prometheus' text format. */
public final class PrometheusMetrics implements BotMetrics, AutoCloseable {

    /** Activity types Teams sends; any other is counted as {@code other}, so a sender cannot invent label values. */
    private static final Set<String> TYPES = Set.of("message", "invoke", "conversationUpdate", "event",
            "installationUpdate", "messageReaction", "typing");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> turns = new ConcurrentHashMap<>();
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    private final Map<ReminderOutcomes.Outcome, Counter> reminders = new EnumMap<>(ReminderOutcomes.Outcome.class);
    private final Map<GraphCalls.Outcome, Counter> graph = new EnumMap<>(GraphCalls.Outcome.class);

    public PrometheusMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (Refusal why : Refusal.values()) {
            refusals.put(why, Counter.builder("boardclerk.refusals").description("Activities and requests refused")
                    .tag("reason", label(why)).register(registry));
        }
        for (ReminderOutcomes.Outcome outcome : ReminderOutcomes.Outcome.values()) {
            reminders.put(outcome, Counter.builder("boardclerk.reminder.deliveries")
                    .description("Reminder deliveries handled by the sweep, by the state each was left in")
                    .tag("state", label(outcome)).register(registry));
        }
        for (GraphCalls.Outcome outcome : GraphCalls.Outcome.values()) {
            graph.put(outcome, Counter.builder("boardclerk.graph.requests")
                    .description("Requests to Microsoft Graph, each try counted, by how they ended")
                    .tag("outcome", label(outcome)).register(registry));
        }
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void turn(String activityType, TurnOutcome outcome, long nanos) {
        String type = activityType != null && TYPES.contains(activityType) ? activityType : "other";
        String key = type + "/" + outcome;
        turns.computeIfAbsent(key, k -> Timer.builder("boardclerk.turns")
                .description("Bot Framework activities at /api/messages, arrival to answer, by type and outcome")
                .tag("type", type).tag("outcome", label(outcome))
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void refused(Refusal why) {
        refusals.get(why).increment();
    }

    @Override
    public void delivered(ReminderOutcomes.Outcome outcome, int count) {
        reminders.get(outcome).increment(count);
    }

    @Override
    public void ended(GraphCalls.Outcome outcome) {
        graph.get(outcome).increment();
    }

    @Override
    public void queue(String name, LongSupplier depth) {
        Gauge.builder("boardclerk.queue.depth", depth, d -> d.getAsLong())
                .description("Work waiting in the database; -1 when it could not be read").tag("queue", name)
                // A gauge holds its source weakly by default: the lambda would be collected, and the gauge NaN.
                .strongReference(true).register(registry);
    }

    /** Everything counted, in Prometheus' text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    public void close() {
        registry.close();
    }
}
