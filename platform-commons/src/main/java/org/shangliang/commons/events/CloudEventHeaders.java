package org.shangliang.commons.events;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as ce_ headers. */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";
    /** Extension: the division code the event concerns ({@link EventTerritory}); absent for county-wide data. */
    public static final String TERRITORY = "ce_territory";
    /** Extension: {@code true} when the event concerns what only its territory's staff see ({@link EventTerritory#internal}). */
    public static final String INTERNAL = "ce_internal";
    public static final String CONTENT_TYPE = "content-type";

    /** Dead-letter headers: where the event came from and why it was given up on. */
    public static final String DLT_TOPIC = "dlt_original_topic";
    public static final String DLT_PARTITION = "dlt_original_partition";
    public static final String DLT_OFFSET = "dlt_original_offset";
    public static final String DLT_REASON = "dlt_reason";
    public static final String DLT_ERROR = "dlt_error";
    public static final String DLT_ATTEMPTS = "dlt_attempts";
    public static final String DLT_CONSUMER = "dlt_consumer_group";

    private CloudEventHeaders() {
    }
}
