package org.shangliang.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256 tokens for tests, signed with a key pair made on first use under
 * {@code target/test-jwt} (never in git). Plain JDK, so any test module can use it.
 */
public final class TestTokens {

    public static final String ISSUER = "urn:shangliang:test";
    public static final String AUDIENCE = "shangliang";
    public static final Path DIR = Path.of("target", "test-jwt");

    private static KeyPair keys;

    private TestTokens() {
    }

    /** The test key pair; the public half is at {@link #publicKeyFile()}. */
    public static synchronized KeyPair keys() {
        if (keys == null) keys = loadOrCreate(DIR);
        return keys;
    }

    public static Path publicKeyFile() {
        keys();
        return DIR.resolve("public.pem").toAbsolutePath();
    }

    /** A token builder for one person: {@code as("organizer", "330421003").token()}. */
    public static Builder as(String role, String territory) {
        return new Builder().groups(role).territory(territory).subject(role + "@" + territory);
    }

    public static final class Builder {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String alg = "RS256";
        private PrivateKey key;
        private long lifetimeSeconds = 600;

        Builder() {
            claims.put("iss", ISSUER);
            claims.put("aud", AUDIENCE);
        }

        public Builder subject(String sub) { claims.put("sub", sub); claims.putIfAbsent("name", sub); return this; }
        public Builder name(String name) { claims.put("name", name); return this; }
        public Builder groups(String... roles) { claims.put("groups", List.of(roles)); return this; }
        public Builder territory(String code) { if (code != null) claims.put("territory", code); else claims.remove("territory"); return this; }
        public Builder unit(String unit) { claims.put("unit", unit); return this; }
        public Builder memberId(String id) { claims.put("member_id", id); return this; }
        public Builder issuer(String iss) { claims.put("iss", iss); return this; }
        public Builder audience(String aud) { claims.put("aud", aud); return this; }
        /** Negative lifetimes make expired tokens. */
        public Builder lifetime(long seconds) { lifetimeSeconds = seconds; return this; }
        /** Signed by another key than the one the services trust. */
        public Builder signedBy(PrivateKey other) { key = other; return this; }
        /** An unsigned token ({@code alg: none}). */
        public Builder unsigned() { alg = "none"; return this; }

        public String token() {
            long now = Instant.now().getEpochSecond();
            Map<String, Object> body = new LinkedHashMap<>(claims);
            body.put("iat", lifetimeSeconds < 0 ? now + lifetimeSeconds - 60 : now);
            body.put("exp", now + lifetimeSeconds);
            body.put("jti", UUID.randomUUID().toString());
            String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
            String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(json(body).getBytes(StandardCharsets.UTF_8));
            if (alg.equals("none")) return signingInput + ".";
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key == null ? keys().getPrivate() : key);
                s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + b64(s.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A fresh key pair nobody trusts. */
    public static KeyPair strangerKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair loadOrCreate(Path dir) {
        Path priv = dir.resolve("private.pem");
        Path pub = dir.resolve("public.pem");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(priv) && Files.exists(pub)) {
                PrivateKey p = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(priv))));
                PublicKey q = rsa.generatePublic(new X509EncodedKeySpec(pem(Files.readString(pub))));
                return new KeyPair(q, p);
            }
            KeyPair pair = strangerKeys();
            Files.createDirectories(dir);
            Files.writeString(priv, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(pub, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(Object value) {
        if (value == null) return "null";
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) items.add(json(o));
            return "[" + String.join(",", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            for (var e : map.entrySet()) items.add(json(e.getKey().toString()) + ":" + json(e.getValue()));
            return "{" + String.join(",", items) + "}";
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
