package org.shangliang.topics.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The 查重 score on bigram keys: the same figures the string sets gave. */
class BigramScoreTest {

    @Test
    void keysAreSortedAndOnePerBigram() {
        long[] keys = TopicRepository.grams("确权 土地 地确");
        assertEquals(3, keys.length);
        for (int i = 1; i < keys.length; i++) assertEquals(true, keys[i - 1] < keys[i]);
        assertArrayEquals(new long[0], TopicRepository.grams(""));
        // A character outside the basic plane (two Java chars) is one code point of the bigram.
        assertEquals(2, TopicRepository.grams("𠀋村 村𠀋").length);
        assertEquals(false, TopicRepository.grams("𠀋村")[0] == TopicRepository.grams("村𠀋")[0]);
    }

    @Test
    void diceCountsTheBigramsInCommon() {
        // 土地确权协商 and 第三轮土地确权 (topic_grams of each): 土地, 地确, 确权 in common.
        long[] a = TopicRepository.grams("协商 土地 地确 权协 确权");
        long[] b = TopicRepository.grams("三轮 土地 地确 确权 第三 轮土");
        assertEquals(2.0 * 3 / (5 + 6), TopicRepository.dice(a, b), 1e-9);
        assertEquals(1.0, TopicRepository.dice(a, a), 1e-9);
        assertEquals(0.0, TopicRepository.dice(a, TopicRepository.grams("蜜梨 销售")), 1e-9);
        assertEquals(0.0, TopicRepository.dice(new long[0], new long[0]), 1e-9);
    }
}
