package dev.cruxlog.identity.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.application.AccessGrant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import reactor.test.StepVerifier;

/**
 * Access tokens: what is verified once is remembered until it expires, and nothing else is.
 * The memory exists for speed (docs/benchmarks.md); these tests hold that it never accepts
 * a token the full check would refuse and never grows past its bound.
 */
class JwtAccessTokensTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private final JwtAccessTokens tokens = new JwtAccessTokens(SECRET, null, null);
    private final CurrentUser climber = new CurrentUser(UUID.randomUUID(), "ada", "ada@example.com", true, Tier.FREE,
            EnumSet.of(Role.USER));

    @Test
    void aVerifiedTokenIsRememberedAndAnsweredTheSameAgain() {
        String token = tokens.issue(climber, Duration.ofMinutes(15)).block();

        AccessGrant first = tokens.verify(token).block();
        AccessGrant again = tokens.verify(token).block();

        assertThat(first.user()).isEqualTo(climber);
        assertThat(again).isEqualTo(first);
        assertThat(tokens.rememberedTokens()).isEqualTo(1);
    }

    @Test
    void tamperedForeignAndExpiredTokensAreRefusedAndNeverRemembered() {
        String token = tokens.issue(climber, Duration.ofMinutes(15)).block();
        tokens.verify(token).block();
        String[] parts = token.split("\\.");
        String otherClaims = tokens.issue(new CurrentUser(UUID.randomUUID(), "eve", "eve@example.com", true, Tier.PREMIUM,
                EnumSet.of(Role.USER, Role.ADMIN)), Duration.ofMinutes(15)).block().split("\\.")[1];
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];
        String foreign = new JwtAccessTokens(Base64.getEncoder().encodeToString(new byte[]{
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
                31, 32}), null, null).issue(climber, Duration.ofMinutes(15)).block();
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        String expired = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(new byte[32], "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), JwtClaimsSet.builder()
                        .issuer(JwtAccessTokens.ISSUER).subject(climber.id().toString()).issuedAt(past)
                        .expiresAt(past.plus(Duration.ofMinutes(15))).claim("preferred_username", "ada")
                        .claim("tier", "FREE").build()))
                .getTokenValue();

        for (String refused : new String[]{tampered, foreign, expired}) {
            StepVerifier.create(tokens.verify(refused)).expectError().verify(Duration.ofSeconds(5));
        }
        assertThat(tokens.rememberedTokens()).as("only the one good token").isEqualTo(1);
    }

    @Test
    void theMemoryNeverHoldsMoreThanItsBound() {
        for (int i = 0; i <= JwtAccessTokens.MAX_REMEMBERED + 10; i++) {
            CurrentUser someone = new CurrentUser(UUID.randomUUID(), "c" + i, "c" + i + "@example.com", true, Tier.FREE,
                    EnumSet.of(Role.USER));
            tokens.verify(tokens.issue(someone, Duration.ofMinutes(15)).block()).block();
            assertThat(tokens.rememberedTokens()).isLessThanOrEqualTo(JwtAccessTokens.MAX_REMEMBERED);
        }
        assertThat(tokens.rememberedTokens()).isPositive();
    }
}
