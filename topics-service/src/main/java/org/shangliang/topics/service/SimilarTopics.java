package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.TopicViews.SimilarTopicView;
import org.shangliang.topics.config.TopicsConfig;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicAccess;
import org.shangliang.topics.domain.TopicRepository;
import org.shangliang.topics.domain.TopicRepository.Scored;
import org.shangliang.topics.domain.TopicStatus;

/**
 * 查重: topics like a new one, in its territory's subtree, within a window of time, best first — shown at submission and while the proposer types, so that a
 * villager can support the topic that exists rather than file it again. Only topics the caller may
 * see are shown.
 */
@ApplicationScoped
public class SimilarTopics {

    /** Topics still in play; drafts, withdrawn, merged-away and closed ones are not offered. */
    static final List<TopicStatus> LOOKED_AT = List.of(TopicStatus.SUBMITTED, TopicStatus.ESCALATED, TopicStatus.ACCEPTED,
            TopicStatus.SCHEDULED, TopicStatus.DELIBERATED, TopicStatus.IN_FOLLOW_UP, TopicStatus.CONCLUDED);

    @Inject TopicRepository topics;
    @Inject TopicsConfig config;

    /** @param except a topic to leave out (the one just submitted), or null */
    public List<SimilarTopicView> like(String title, String territory, Caller caller, UUID except) {
        TopicsConfig.Duplicates d = config.duplicates();
        // A few more than shown: some may be hidden from this caller.
        List<Scored> scored = topics.similar(title, territory, LOOKED_AT, Instant.now().minus(Duration.ofDays(d.windowDays())),
                d.minScore(), d.max() * 4, except);
        // Loaded a few at a time, best first: usually the first few are all visible.
        List<SimilarTopicView> shown = new java.util.ArrayList<>();
        for (int from = 0; from < scored.size() && shown.size() < d.max(); from += d.max()) {
            List<Scored> chunk = scored.subList(from, Math.min(from + d.max(), scored.size()));
            List<Topic> loaded = topics.readOnly(chunk.stream().map(Scored::id).toList());
            for (int i = 0; i < chunk.size(); i++) {
                Scored s = chunk.get(i);
                Topic t = loaded.get(i);
                if (t != null && TopicAccess.canSee(t, caller) && shown.size() < d.max()) shown.add(SimilarTopicView.of(t, s.score()));
            }
        }
        return shown;
    }
}
