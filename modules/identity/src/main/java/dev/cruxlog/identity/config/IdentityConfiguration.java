package dev.cruxlog.identity.config;

import java.time.Duration;

import dev.cruxlog.identity.adapter.in.database.AccessTokenCutoffListener;
import dev.cruxlog.identity.adapter.out.blockingio.ClasspathCommonPasswords;
import dev.cruxlog.identity.adapter.out.crypto.BcryptPasswordHasher;
import dev.cruxlog.identity.adapter.out.crypto.JwtAccessTokens;
import dev.cruxlog.identity.adapter.out.crypto.SecureRandomTokens;
import dev.cruxlog.identity.adapter.out.pwnedpasswords.BreachCheckOff;
import dev.cruxlog.identity.adapter.out.pwnedpasswords.PwnedPasswordsRange;
import dev.cruxlog.identity.application.AccessTokenCutoffs;
import dev.cruxlog.identity.application.AccessTokens;
import dev.cruxlog.identity.application.BreachedPasswords;
import dev.cruxlog.identity.application.IdentityProperties;
import dev.cruxlog.identity.application.PasswordHasher;
import dev.cruxlog.identity.application.RandomTokens;
import dev.cruxlog.identity.application.SigningSecrets;
import dev.cruxlog.identity.domain.CommonPasswords;
import dev.cruxlog.identity.domain.PasswordPolicy;
import dev.cruxlog.platform.database.ModuleSchema;
import dev.cruxlog.platform.database.PostgresChannel;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Wires identity's ports to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /** Sign-up and tokens, the climber's own account and two-step sign-in, administrators' account tools. */
    @Bean
    GroupedOpenApi identityApi() {
        return GroupedOpenApi.builder().group("identity")
                .pathsToMatch("/api/v1/auth/**", "/api/v1/users/**", "/api/v1/admin/accounts/**").build();
    }

    @Bean
    ModuleSchema identitySchema() {
        // Before the other modules: their owner columns refer to identity.account (foreign keys).
        return new ModuleSchema("identity", 10);
    }

    /** Every instance hears every account's access-token cutoff. */
    @Bean
    AccessTokenCutoffListener accessTokenCutoffListener(R2dbcConnectionDetails connection, AccessTokenCutoffs cutoffs) {
        return new AccessTokenCutoffListener(PostgresChannel.onItsOwnConnection(connection, AccessTokenCutoffs.CHANNEL), cutoffs);
    }

    @Bean
    CommonPasswords commonPasswords() {
        return new ClasspathCommonPasswords("identity/common-passwords.txt");
    }

    /**
     * New passwords are looked up in Have I Been Pwned's corpus (ASVS 6.2.12) unless the URL is
     * set empty; the lookup fails open after {@code timeout} (see {@link PwnedPasswordsRange}).
     */
    @Bean
    BreachedPasswords breachedPasswords(WebClient.Builder builder,
            @Value("${cruxlog.identity.breached-passwords.url:https://api.pwnedpasswords.com}") String url,
            @Value("${cruxlog.identity.breached-passwords.timeout:2s}") Duration timeout) {
        return url == null || url.isBlank() ? new BreachCheckOff()
                : new PwnedPasswordsRange(builder, url, timeout, PwnedPasswordsRange.MAX_RESPONSE_BYTES);
    }

    @Bean
    PasswordPolicy passwordPolicy(CommonPasswords commonPasswords) {
        return new PasswordPolicy(commonPasswords);
    }

    /**
     * bcrypt at cost 12 takes about a quarter second of one core: a scheduler of its own,
     * as wide as the machine, queues sign-ins instead of letting them take every thread. The
     * queue is short: at 10,000 a real sign-in waited 52 s behind a flood of guesses (issue
     * #15). Past it a hash is refused at once and the caller is told to retry in a moment
     * ({@link BcryptPasswordHasher}).
     */
    @Bean(destroyMethod = "dispose")
    Scheduler passwordHashingScheduler() {
        return Schedulers.newBoundedElastic(Runtime.getRuntime().availableProcessors(),
                BcryptPasswordHasher.MAX_QUEUED_HASHES, "password-hashing");
    }

    @Bean
    PasswordHasher passwordHasher(IdentityProperties properties, Scheduler passwordHashingScheduler) {
        return new BcryptPasswordHasher(properties.bcryptStrength(), passwordHashingScheduler);
    }

    @Bean
    SecureRandomTokens randomTokens() {
        return new SecureRandomTokens(Schedulers.boundedElastic());
    }

    @Bean
    AccessTokens accessTokens(IdentityProperties properties, SigningSecrets secrets, RandomTokens random) {
        return new JwtAccessTokens(properties.tokenSecret(), secrets, random);
    }
}
