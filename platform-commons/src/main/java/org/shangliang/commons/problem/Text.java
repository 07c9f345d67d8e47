package org.shangliang.commons.problem;

import java.util.List;
import java.util.Locale;

/**
 * A message in both languages the API speaks: zh-CN by default, English on request.
 */
public record Text(String zh, String en) {

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    public String in(Locale locale) {
        return isEnglish(locale) ? en : zh;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The first acceptable language that we speak; zh-CN when none is named. */
    public static Locale pick(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if ("en".equals(l.getLanguage())) return Locale.ENGLISH;
                if ("zh".equals(l.getLanguage())) return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
