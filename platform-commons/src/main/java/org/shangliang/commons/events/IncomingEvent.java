package org.shangliang.commons.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One event as a handler sees it: the CloudEvents attributes, where it came from, and a way to
 * read its JSON payload into the consumer's own payload class.
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

    public IncomingEvent(String id, String type, String source, String subject, Instant time,
                         String topic, int partition, long offset, byte[] payload, ObjectMapper json) {
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
    }

    /** @throws MalformedEventException when the record is not a CloudEvent we can apply */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> r, ObjectMapper json) {
        String id = header(r, CloudEventHeaders.ID);
        String type = header(r, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank()) throw new MalformedEventException("missing header " + CloudEventHeaders.ID);
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
                r.topic(), r.partition(), r.offset(), r.value(), json);
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Reads the payload; a payload that does not fit is a {@link MalformedEventException}. */
    public <T> T read(Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (IOException e) {
            throw new MalformedEventException("event " + id + " (" + this.type + ") does not fit " + type.getSimpleName() + ": " + originalMessage(e));
        }
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
    public String payloadText() { return new String(payload, StandardCharsets.UTF_8); }

    @Override
    public String toString() {
        return type + " " + id + " (" + topic + "/" + partition + "@" + offset + ")";
    }
}
