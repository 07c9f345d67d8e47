package org.shangliang.commons.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Traces across Kafka (跨服务追踪): the W3C trace context of the transaction that writes an outbox
 * row is stored with the row; the relay publishes the row under a producer span that continues that
 * trace and writes the producer span's context into the record as the CloudEvents
 * distributed-tracing extension ({@code ce_traceparent}, {@code ce_tracestate} in binary mode); the
 * consumer applies the record under a consumer span that continues it again, so the outbox rows the
 * handler writes carry the same trace on to the next service.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The CloudEvents distributed-tracing extension's attributes as Kafka headers (binary mode). */
    public static final String CE_TRACEPARENT = "ce_traceparent";
    public static final String CE_TRACESTATE = "ce_tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    @Inject OpenTelemetry otel;
    /** With the SDK off no span is made at all (it would still be recorded in memory, then dropped). */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean disabled;

    private volatile Tracer tracer;

    private Tracer tracer() {
        Tracer t = tracer;
        if (t == null) tracer = t = otel.getTracer("org.shangliang.events");
        return t;
    }

    /** The current trace context as W3C fields (traceparent, tracestate); empty when there is no sampled-or-not trace. */
    public Map<String, String> current() {
        if (disabled) return Map.of();
        Map<String, String> fields = new HashMap<>(2);
        W3C.inject(Context.current(), fields, Map::put);
        return fields;
    }

    /**
     * Starts the span of one outbox row's publication, continuing the trace stored with the row (none
     * stored: a span of its own), and writes its context into the record.
     */
    public Span publishing(ProducerRecord<String, byte[]> record, String traceparent, String tracestate, String eventType, String eventId) {
        if (disabled) return Span.getInvalid();
        Map<String, String> stored = new HashMap<>(2);
        if (traceparent != null) stored.put(TRACEPARENT, traceparent);
        if (tracestate != null) stored.put(TRACESTATE, tracestate);
        Context parent = W3C.extract(Context.root(), stored, MAP);
        Span span = tracer().spanBuilder(record.topic() + " publish").setSpanKind(SpanKind.PRODUCER).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.key", record.key() == null ? "" : record.key())
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
        Map<String, String> out = new HashMap<>(2);
        W3C.inject(parent.with(span), out, Map::put);
        if (out.containsKey(TRACEPARENT)) record.headers().add(CE_TRACEPARENT, out.get(TRACEPARENT).getBytes(StandardCharsets.UTF_8));
        if (out.containsKey(TRACESTATE)) record.headers().add(CE_TRACESTATE, out.get(TRACESTATE).getBytes(StandardCharsets.UTF_8));
        return span;
    }

    /** Starts the span of applying one record, continuing the trace in its headers (none: a span of its own). */
    public Span consuming(ConsumerRecord<String, byte[]> record, String group) {
        if (disabled) return Span.getInvalid();
        Context parent = W3C.extract(Context.root(), record, RECORD);
        return tracer().spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", group)
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("cloudevents.event_id", header(record, CloudEventHeaders.ID))
                .setAttribute("cloudevents.event_type", header(record, CloudEventHeaders.TYPE))
                .startSpan();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** Reads traceparent/tracestate from the CloudEvents headers, or from plain W3C headers a foreign producer may have set. */
    private static final TextMapGetter<ConsumerRecord<String, byte[]>> RECORD = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, byte[]> carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(ConsumerRecord<String, byte[]> carrier, String key) {
            if (carrier == null) return null;
            Header h = carrier.headers().lastHeader("ce_" + key);
            if (h == null) h = carrier.headers().lastHeader(key);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };
}
