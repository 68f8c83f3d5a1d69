package dev.cruxlog.identity.adapter.out.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.application.AccessGrant;
import dev.cruxlog.identity.application.AccessTokens;
import dev.cruxlog.identity.application.RandomTokens;
import dev.cruxlog.identity.application.SigningSecrets;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * API access tokens: JWTs signed with HMAC-SHA256. They carry who the user is (id,
 * username, tier, roles) so an API request needs no database round trip to authenticate;
 * they live 15 minutes, so a tier change or a deactivation is seen within that time.
 *
 * <p>The key is {@code CRUXLOG_TOKEN_SECRET} when set, else one generated on first start
 * and kept in the database, so every instance verifies every other's tokens.
 */
public class JwtAccessTokens implements AccessTokens {

    static final String ISSUER = "cruxlog";
    /** HS256 takes a key of at least 256 bits. */
    private static final int KEY_BYTES = 32;

    private final Mono<Keys> keys;

    /**
     * @param configuredSecret the operator's key (base64), or blank to use the generated one
     * @param stored           where the generated key is shared between instances
     * @param random           where a candidate key comes from
     */
    public JwtAccessTokens(String configuredSecret, SigningSecrets stored, RandomTokens random) {
        Mono<byte[]> secret = configuredSecret != null && !configuredSecret.isBlank()
                ? Mono.fromCallable(() -> Base64.getDecoder().decode(configuredSecret.trim()))
                : random.nextBytes(KEY_BYTES).flatMap(stored::getOrCreate);
        this.keys = secret.map(Keys::new).cache();
    }

    private static final String ISSUED_AT_MILLIS = "iat_ms";
    static final String KEY_ID = "cruxlog-hs256";

    @Override
    public Mono<String> issue(CurrentUser user, Duration lifetime) {
        return keys.map(k -> {
            Instant now = Instant.now();
            JwtClaimsSet claims = JwtClaimsSet.builder()
                    .issuer(ISSUER)
                    .subject(user.id().toString())
                    .issuedAt(now)
                    .claim(ISSUED_AT_MILLIS, now.toEpochMilli())
                    .expiresAt(now.plus(lifetime))
                    .claim("preferred_username", user.username())
                    .claim("email", user.email())
                    .claim("email_verified", user.emailVerified())
                    .claim("tier", user.tier().name())
                    .claim("roles", user.roles().stream().map(Enum::name).sorted().toList())
                    .build();
            JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
            return k.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        });
    }

    @Override
    public Mono<AccessGrant> verify(String token) {
        Verified known = verified.get(token);
        if (known != null && known.expiresAt().isAfter(Instant.now())) {
            return Mono.just(known.grant());
        }
        return keys.flatMap(k -> k.decoder.decode(token)).map(jwt -> {
            AccessGrant grant = new AccessGrant(toUser(jwt), issuedAt(jwt));
            remember(token, new Verified(grant, jwt.getExpiresAt()));
            return grant;
        });
    }

    /**
     * Tokens this instance has verified, until they expire. A client sends the same token with
     * every request for 15 minutes; checking its HMAC, parsing its JSON and converting its claims
     * each time was about a tenth of what a ticks page allocated (docs/benchmarks.md). Only a
     * token that passed the full check is remembered, under its exact text, and never past its
     * expiry (stricter than the decoder, which allows a minute of clock skew). Revocation is not
     * the signature's business: {@code RevokedAccessTokens} checks it per request either way.
     * <p>
     * Bounded: at {@link #MAX_REMEMBERED} tokens the expired ones go, and if none has expired the
     * memory starts again (a cleared map only costs full checks). A plain map, not Caffeine:
     * Caffeine's maintenance can take a lock on the calling thread, here an event loop.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    static final int MAX_REMEMBERED = 10_000;

    private record Verified(AccessGrant grant, Instant expiresAt) {
    }

    private void remember(String token, Verified grant) {
        if (grant.expiresAt() == null) {
            return;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            Instant now = Instant.now();
            verified.values().removeIf(known -> !known.expiresAt().isAfter(now));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(token, grant);
    }

    /** How many verified tokens are remembered (for the test of the bound). */
    int rememberedTokens() {
        return verified.size();
    }

    /**
     * To the millisecond: "iat" has whole seconds, and a token issued just after its account
     * revoked the earlier ones (a password change, then a new sign-in) must be told apart
     * from one issued just before.
     */
    private static Instant issuedAt(Jwt jwt) {
        Object millis = jwt.getClaim(ISSUED_AT_MILLIS);
        return millis instanceof Number number ? Instant.ofEpochMilli(number.longValue()) : jwt.getIssuedAt();
    }

    private static CurrentUser toUser(Jwt jwt) {
        if (!ISSUER.equals(jwt.getClaimAsString("iss"))) {
            throw new IllegalArgumentException("Token from another issuer");
        }
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("email"), Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")),
                Tier.valueOf(jwt.getClaimAsString("tier")),
                roles == null ? EnumSet.of(Role.USER)
                        : roles.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }

    private static final class Keys {
        final NimbusJwtEncoder encoder;
        final ReactiveJwtDecoder decoder;

        Keys(byte[] secret) {
            if (secret.length < 32) {
                throw new IllegalStateException("CRUXLOG_TOKEN_SECRET must be at least 32 bytes (base64-encoded)");
            }
            SecretKey key = new SecretKeySpec(secret, "HmacSHA256");
            // Nimbus names the key by its RFC 7638 thumbprint, an unsalted SHA-256 of the secret:
            // published in every token's header, it would let a weak secret be tested offline
            // without even a signature to check against. One key, so one fixed name.
            this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256)
                    .jwkPostProcessor(jwk -> jwk.keyID(KEY_ID)).build();
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256)
                    .build();
            // Spring reads "iss" as a URL by default; "cruxlog" is not one, so every request threw and
            // caught an IllegalArgumentException (with its stack trace) before keeping the string.
            decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                    Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
            this.decoder = decoder;
        }
    }
}
