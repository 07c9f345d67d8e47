package org.shangliang.demo;

import java.nio.file.Path;

/**
 * {@code Main load}: loads the Jiashan demo county into a running platform through its API;
 * {@code Main walkthrough}: runs the Huitong land-rights story through it, step by step.
 * The URLs and the token key come from the environment deploy/local/demo.sh sets:
 * TOPICS_URL, SESSIONS_URL, FOLLOWUP_URL, JWT_PRIVATE_KEY (PEM), JWT_ISSUER.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "load" : args[0];
        Api api = new Api(env("TOPICS_URL", "http://127.0.0.1:8081"), env("SESSIONS_URL", "http://127.0.0.1:8082"), env("FOLLOWUP_URL", "http://127.0.0.1:8083"));
        Tokens tokens = Tokens.signedWith(Path.of(env("JWT_PRIVATE_KEY", ".deploy/jwt/private.pem")), env("JWT_ISSUER", "urn:shangliang:local-dev"), "shangliang");
        switch (command) {
            case "load" -> new DemoLoader(api, tokens, System.out).load();
            case "walkthrough" -> new Walkthrough(api, tokens, System.out).run();
            default -> {
                System.err.println("usage: Main load|walkthrough");
                System.exit(2);
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
