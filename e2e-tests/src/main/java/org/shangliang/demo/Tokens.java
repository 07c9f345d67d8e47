package org.shangliang.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Who acts at each step: a bearer token for a role in a territory. The demo never bypasses the
 * access rules: every step is made by the person whose step it is.
 */
@FunctionalInterface
public interface Tokens {

    /**
     * @param unit    the handler's unit code, or null
     * @param subject the token subject (a person's login)
     * @param name    the name shown in records
     */
    String token(String role, String territory, String unit, String subject, String name);

    /** Tokens signed with a PEM (PKCS#8) private key, as deploy/local/token.sh mints them. */
    static Tokens signedWith(Path privateKeyPem, String issuer, String audience) {
        PrivateKey key;
        try {
            String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the token key " + privateKeyPem + ": " + e.getMessage(), e);
        }
        return (role, territory, unit, subject, name) -> {
            long now = Instant.now().getEpochSecond();
            StringBuilder claims = new StringBuilder("{\"iss\":").append(quote(issuer)).append(",\"aud\":").append(quote(audience))
                    .append(",\"sub\":").append(quote(subject)).append(",\"name\":").append(quote(name))
                    .append(",\"groups\":[").append(quote(role)).append("],\"territory\":").append(quote(territory))
                    .append(",\"iat\":").append(now).append(",\"exp\":").append(now + 3600).append(",\"jti\":").append(quote(UUID.randomUUID().toString()));
            if (unit != null) claims.append(",\"unit\":").append(quote(unit));
            claims.append('}');
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key);
                s.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + b64.encodeToString(s.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
