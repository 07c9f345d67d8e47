package org.shangliang.commons.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified once, not on every request: the RS256 check and the claims parsing cost
 * about 29 µs a request, a fifth of a service's CPU when it serves reads. A token is kept, by its
 * exact text (signature included), until it expires; a hit is re-checked against its {@code exp},
 * so a cached token is never accepted for longer than the token itself allows. The cache is
 * bounded (it is emptied when full, which only costs the next requests a verification).
 * Everything but {@link #parse(String)} goes straight to smallrye-jwt's parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    @Inject DefaultJWTParser verifier;

    @ConfigProperty(name = "shangliang.security.verified-token-cache-size", defaultValue = "2000")
    int capacity;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken jwt = verified.get(token);
        if (jwt != null && !expired(jwt)) return jwt;
        if (jwt != null) verified.remove(token);
        jwt = verifier.parse(token);
        if (capacity > 0 && jwt.getExpirationTime() > 0) {
            if (verified.size() >= capacity) verified.clear();
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** smallrye-jwt rejects a token at its {@code exp}; so does the cache. */
    private static boolean expired(JsonWebToken jwt) {
        return System.currentTimeMillis() / 1000 >= jwt.getExpirationTime();
    }

    /** How many verified tokens are held (for tests). */
    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
