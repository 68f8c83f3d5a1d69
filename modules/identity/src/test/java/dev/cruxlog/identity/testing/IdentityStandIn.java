package dev.cruxlog.identity.testing;

import dev.cruxlog.platform.database.ModuleSchema;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The identity module as another module's slice needs it, for that slice's test configuration to
 * extend (an {@code @Import} of it would be filtered out with the rest of identity's package): identity's
 * schema (every module's owner columns refer to {@code identity.account}, so it migrates first, as
 * in the app) and its {@link dev.cruxlog.identity.Accounts} API as a {@link RecordingAccounts}.
 * Identity ships this in its test jar, beside {@link OwnerAccounts}, so no slice copies it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IdentityStandIn {

    @Bean
    public ModuleSchema identitySchema() {
        return new ModuleSchema("identity", 10);
    }

    @Bean
    public RecordingAccounts accounts() {
        return new RecordingAccounts();
    }
}
