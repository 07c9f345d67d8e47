package org.shangliang.topics.messaging.out;

/** The directory's stream: a compacted Kafka topic ({@code <namespace>.directory}) keyed by entry, owned by topics-service. */
public final class DirectoryStream {

    public static final String NAME = "directory";

    private DirectoryStream() {
    }
}
