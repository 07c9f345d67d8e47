package org.shangliang.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * The verified token of the current request as a {@link Caller}. Request-scoped, so a singleton
 * resource that injects it gets the caller of each request.
 */
@RequestScoped
public class CurrentCaller {

    public static final String TERRITORY = "territory";
    public static final String UNIT = "unit";
    public static final String MEMBER_ID = "member_id";

    @Inject JsonWebToken jwt;

    private Caller caller;

    public Caller get() {
        if (caller == null) caller = ofToken();
        return caller;
    }

    /**
     * The caller of a token is read once per token, not per request (reading a custom claim costs
     * smallrye-jwt an exception, about 3 % of a read). The key is the whole verified token, so the
     * claims behind it cannot differ; bounded like {@link VerifiedTokens}.
     */
    private static final ConcurrentHashMap<String, Caller> BY_TOKEN = new ConcurrentHashMap<>();
    private static final int MAX_CALLERS = 2000;

    private Caller ofToken() {
        String raw = jwt == null ? null : jwt.getRawToken();
        if (raw == null) return read();
        Caller known = BY_TOKEN.get(raw);
        if (known != null) return known;
        Caller read = read();
        if (BY_TOKEN.size() >= MAX_CALLERS) BY_TOKEN.clear();
        BY_TOKEN.put(raw, read);
        return read;
    }

    private Caller read() {
        if (jwt == null || jwt.getSubject() == null) {
            return new Caller("anonymous", "anonymous", Set.of(), null, null, null);
        }
        String territory = claim(TERRITORY);
        if (territory != null && !Territories.isDivisionCode(territory)) {
            // A provider misconfiguration must not open the county: no scope is better than a wrong one.
            throw new ApiException(401, "invalid-token", Text.of("身份令牌无效", "Invalid token"),
                    Text.of("令牌的 territory 声明须为行政区划代码（6、9、12 或 15 位数字）", "The token's territory claim must be a division code (6, 9, 12 or 15 digits)"));
        }
        String name = jwt.getClaim("name");
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(jwt.getSubject(), name == null ? jwt.getSubject() : name, groups,
                territory, claim(UNIT), claim(MEMBER_ID));
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        if (value == null) return null;
        String s = value.toString();
        // JSON strings may come back quoted from some token libraries.
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
