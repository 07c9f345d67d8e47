package org.shangliang.topics.domain;

/**
 * What a list of topics is narrowed to and how it is ordered; a null field does not narrow.
 *
 * @param text      words to find (中文检索): every character bigram of it must be in the title or description
 * @param year      the year the topic was submitted in, in China's time
 * @param proposer  the proposer's token subject
 * @param flagged   only topics whose supports reached the threshold (true) or not yet (false)
 */
public record TopicFilter(TopicStatus status, String territory, Level level, String text, String theme, Channel channel,
                          Integer year, String proposer, Boolean flagged, Sort sort) {

    /** How a list is ordered. */
    public enum Sort {
        /** Newest first. */
        NEWEST,
        /** Most supports (附议) first, ties newest first. */
        MOST_SUPPORTED
    }

    public static TopicFilter of(TopicStatus status, String territory, Level level) {
        return new TopicFilter(status, territory, level, null, null, null, null, null, null, Sort.NEWEST);
    }
}
