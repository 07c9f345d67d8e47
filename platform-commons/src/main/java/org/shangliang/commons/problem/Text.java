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

    /**
     * The language of an {@code Accept-Language} header, read leniently: the first tag we speak
     * (q-values are honoured when they parse, ignored when they do not); zh-CN for anything else,
     * including a malformed header — an error answer must never fail on how it is to be worded.
     */
    public static Locale pick(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Locale.SIMPLIFIED_CHINESE;
        Locale best = null;
        double bestQ = -1;
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.split(";");
            if (pieces.length == 0) continue;
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 1;
                    }
                    if (Double.isNaN(q) || q < 0 || q > 1) q = 1;
                }
            }
            Locale l = tag.equals("en") || tag.startsWith("en-") ? Locale.ENGLISH
                    : tag.equals("zh") || tag.startsWith("zh-") ? Locale.SIMPLIFIED_CHINESE : null;
            if (l != null && q > 0 && q > bestQ) {
                best = l;
                bestQ = q;
            }
        }
        return best == null ? Locale.SIMPLIFIED_CHINESE : best;
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
