package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;
import org.shangliang.commons.http.RankedCursor;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Territories;
import java.util.Map;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, UUID> {

    /** A topic the caller may see. One they may not see does not exist for them: 404, not 403. */
    public Topic visible(UUID id, Caller caller) {
        return findByIdOptional(id).filter(t -> TopicAccess.canSee(t, caller)).orElseThrow(() -> notFound(id));
    }

    /** {@link #visible}, its row locked until the transaction ends: for changes beside the topic that must not interleave. */
    public Topic visibleForUpdate(UUID id, Caller caller) {
        return findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).filter(t -> TopicAccess.canSee(t, caller))
                .orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound(Text.of("没有编号为 " + id + " 的议题", "No topic with id " + id));
    }

    /**
     * 开放数据: the public topics (accepted, and every status after) submitted in {@code year}
     * (China time) in the subtree of {@code territory} (the county when null), by number.
     */
    public List<Topic> published(int year, String territory) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        List<TopicStatus> open = java.util.Arrays.stream(TopicStatus.values())
                .filter(s -> s != TopicStatus.DRAFT && !TopicStatus.PRIVATE.contains(s)).toList();
        Map<String, Object> params = new java.util.HashMap<>(Map.of("open", open,
                "from", java.time.LocalDate.of(year, 1, 1).atStartOfDay(china).toInstant(),
                "to", java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(china).toInstant()));
        String query = "status in :open and createdAt >= :from and createdAt < :to";
        if (territory != null) {
            query += " and " + Territories.within("territoryCode", "territory", territory);
            params.put("territory", Territories.subtreeKey(territory));
        }
        return find(query, Sort.ascending("number"), params).list();
    }

    /**
     * One page of the topics the caller may see, narrowed by {@code filter}, after {@code cursor}
     * (a {@link Cursor} for newest first, a {@link RankedCursor} for most supported first); fetches
     * one more than {@code limit} to tell whether a next page exists.
     */
    public List<Topic> page(Caller caller, TopicFilter filter, Object cursor, int limit) {
        TopicStatus status = filter.status();
        KeysetQuery q = new KeysetQuery().eq("status", status).within("territoryCode", filter.territory()).eq("level", filter.level())
                .eq("channel", filter.channel()).eq("proposer", filter.proposer())
                .where(visibleTo(caller, status), visibilityParams(caller, status));
        // Both functions are plain SQL that PostgreSQL inlines, so the GIN indexes serve them (V11__search.sql).
        if (filter.text() != null) q.where("function('topic_matches', searchGrams, :text) = true", Map.of("text", filter.text()));
        if (filter.theme() != null) q.where("function('topic_has_theme', themes, :theme) = true", Map.of("theme", filter.theme()));
        if (filter.year() != null) {
            java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
            q.where("createdAt >= :yearFrom and createdAt < :yearTo", Map.of(
                    "yearFrom", java.time.LocalDate.of(filter.year(), 1, 1).atStartOfDay(china).toInstant(),
                    "yearTo", java.time.LocalDate.of(filter.year() + 1, 1, 1).atStartOfDay(china).toInstant()));
        }
        if (filter.flagged() != null) q.where(filter.flagged() ? "flaggedAt is not null" : "flaggedAt is null", Map.of());
        if (filter.sort() == TopicFilter.Sort.MOST_SUPPORTED) {
            q.after((RankedCursor) cursor, "supportCount", "createdAt", "id");
            return find(q.query(), Sort.descending("supportCount", "createdAt", "id"), q.params()).range(0, limit).list();
        }
        q.after((Cursor) cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /** How long the planner's first choice for a search may run before the GIN plan is tried instead. */
    public static final int FIRST_TRY_MS = 100;

    /**
     * Settings for this transaction's search or re-sorted list. Always planned for its own values,
     * never from a generic plan: how rare a searched bigram is, or how small a territory sorted by
     * supports, decides between two very different plans (a generic plan walked a million rows for
     * a rare word). Inside a village or grid the territory's own index, walked in list order, finds
     * a page sooner than decoding a common bigram's GIN entries, so bitmaps are left out there.
     * The first try is cut short at {@link #FIRST_TRY_MS}: filters that rule each other out (a word
     * never used in a status) make the planner walk the whole list; the second try
     * ({@code fallback}) then takes the matches from the indexes and sorts them.
     */
    public void planForTheseValues(TopicFilter filter, boolean fallback) {
        StringBuilder sql = new StringBuilder("select set_config('plan_cache_mode', 'force_custom_plan', true)");
        if (fallback) {
            sql.append(", set_config('enable_indexscan', 'off', true)");
        } else {
            sql.append(", set_config('statement_timeout', '").append(FIRST_TRY_MS).append("ms', true)");
            if (filter.text() != null && filter.territory() != null && filter.territory().length() >= 12) {
                sql.append(", set_config('enable_bitmapscan', 'off', true)");
            }
        }
        getEntityManager().createNativeQuery(sql.toString()).getSingleResult();
    }

    /** How many of a subtree's newest topics the similarity check reads at most. */
    static final int SIMILAR_CANDIDATES = 500;

    /**
     * 查重: topics whose titles share character bigrams with {@code title}, scored by the Dice
     * coefficient of the two titles' bigrams (1: the same bigrams), best first. Looked for among
     * the newest {@value #SIMILAR_CANDIDATES} topics of {@code territory}'s subtree submitted since
     * {@code since}, in the statuses given: a village's whole year, a county's last weeks, and the
     * same bounded cost for both (it runs on every submission). PostgreSQL picks the candidates
     * (one index range and an array overlap); the scores are counted here, where a set
     * intersection costs microseconds rather than a subquery per row.
     *
     * @return (topic id, score) pairs with a score of at least {@code minScore}, best first, at most {@code max}
     */
    public List<Scored> similar(String title, String territory, List<TopicStatus> statuses, java.time.Instant since,
                                double minScore, int max, UUID except) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select id, grams from similar_candidates(:subtree, string_to_array(:statuses, ','), :since, :except, :title, :n)")
                .setParameter("subtree", Territories.subtreeKey(territory))
                .setParameter("statuses", String.join(",", statuses.stream().map(Enum::name).toList()))
                .setParameter("since", since).setParameter("except", except == null ? new UUID(0, 0) : except)
                .setParameter("title", title).setParameter("n", SIMILAR_CANDIDATES).getResultList();
        // The first row is the new title's own bigrams (see V15).
        long[] wanted = grams((String) rows.get(0)[1]);
        List<Scored> scored = new java.util.ArrayList<>();
        for (Object[] r : rows.subList(1, rows.size())) {
            double score = dice(grams((String) r[1]), wanted);
            if (score >= minScore) scored.add(new Scored((UUID) r[0], score));
        }
        // Stable: equal scores keep the newest first.
        scored.sort(java.util.Comparator.comparingDouble(Scored::score).reversed());
        return scored.size() > max ? scored.subList(0, max) : scored;
    }

    /** 2·|A∩B| / (|A|+|B|) of two sorted, distinct bigram keys: 1 for the same bigrams, 0 for none in common. */
    static double dice(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) return 0;
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    /**
     * A title's bigrams ({@code topic_grams}, distinct, separated by spaces) as sorted numbers, each
     * the code points of its two characters: scoring 500 candidates then makes no string or set per
     * bigram (a set per candidate was an eighth of a create's CPU).
     */
    static long[] grams(String spaced) {
        if (spaced.isEmpty()) return new long[0];
        long[] keys = new long[spaced.length()];
        int n = 0;
        for (int i = 0; i < spaced.length(); i++) { // i: the space after a bigram
            long key = 0;
            while (i < spaced.length() && spaced.charAt(i) != ' ') {
                int cp = spaced.codePointAt(i);
                key = key << 21 | cp;
                i += Character.charCount(cp);
            }
            keys[n++] = key;
        }
        keys = java.util.Arrays.copyOf(keys, n);
        java.util.Arrays.sort(keys);
        return keys;
    }

    /**
     * The topics of {@code ids}, in that order (null where one is gone), to be shown and never
     * changed: one statement for the lot through Hibernate's multi-load, whose plan is made once
     * (a query with an {@code in} list was planned anew on every create, 15 % of its CPU), and
     * read-only, so no snapshot is kept to check at commit.
     */
    public List<Topic> readOnly(List<UUID> ids) {
        return getEntityManager().unwrap(org.hibernate.Session.class).findMultiple(Topic.class, ids, org.hibernate.ReadOnlyMode.READ_ONLY);
    }

    /** A topic id with its similarity score. */
    public record Scored(UUID id, double score) {
    }

    /**
     * 附议达标: flags the topic once its supports reached the threshold, ahead of every unflagged
     * topic in the screening queue. In SQL beside the support count it follows, so the loaded entity
     * never writes a stale count back. @return true for the support that flagged it
     */
    public boolean flag(UUID topicId, java.time.Instant at) {
        return getEntityManager().createNativeQuery("update topic set flagged_at = ?2, queue_at = ?3 where id = ?1 and flagged_at is null")
                .setParameter(1, topicId).setParameter(2, at).setParameter(3, at.minus(java.time.Duration.ofDays(36_500)))
                .executeUpdate() == 1;
    }

    /**
     * 合并: the merged topic's supporters, and its proposer, support the survivor from now on; a
     * person who supported both counts once (the key), and the survivor's count is recounted, not
     * added to. @return the survivor's supports
     */
    public int carrySupporters(UUID merged, UUID survivor, String mergedProposer, String survivorProposer) {
        var em = getEntityManager();
        em.createNativeQuery("insert into topic_support (topic_id, supporter, created_at) select ?2, supporter, created_at from topic_support "
                        + "where topic_id = ?1 and supporter <> ?3 on conflict do nothing")
                .setParameter(1, merged).setParameter(2, survivor).setParameter(3, survivorProposer).executeUpdate();
        if (!mergedProposer.equals(survivorProposer)) {
            em.createNativeQuery("insert into topic_support (topic_id, supporter, created_at) values (?1, ?2, now()) on conflict do nothing")
                    .setParameter(1, survivor).setParameter(2, mergedProposer).executeUpdate();
        }
        return ((Number) em.createNativeQuery("update topic set support_count = (select count(*) from topic_support where topic_id = ?1) "
                + "where id = ?1 returning support_count").setParameter(1, survivor).getSingleResult()).intValue();
    }

    /** SUBMITTED topics inside the territory: flagged first (in the order flagged), then the oldest. */
    public List<Topic> screeningQueue(String territory, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("status", TopicStatus.SUBMITTED).within("territoryCode", territory)
                .afterAscending(cursor, "queueAt", "id");
        return find(q.query(), Sort.ascending("queueAt", "id"), q.params()).range(0, limit).list();
    }

    /** Notes that a session holds the topic (idempotent); @return false when it already did */
    public boolean onSession(UUID topicId, UUID sessionId) {
        return getEntityManager().createNativeQuery("insert into topic_schedule (topic_id, session_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, topicId).setParameter(2, sessionId).executeUpdate() == 1;
    }

    /** The topics a session holds, as this service has been told. */
    @SuppressWarnings("unchecked")
    public List<UUID> onSession(UUID sessionId) {
        return getEntityManager().createNativeQuery("select topic_id from topic_schedule where session_id = ?1", UUID.class)
                .setParameter(1, sessionId).getResultList();
    }

    /** Notes that a session no longer holds the topic; @return how many sessions still do */
    public int offSession(UUID topicId, UUID sessionId) {
        getEntityManager().createNativeQuery("delete from topic_schedule where topic_id = ?1 and session_id = ?2")
                .setParameter(1, topicId).setParameter(2, sessionId).executeUpdate();
        return ((Number) getEntityManager().createNativeQuery("select count(*) from topic_schedule where topic_id = ?1")
                .setParameter(1, topicId).getSingleResult()).intValue();
    }

    private static final List<TopicStatus> PRIVATE = TopicStatus.PRIVATE;

    /**
     * The list form of {@link TopicAccess#canSee}, simplified by the status filter: for a public
     * status it always holds, for a private one its "public" branch never does. Left in, that branch
     * kept PostgreSQL from answering "my village's SUBMITTED topics" from the proposer and territory
     * indexes: it walked every SUBMITTED topic of the county (1.7 s at a million topics). Drafts are
     * listed only when asked for (status=DRAFT), and then only the caller's own.
     */
    private static String visibleTo(Caller c, TopicStatus status) {
        String authored = "proposer = :me or filedBy = :me";
        if (status == TopicStatus.DRAFT) return authored;
        if (TopicAccess.townshipSystemOnly(c)) {
            String scope = Territories.within("territoryCode", "scope", c.territory());
            return status != null ? scope : "status <> :draft and " + scope;
        }
        if (status != null && !PRIVATE.contains(status)) return "1 = 1";
        List<String> own = new java.util.ArrayList<>(List.of(authored));
        if (TopicAccess.territorialReader(c)) own.add(Territories.within("territoryCode", "scope", c.territory()));
        if (residentRule(c, status)) own.add(status == null ? "(status = :submitted and territoryCode in :above)" : "territoryCode in :above");
        String ownExpr = String.join(" or ", own);
        return status != null ? ownExpr : "status <> :draft and (status not in :private or " + ownExpr + ")";
    }

    /** Residents and members see SUBMITTED topics of the territories above their own (TopicAccess.livesUnder). */
    private static boolean residentRule(Caller c, TopicStatus status) {
        return c.isAny(org.shangliang.commons.security.Roles.RESIDENT, org.shangliang.commons.security.Roles.MEMBER)
                && Territories.isDivisionCode(c.territory()) && (status == null || status == TopicStatus.SUBMITTED);
    }

    private static Map<String, Object> visibilityParams(Caller c, TopicStatus status) {
        // A caller without a territory claim covers nothing: the key matches no code.
        String scope = Territories.subtreeKey(c.territory());
        Map<String, Object> p = new java.util.HashMap<>();
        if (status == TopicStatus.DRAFT) {
            p.put("me", c.subject());
            return p;
        }
        if (status == null) p.put("draft", TopicStatus.DRAFT);
        if (TopicAccess.townshipSystemOnly(c)) {
            p.put("scope", scope);
            return p;
        }
        if (status != null && !PRIVATE.contains(status)) return Map.of();
        p.put("me", c.subject());
        if (status == null) p.put("private", PRIVATE);
        if (TopicAccess.territorialReader(c)) p.put("scope", scope);
        if (residentRule(c, status)) {
            p.put("above", prefixes(c.territory()));
            if (status == null) p.put("submitted", TopicStatus.SUBMITTED);
        }
        return p;
    }

    /** The codes of a territory and of every territory above it: 330421003201 → 330421, 330421003, 330421003201. */
    static List<String> prefixes(String code) {
        List<String> codes = new java.util.ArrayList<>();
        for (int n = 6; n <= code.length(); n += 3) codes.add(code.substring(0, n));
        return codes;
    }
}
