package org.shangliang.topics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.security.Territories;
import org.shangliang.commons.testing.JwtTestResource;

/**
 * A territory list is read from the index of its level, in list order, whatever the size of the
 * territory — also under the generic plan a prepared statement gets after a few executions. The
 * rows are made inside a transaction that is rolled back, so no other test sees them.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class TopicListPlanTest {

    @Inject EntityManager em;
    @Inject UserTransaction tx;

    @Test
    void a_territory_of_any_size_is_listed_from_its_level_index_under_a_generic_plan() throws Exception {
        tx.begin();
        try {
            // 30,000 topics in 20 streets of 20 villages each; one village with 3 rows, one with none.
            em.createNativeQuery("""
                    insert into topic (id, number, title, description, territory_code, level, channel, status, version,
                                       created_at, updated_at, proposer)
                    select gen_random_uuid(), 'PLAN-' || n, 't', 'd',
                           case when n % 10000 = 0 then '339999021001'
                                else '339999' || lpad((1 + n % 20)::text, 3, '0') || lpad((1 + (n / 20) % 20)::text, 3, '0') end,
                           'VILLAGE', 'RESIDENT', 'ACCEPTED', 0, timestamptz '2020-01-01' + n * interval '1 minute',
                           timestamptz '2020-01-01', 'plan-test'
                    from generate_series(1, 30000) n""").executeUpdate();
            em.createNativeQuery("analyze topic").executeUpdate();
            // The generic plan is the one a prepared statement settles on after five executions.
            em.createNativeQuery("set local plan_cache_mode = force_generic_plan").executeUpdate();
            for (String code : List.of("339999", "339999001", "339999001007", "339999021001", "339999021002", "339999021002001")) {
                String name = "plan_" + code.length();
                em.createNativeQuery("prepare " + name + "(text) as select id from topic where "
                        + Territories.within("territory_code", "p", code).replace(":p", "$1") + " order by created_at desc, id desc limit 21").executeUpdate();
                @SuppressWarnings("unchecked")
                List<String> lines = em.createNativeQuery("explain execute " + name + "('" + code + "')").getResultList();
                String plan = String.join("\n", lines);
                em.createNativeQuery("deallocate " + name).executeUpdate();
                String index = code.length() == 15 ? "topic_territory15_page" : "topic_territory" + code.length() + "_page";
                // A county is most of the table: walking the page index itself is as good.
                boolean fromIndex = plan.contains(index) || (code.length() == 6 && plan.contains("topic_page"));
                assertTrue(fromIndex && !plan.contains("Sort") && plan.contains("$1"),
                        "territory " + code + " should be read in order from " + index + " under a generic plan:\n" + plan);
            }
            // 最多附议 in a village: from the village's own support index, never the county's with a filter.
            // Sorted lists run planned for their values (TopicRepository.planForTheseValues).
            em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
            em.createNativeQuery("update topic set support_count = (abs(hashtext(id::text)) % 50) where number like 'PLAN-%'").executeUpdate();
            em.createNativeQuery("analyze topic").executeUpdate();
            for (String code : List.of("339999001007", "339999021001")) {
                @SuppressWarnings("unchecked")
                List<String> lines = em.createNativeQuery("explain select id from topic where "
                        + Territories.within("territory_code", "p", code).replace(":p", "'" + code + "'")
                        + " order by support_count desc, created_at desc, id desc limit 21").getResultList();
                String plan = String.join("\n", lines);
                assertTrue(plan.contains("topic_territory12_supported") && !plan.contains("Sort"),
                        "village " + code + " sorted by supports should be read in order from topic_territory12_supported:\n" + plan);
            }
        } finally {
            tx.rollback();
        }
    }
}
