package org.shangliang.topics.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The events a webhook may subscribe to (可订阅事件): per stream, its one trusted publisher and the
 * types it carries, as in {@code contracts/}. The directory's reference data is not offered: it
 * belongs to no territory and integrations read it through the directory API.
 */
public final class WebhookCatalog {

    /** One stream: its CloudEvents source and types. */
    public record Stream(String name, String source, List<String> types) {
    }

    public static final List<Stream> STREAMS = List.of(
            new Stream("topics", "/shangliang/topics-service", List.of(
                    "TopicSubmitted", "TopicAccepted", "TopicRejected", "TopicWithdrawn", "TopicConverted", "TopicPlanned",
                    "TopicMerged", "TopicEscalated", "TopicEscalationAccepted", "TopicEscalationReturned")),
            new Stream("sessions", "/shangliang/sessions-service", List.of(
                    "SessionScheduled", "SessionRescheduled", "SessionPostponed", "SessionCancelled", "SessionStarted",
                    "SessionConcluded", "OutcomeRecorded", "OutcomeCorrected")),
            new Stream("followup", "/shangliang/followup-service", List.of(
                    "CaseOpened", "CaseSigned", "CaseReassigned", "CaseReturnRequested", "CaseExtended", "ProgressReported",
                    "CaseReplied", "ReplyApproved", "ReplySentBack", "CaseEvaluated", "CaseRedo", "CaseClosed", "CaseWithdrawn",
                    "CaseSupervised", "CaseReminded", "CaseDueSoon", "CaseOverdue")));

    /** Who proposed, co-signed, took part, recorded or supervised: what an integration does not see of people through the API either. */
    private static final Set<String> PEOPLE = Set.of("proposer", "coSigners", "participantSubjects", "recordedBy", "correctedBy", "supervisorName");
    /** Free text written on topics, outcomes and cases (notes, reasons, replies, progress): it may name people, as in open data. */
    private static final Set<String> FREE_TEXT = Set.of("note", "reason", "reply", "text");

    private static final Map<String, Stream> BY_TYPE = new LinkedHashMap<>();

    static {
        for (Stream s : STREAMS) for (String t : s.types()) BY_TYPE.put(t, s);
    }

    private WebhookCatalog() {
    }

    public static Set<String> types() {
        return new TreeSet<>(BY_TYPE.keySet());
    }

    public static boolean offers(String type) {
        return BY_TYPE.containsKey(type);
    }

    /**
     * The payload fields a delivery leaves out. A session's own notices (why it was postponed or
     * cancelled) are public announcements and stay.
     */
    public static Set<String> withheld(String type) {
        if (type.startsWith("Session")) return PEOPLE;
        Set<String> both = new java.util.HashSet<>(PEOPLE);
        both.addAll(FREE_TEXT);
        return both;
    }

    public static Optional<Stream> stream(String name) {
        return STREAMS.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
