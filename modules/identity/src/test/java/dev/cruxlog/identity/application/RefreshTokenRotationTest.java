package dev.cruxlog.identity.application;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.LengthUnit;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.application.IdentityErrors.InvalidRefreshToken;
import dev.cruxlog.identity.domain.SecretToken;
import dev.cruxlog.platform.testing.NoTransaction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SignInService#refresh}, alone against in-memory ports: a refresh token is spent by its
 * use and replaced in the same family; presenting a spent one (a leaked copy) revokes the whole
 * family, so neither the thief's copy nor the climber's newer token refreshes again.
 */
class RefreshTokenRotationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private final InMemoryRefreshTokens tokens = new InMemoryRefreshTokens();
    private final AtomicInteger issued = new AtomicInteger();
    private boolean active = true;
    private final SignInService signIn = new SignInService(accounts(), null, null, null, tokens, accessTokens(),
            randomTokens(), new NoTransaction(), new IdentityProperties("http://localhost", 4, null, Duration.ofMinutes(15),
            Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(30), false),
            Clock.fixed(NOW, ZoneOffset.UTC), null, null, null);

    @Test
    void aRefreshSpendsItsTokenAndIssuesTheNextOfTheSameFamily() {
        SignInService.TokenPair first = signIn.issueTokens(climber()).block();

        StepVerifier.create(signIn.refresh(first.refreshToken()))
                .assertNext(second -> {
                    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
                    assertThat(second.accessToken()).isEqualTo("access-2");
                    assertThat(tokens.stored(second.refreshToken()).familyId())
                            .isEqualTo(tokens.stored(first.refreshToken()).familyId());
                })
                .verifyComplete();
        assertThat(tokens.stored(first.refreshToken()).spent()).isTrue();
    }

    @Test
    void aSpentTokenPresentedAgainRevokesTheWholeFamily() {
        SignInService.TokenPair first = signIn.issueTokens(climber()).block();
        SignInService.TokenPair second = signIn.refresh(first.refreshToken()).block();

        // The first token again: someone kept a copy.
        StepVerifier.create(signIn.refresh(first.refreshToken())).expectError(InvalidRefreshToken.class).verify();
        assertThat(tokens.revokedFamilies).containsExactly(tokens.stored(first.refreshToken()).familyId());
        // The climber's own newer token is of the revoked family: it no longer refreshes either.
        StepVerifier.create(signIn.refresh(second.refreshToken())).expectError(InvalidRefreshToken.class).verify();
        assertThat(issued.get()).as("no access token issued after the reuse").isEqualTo(2);
    }

    @Test
    void unknownExpiredAndBlankTokensAreRefusedAlike() {
        StepVerifier.create(signIn.refresh("never-issued")).expectError(InvalidRefreshToken.class).verify();
        StepVerifier.create(signIn.refresh(" ")).expectError(InvalidRefreshToken.class).verify();
        SignInService.TokenPair pair = signIn.issueTokens(climber()).block();
        tokens.expire(pair.refreshToken());
        StepVerifier.create(signIn.refresh(pair.refreshToken())).expectError(InvalidRefreshToken.class).verify();
        assertThat(tokens.revokedFamilies).as("an expired token is not a reuse").isEmpty();
    }

    @Test
    void aDeactivatedAccountGetsNoNewPair() {
        SignInService.TokenPair pair = signIn.issueTokens(climber()).block();
        active = false;

        StepVerifier.create(signIn.refresh(pair.refreshToken())).expectError(InvalidRefreshToken.class).verify();
        assertThat(issued.get()).isEqualTo(1);
    }

    private static CurrentUser climber() {
        return new CurrentUser(CLIMBER, "climber", "climber@example.com", true, Tier.FREE, Set.of(Role.USER));
    }

    // --- ports, in memory ---------------------------------------------------------------------

    /** Only what a refresh asks of the accounts: the sign-in lock and the account. */
    private UserAccounts accounts() {
        return (UserAccounts) Proxy.newProxyInstance(UserAccounts.class.getClassLoader(), new Class<?>[] {UserAccounts.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lockSignIns" -> Mono.empty();
                    case "findById" -> Mono.just(new StoredAccount(CLIMBER, "climber", "climber@example.com", "hash", true,
                            Tier.FREE, Set.of(Role.USER), active, null, null, Map.of(), LengthUnit.FEET, false,
                            OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), false));
                    default -> throw new UnsupportedOperationException("a refresh does not call " + method.getName());
                });
    }

    private AccessTokens accessTokens() {
        return new AccessTokens() {
            @Override
            public Mono<String> issue(CurrentUser user, Duration lifetime) {
                return Mono.fromSupplier(() -> "access-" + issued.incrementAndGet());
            }

            @Override
            public Mono<AccessGrant> verify(String token) {
                return Mono.error(new UnsupportedOperationException());
            }
        };
    }

    private static RandomTokens randomTokens() {
        AtomicInteger next = new AtomicInteger();
        return new RandomTokens() {
            @Override
            public Mono<SecretToken> next() {
                return Mono.fromSupplier(() -> {
                    byte[] bytes = new byte[32];
                    Arrays.fill(bytes, (byte) next.incrementAndGet());
                    return SecretToken.of(bytes);
                });
            }

            @Override
            public Mono<UUID> nextId() {
                return Mono.fromSupplier(UUID::randomUUID);
            }

            @Override
            public Mono<byte[]> nextBytes(int count) {
                return Mono.error(new UnsupportedOperationException());
            }
        };
    }

    private static final class InMemoryRefreshTokens implements RefreshTokens {

        private final Map<String, Stored> byHash = new HashMap<>();
        final List<UUID> revokedFamilies = new ArrayList<>();

        Stored stored(String presented) {
            return byHash.get(key(SecretToken.hash(presented)));
        }

        void expire(String presented) {
            String key = key(SecretToken.hash(presented));
            Stored s = byHash.get(key);
            byHash.put(key, new Stored(s.familyId(), s.accountId(), OffsetDateTime.ofInstant(NOW.minusSeconds(1), ZoneOffset.UTC),
                    s.spent(), s.revoked()));
        }

        private static String key(byte[] hash) {
            return java.util.HexFormat.of().formatHex(hash);
        }

        @Override
        public Mono<Void> insert(byte[] tokenHash, UUID familyId, UUID accountId, Duration lifetime, Duration familyLifetime) {
            return Mono.fromRunnable(() -> byHash.put(key(tokenHash), new Stored(familyId, accountId,
                    OffsetDateTime.ofInstant(NOW.plus(lifetime), ZoneOffset.UTC), false, false)));
        }

        @Override
        public Mono<Stored> find(byte[] tokenHash) {
            return Mono.fromSupplier(() -> byHash.get(key(tokenHash)));
        }

        @Override
        public Mono<Boolean> spend(byte[] tokenHash) {
            return Mono.fromSupplier(() -> {
                Stored s = byHash.get(key(tokenHash));
                if (s == null || s.spent()) {
                    return false;
                }
                byHash.put(key(tokenHash), new Stored(s.familyId(), s.accountId(), s.expiresAt(), true, s.revoked()));
                return true;
            });
        }

        @Override
        public Mono<Void> revokeFamily(UUID familyId) {
            return Mono.fromRunnable(() -> {
                revokedFamilies.add(familyId);
                byHash.replaceAll((hash, s) -> s.familyId().equals(familyId)
                        ? new Stored(s.familyId(), s.accountId(), s.expiresAt(), s.spent(), true) : s);
            });
        }

        @Override
        public Mono<Void> revokeAllFor(UUID accountId) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Flux<ApiSignIn> liveFamilies(UUID accountId) {
            return Flux.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<Boolean> revokeFamilyOf(UUID accountId, UUID familyId) {
            return Mono.error(new UnsupportedOperationException());
        }
    }
}
