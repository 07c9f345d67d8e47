package org.shangliang.topics.messaging.in;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.shangliang.commons.events.CloudEventHeaders;
import org.shangliang.commons.events.EventsConfig;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.events.KafkaClients;
import org.shangliang.topics.config.WebhooksConfig;
import org.shangliang.topics.domain.WebhookCatalog;
import org.shangliang.topics.messaging.in.WebhookFanout.FeedEvent;
import org.shangliang.topics.messaging.out.WebhookDispatcher;

/**
 * The transport of the webhook fan-out: reads the three services' streams as a group of its own
 * (so a webhook backlog never holds up the service's own consumer), takes the events each
 * stream's publisher may send, hands a batch to {@link WebhookFanout} and commits the offsets
 * after it. Events of other types (the directory's, unknown ones) are passed over.
 */
@ApplicationScoped
public class WebhookFeed {

    private static final Logger LOG = Logger.getLogger(WebhookFeed.class);

    @Inject EventsConfig events;
    @Inject KafkaClients clients;
    @Inject WebhooksConfig config;
    @Inject WebhookFanout fanout;
    @Inject WebhookDispatcher dispatcher;

    private volatile boolean running;
    private Thread thread;

    void onStart(@Observes StartupEvent ignored) {
        if (!config.enabled()) return;
        running = true;
        thread = new Thread(this::run, "webhook-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent ignored) {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Properties properties() {
        Properties p = clients.consumer(events.namespace() + "." + events.group() + "-webhooks", events.group() + "-webhooks", null);
        // A new group reads the streams from their start: what came before a subscription is filtered out by time.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The pattern takes a stream whose topic appears after start (its service started later) within 30 s.
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return p;
    }

    private void run() {
        Map<String, WebhookCatalog.Stream> byTopic = new HashMap<>();
        WebhookCatalog.STREAMS.forEach(s -> byTopic.put(events.topic(s.name()), s));
        Pattern topics = Pattern.compile(byTopic.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|")));
        while (running) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties())) {
                consumer.subscribe(topics);
                LOG.infof("webhook feed reading %s", byTopic.keySet());
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) continue;
                    List<FeedEvent> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, byte[]> r : records) {
                        FeedEvent e = event(r, byTopic.get(r.topic()));
                        if (e != null) batch.add(e);
                    }
                    try {
                        if (!batch.isEmpty() && fanout.apply(batch) > 0) dispatcher.wake();
                        consumer.commitSync();
                    } catch (RuntimeException e) {
                        // Nothing of the batch was committed: read it again from its first offsets after a pause.
                        LOG.warnf("webhook fan-out failed, retrying the batch: %s", e.toString());
                        for (TopicPartition tp : records.partitions()) consumer.seek(tp, records.records(tp).get(0).offset());
                        pause(2_000);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("webhook feed stopped (%s); starting again", e.toString());
                pause(5_000);
            }
        }
    }

    /** The event, or null when it is not one a webhook may carry (wrong publisher, type not offered, malformed). */
    static FeedEvent event(ConsumerRecord<String, byte[]> r, WebhookCatalog.Stream stream) {
        String id = IncomingEvent.header(r, CloudEventHeaders.ID);
        String type = IncomingEvent.header(r, CloudEventHeaders.TYPE);
        String source = IncomingEvent.header(r, CloudEventHeaders.SOURCE);
        if (stream == null || id == null || type == null || r.value() == null) return null;
        if (!stream.types().contains(type) || !stream.source().equals(source)) return null;
        Instant time;
        try {
            String t = IncomingEvent.header(r, CloudEventHeaders.TIME);
            time = t == null ? Instant.ofEpochMilli(r.timestamp()) : Instant.parse(t);
        } catch (RuntimeException e) {
            return null;
        }
        return new FeedEvent(id, type, source, IncomingEvent.header(r, CloudEventHeaders.SUBJECT), time, IncomingEvent.header(r, CloudEventHeaders.TERRITORY),
                "true".equals(IncomingEvent.header(r, CloudEventHeaders.INTERNAL)), r.value());
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
