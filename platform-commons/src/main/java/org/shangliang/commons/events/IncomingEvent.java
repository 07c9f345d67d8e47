package org.shangliang.commons.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One event as a handler sees it: the CloudEvents attributes, where it came from, the service
 * that owns its stream ({@link #publisher()}, from the subscription, never from a header) and a
 * way to read its JSON payload into the consumer's own payload class, validated.
 */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String source;
    private final String subject;
    private final Instant time;
    private final String topic;
    private final int partition;
    private final long offset;
    private final byte[] payload;
    private final ObjectMapper json;
    private final Validator validator;
    private final String publisher;

    public IncomingEvent(String id, String type, String source, String subject, Instant time,
                         String topic, int partition, long offset, byte[] payload, ObjectMapper json,
                         Validator validator, String publisher) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.time = time;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.payload = payload;
        this.json = json;
        this.validator = validator;
        this.publisher = publisher;
    }

    /** @throws MalformedEventException when the record is not a CloudEvent we can apply */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> r, ObjectMapper json, Validator validator) {
        String id = header(r, CloudEventHeaders.ID);
        String type = header(r, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank()) throw new MalformedEventException("missing header " + CloudEventHeaders.ID);
        if (id.length() > 200) throw new MalformedEventException("header " + CloudEventHeaders.ID + " is longer than 200 characters");
        if (type == null || type.isBlank()) throw new MalformedEventException("missing header " + CloudEventHeaders.TYPE);
        if (r.value() == null) throw new MalformedEventException("event " + id + " has no payload");
        Instant time;
        try {
            String t = header(r, CloudEventHeaders.TIME);
            time = t == null ? Instant.ofEpochMilli(r.timestamp()) : Instant.parse(t);
        } catch (RuntimeException e) {
            throw new MalformedEventException("event " + id + " has an invalid " + CloudEventHeaders.TIME);
        }
        return new IncomingEvent(id, type, header(r, CloudEventHeaders.SOURCE), header(r, CloudEventHeaders.SUBJECT), time,
                r.topic(), r.partition(), r.offset(), r.value(), json, validator, null);
    }

    /** The same event, its stream's owner confirmed by the subscription. */
    IncomingEvent from(String owner) {
        return new IncomingEvent(id, type, source, subject, time, topic, partition, offset, payload, json, validator, owner);
    }

    /** A header's text, or null when absent. */
    public static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Reads and validates the payload (the constraints on the consumer's record: required fields,
     * nested elements). A payload that does not fit is a {@link MalformedEventException}: it is
     * dead-lettered at once instead of failing somewhere inside the handler on every retry.
     */
    public <T> T read(Class<T> type) {
        T value;
        try {
            value = json.readValue(payload, type);
        } catch (IOException e) {
            throw new MalformedEventException("event " + id + " (" + this.type + ") does not fit " + type.getSimpleName() + ": " + originalMessage(e));
        }
        if (value == null) throw new MalformedEventException("event " + id + " (" + this.type + ") has a null payload");
        if (validator != null) {
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                String why = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).distinct()
                        .sorted(Comparator.naturalOrder()).collect(Collectors.joining("; "));
                throw new MalformedEventException("event " + id + " (" + this.type + ") is invalid: " + why);
            }
        }
        return value;
    }

    private static String originalMessage(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    public String id() { return id; }
    public String type() { return type; }
    public String source() { return source; }
    public String subject() { return subject; }
    public Instant time() { return time; }
    public String topic() { return topic; }
    public int partition() { return partition; }
    public long offset() { return offset; }
    /** The service that owns the stream this event came on (e.g. {@code sessions-service}): the actor of what it changes. */
    public String publisher() { return publisher; }
    public String payloadText() { return new String(payload, StandardCharsets.UTF_8); }

    @Override
    public String toString() {
        return type + " " + id + " (" + topic + "/" + partition + "@" + offset + ")";
    }
}
