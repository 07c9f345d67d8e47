package org.shangliang.commons.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with the local development issuer unless the local scripts (or tests) said so
 * explicitly: tokens minted with the development key must never open a real deployment.
 */
@ApplicationScoped
public class DevKeyGuard {

    /** The issuer of tokens minted by deploy/local/token.sh. */
    public static final String DEV_ISSUER = "urn:shangliang:local-dev";

    @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer;
    @ConfigProperty(name = "shangliang.security.allow-dev-issuer", defaultValue = "false") boolean allowDevIssuer;

    void check(@Observes StartupEvent ignored) {
        if (DEV_ISSUER.equals(issuer) && !allowDevIssuer) {
            throw new IllegalStateException("mp.jwt.verify.issuer is the local development issuer " + DEV_ISSUER
                    + "; configure your OIDC provider (JWT_ISSUER, JWT_AUDIENCE, JWT_PUBLIC_KEY_LOCATION) or, for local use only, "
                    + "set SHANGLIANG_SECURITY_ALLOW_DEV_ISSUER=true");
        }
    }
}
