package dev.cruxlog.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * One application module booted alone (Spring Modulith's {@link ApplicationModuleTest}, standalone:
 * the module's own beans and the shared platform, and of other modules only those named in
 * {@link #extraIncludes}, which slices keep to reference data such as grades), against this
 * JVM's fresh test database. Other modules' APIs the module calls are the test's to provide, as
 * fakes; schemas the module's tables refer to are the test's to declare ({@code ModuleSchema}).
 *
 * <p>Spring Modulith finds the application above the test's package: each Maven module that has
 * slices holds a {@code dev.cruxlog.SliceApplication} in its test sources (the real
 * {@code CruxlogApplication} lives in {@code app}, which no module depends on). The module
 * structure is verified once for the whole application by architecture-tests, not per slice:
 * here only part of it is on the class path.
 *
 * <p>What application.yml gives the app and a slice needs is set here: small pools (each test
 * JVM keeps its contexts open on one PostgreSQL), fast password hashing, no internet, and no
 * 2 s quiet period for the event loops when the context closes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ApplicationModuleTest(verifyAutomatically = false)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@TestPropertySource(properties = {
        "spring.main.banner-mode=off",
        "spring.r2dbc.pool.initial-size=1",
        "spring.r2dbc.pool.max-size=5",
        "spring.r2dbc.pool.max-acquire-time=10s",
        "spring.r2dbc.pool.max-idle-time=15s",
        "spring.reactor.context-propagation=limited",
        "spring.reactor.netty.shutdown-quiet-period=0s",
        "cruxlog.jobs.poll-interval=200ms",
        "cruxlog.identity.bcrypt-strength=4",
        "cruxlog.identity.breached-passwords.url=",
        "springdoc.api-docs.enabled=false",
        "gg.jte.use-precompiled-templates=true",
        "logging.level.org.flywaydb=WARN"
})
public @interface ModuleSliceTest {

    /** Other modules booted beside this one, by name: reference data only (grades), never a module to fake. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
    String[] extraIncludes() default {};
}
