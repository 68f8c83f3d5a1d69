package dev.cruxlog.identity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cruxlog.identity.application.IdentityErrors.InvalidRefreshToken;
import dev.cruxlog.identity.application.Registration;
import dev.cruxlog.identity.application.RegistrationService;
import dev.cruxlog.identity.application.SignInOutcome;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.identity.application.SignInService.TokenPair;
import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.Mailer;
import dev.cruxlog.platform.database.ModuleSchema;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.ModuleSliceTest;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity module alone, where it meets PostgreSQL: its services, adapters and migrations in a
 * context of their own (no other module's beans), the notifications module's {@link Mailer}
 * replaced by a recording fake. What only the database decides is tested here: a sign-up and its
 * mail in one transaction, one account per address, and a refresh token raced against itself
 * (two refreshes held at the account's lock until both wait there, so the race is the same every run).
 */
@ModuleSliceTest
class IdentityModuleSliceTest {

    @Autowired
    RegistrationService registrations;

    @Autowired
    SignInService signIns;

    @Autowired
    Accounts accounts;

    @Autowired
    DatabaseClient db;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    RecordingMailer mailer;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void mailGoesThrough() {
        mailer.failing.set(false);
    }

    @Test
    void theSliceHoldsTheIdentityModuleAndThePlatformAndNoOtherModule() {
        assertThat(context.getBeansOfType(ModuleSchema.class).values()).extracting(ModuleSchema::name)
                .containsExactlyInAnyOrder("platform", "identity");
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("outbox"));
    }

    @Test
    void aSignUpIsStoredWithItsVerificationMailAndASecondOneForTheAddressCreatesNothing() {
        String email = unique("Slice.Climber") + "@Example.test";

        StepVerifier.create(registrations.register(email, unique("slice"), "a long slice password", "10.1.0.1"))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(Registration.Created.class))
                .verifyComplete();
        StepVerifier.create(registrations.register(email.toLowerCase(), unique("other"), "a long slice password", "10.1.0.2"))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(Registration.AddressKnown.class))
                .verifyComplete();

        assertThat(accountsWithAddress(email)).isEqualTo(1);
        assertThat(mailer.sentTo(email)).extracting(Email::template)
                .containsExactly(EmailTemplate.VERIFY_EMAIL, EmailTemplate.ACCOUNT_EXISTS);
    }

    /** The narrow settings read other modules make on every page: each account's own, and nothing for no account. */
    @Test
    void anAccountsSettingsAreItsOwnAndReadAlone() {
        UUID chosen = registered(unique("settings"));
        UUID untouched = registered(unique("defaults"));
        db.sql("""
                UPDATE identity.account SET grade_systems = '{"route": "french", "boulder": "font"}',
                       length_unit = 'm', count_top_ropes_and_follows = true WHERE id = :id""")
                .bind("id", chosen).then().block(Duration.ofSeconds(5));

        StepVerifier.create(accounts.settings(chosen))
                .expectNext(new ClimberSettings(java.util.Map.of("route", "french", "boulder", "font"), LengthUnit.METRES, true))
                .verifyComplete();
        ClimberSettings ofTheWholeAccount = accounts.find(untouched).block(Duration.ofSeconds(5)).settings();
        StepVerifier.create(accounts.settings(untouched))
                .assertNext(settings -> {
                    assertThat(settings.lengthUnit()).isEqualTo(LengthUnit.FEET);
                    assertThat(settings.countTopRopesAndFollowsAsSends()).isFalse();
                    assertThat(settings.gradeSystems()).doesNotContainEntry("route", "french");
                    assertThat(settings).as("the same as the whole account says")
                            .isEqualTo(ofTheWholeAccount);
                })
                .verifyComplete();
        StepVerifier.create(accounts.settings(UUID.randomUUID())).verifyComplete();
    }

    private UUID registered(String login) {
        registrations.register(login + "@example.test", login, "a long slice password", "10.1.0.9").block(Duration.ofSeconds(10));
        return db.sql("SELECT id FROM identity.account WHERE username_normalized = lower(:login)").bind("login", login)
                .map(row -> row.get("id", UUID.class)).one().block(Duration.ofSeconds(5));
    }

    @Test
    void aSignUpWhoseMailCannotBeQueuedLeavesNoAccount() {
        String email = unique("unmailed") + "@example.test";
        mailer.failing.set(true);

        StepVerifier.create(registrations.register(email, unique("unmailed"), "a long slice password", "10.1.0.3"))
                .expectErrorMessage("the outbox refused it")
                .verify(Duration.ofSeconds(10));

        assertThat(accountsWithAddress(email)).as("the account rolled back with its mail").isZero();
    }

    @Test
    void oneRefreshTokenPresentedTwiceAtOnceIssuesOnePairAndRevokesItsFamily() throws Exception {
        String login = unique("racer");
        registrations.register(login + "@example.test", login, "a long slice password", "10.1.0.4").block(Duration.ofSeconds(10));
        CurrentUser climber = ((SignInOutcome.SignedIn) signIns.authenticate(login, "a long slice password", "10.1.0.4")
                .block(Duration.ofSeconds(10))).user();
        TokenPair first = signIns.issueTokens(climber).block(Duration.ofSeconds(10));

        // Both requests must read the token unspent, then meet at the account's lock: the test holds
        // that lock until both wait on it, so the race is the same every run.
        Connection holder = Mono.from(connections.create()).block(Duration.ofSeconds(10));
        try {
            Mono.from(holder.beginTransaction()).block(Duration.ofSeconds(10));
            Flux.from(holder.createStatement("SELECT id FROM identity.account WHERE id = $1 FOR UPDATE")
                    .bind("$1", climber.id()).execute()).flatMap(result -> result.map((row, meta) -> 1)).blockLast(Duration.ofSeconds(10));
            CompletableFuture<List<Object>> racing = Flux.merge(refreshOutcome(first.refreshToken()),
                    refreshOutcome(first.refreshToken())).collectList().toFuture();
            // Both refreshes wait on the account's lock (fails naming the count seen if they never do).
            Eventually.answer(() -> db.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock'").map(row -> row.get(0, Long.class)).one(), count -> count == 2, Duration.ofSeconds(15));
            Mono.from(holder.commitTransaction()).block(Duration.ofSeconds(10));

            List<Object> outcomes = racing.get(15, TimeUnit.SECONDS);

            assertThat(outcomes).filteredOn(TokenPair.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(InvalidRefreshToken.class::isInstance).hasSize(1);
            TokenPair winner = (TokenPair) outcomes.stream().filter(TokenPair.class::isInstance).findFirst().orElseThrow();
            // A token used twice is a leaked token: its family, the winner's new token included, is done.
            StepVerifier.create(signIns.refresh(winner.refreshToken())).expectError(InvalidRefreshToken.class).verify();
            assertThat(db.sql("SELECT count(*) FROM identity.refresh_token WHERE account_id = :account AND revoked_at IS NULL")
                    .bind("account", climber.id()).map(row -> row.get(0, Long.class)).one().block()).isZero();
        } finally {
            Mono.from(holder.close()).block(Duration.ofSeconds(10));
        }
    }

    private Mono<Object> refreshOutcome(String token) {
        return signIns.refresh(token).<Object>map(pair -> pair).onErrorResume(InvalidRefreshToken.class, Mono::just);
    }

    private long accountsWithAddress(String email) {
        return db.sql("SELECT count(*) FROM identity.account WHERE lower(email) = lower(:email)").bind("email", email)
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The notifications module's port, as this module sees it: every queued mail kept, or refused on demand. */
    static class RecordingMailer implements Mailer {

        final List<Email> queued = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public Mono<Void> queue(Email email) {
            return Mono.defer(() -> {
                if (failing.get()) {
                    return Mono.error(new IllegalStateException("the outbox refused it"));
                }
                queued.add(email);
                return Mono.empty();
            });
        }

        List<Email> sentTo(String address) {
            return queued.stream().filter(email -> email.to().equalsIgnoreCase(address)).toList();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModules {

        @Bean
        RecordingMailer mailer() {
            return new RecordingMailer();
        }
    }
}
