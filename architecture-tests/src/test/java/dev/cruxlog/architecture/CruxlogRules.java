package dev.cruxlog.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules that keep Cruxlog non-blocking and hexagonal. Each is checked against the
 * application's classes ({@link ArchitectureTest}) and proven to fire on a planted
 * violation ({@link PlantedViolationsTest}).
 */
public final class CruxlogRules {

    /** The one kind of package allowed to read files and streams; its callers run it on boundedElastic. */
    public static final String BLOCKING_IO_PACKAGE = "..blockingio..";

    private CruxlogRules() {
    }

    public static final ArchRule NO_JDBC_OR_BLOCKING_DATA_ACCESS = noClasses()
            .should().dependOnClassesThat(resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                    "jakarta.persistence..", "org.springframework.orm..", "org.springframework.data.jpa..",
                    "org.springframework.data.jdbc..")
                    .or(resideInAPackage("org.hibernate..").and(not(resideInAPackage("org.hibernate.validator..")))))
            .as("no class uses JDBC, JPA or Hibernate ORM (Flyway alone may, inside its own library)")
            .because("every database call goes through R2DBC; blocking drivers would stall the event loop");

    public static final ArchRule NO_BLOCKING_HTTP_CLIENTS = noClasses()
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework.web.client..", "com.stripe.net.."))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .as("no class uses RestTemplate, RestClient, HttpURLConnection or stripe-java's HTTP client")
            .because("outbound HTTP goes through WebClient");

    public static final ArchRule NO_BLOCKING_ON_PUBLISHERS = noClasses()
            .should(callMethodWhere(target -> target.getOwner().isAssignableTo("org.reactivestreams.Publisher")
                    && target.getName().matches("block.*|toIterable|toStream"),
                    "block*, toIterable or toStream on a Publisher"))
            .because("blocking on a Mono or Flux parks an event-loop thread");

    public static final ArchRule NO_THREAD_BLOCKING_CALLS = noClasses()
            .should(callMethodWhere(target -> isCall(target, "java.lang.Thread", "sleep")
                    || isCall(target, "java.util.concurrent.Future", "get")
                    || isCall(target, "java.util.concurrent.CompletableFuture", "join")
                    || isCall(target, "java.util.concurrent.CountDownLatch", "await")
                    || isCall(target, "java.util.concurrent.CyclicBarrier", "await")
                    || isCall(target, "java.util.concurrent.Semaphore", "acquire"),
                    "Thread.sleep, Future.get, CompletableFuture.join or a latch/barrier/semaphore wait"))
            .because("waiting on a thread defeats the event loop; compose publishers instead");

    public static final ArchRule NO_JSOUP_CONNECT = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.jsoup.Connection")
            .orShould(callMethodWhere(target -> isCall(target, "org.jsoup.Jsoup", "connect"), "Jsoup.connect"))
            .because("jsoup's HTTP client blocks; fetch with WebClient and parse the body with Jsoup.parse");

    private static final Set<String> BLOCKING_FILES_METHODS = Set.of("readAllBytes", "readAllLines", "readString",
            "lines", "newInputStream", "newBufferedReader", "newByteChannel", "newOutputStream", "newBufferedWriter",
            "write", "writeString", "copy");

    public static final ArchRule NO_BLOCKING_FILE_OR_STREAM_READS = noClasses()
            .that().resideOutsideOfPackage(BLOCKING_IO_PACKAGE)
            .should(callMethodWhere(target ->
                            (target.getName().equals("<init>") && (target.getOwner().isAssignableTo("java.io.FileInputStream")
                                    || target.getOwner().isAssignableTo("java.io.FileReader")
                                    || target.getOwner().isAssignableTo("java.io.RandomAccessFile")))
                            || (target.getOwner().getFullName().equals("java.nio.file.Files")
                                    && BLOCKING_FILES_METHODS.contains(target.getName()))
                            || ((target.getOwner().isAssignableTo("java.io.InputStream")
                                    || target.getOwner().isAssignableTo("java.io.Reader"))
                                    && (target.getName().startsWith("read") || target.getName().equals("transferTo"))),
                    "a blocking file or stream read"))
            .allowEmptyShould(true)
            .because("blocking I/O belongs in a '" + BLOCKING_IO_PACKAGE + "' adapter package run on boundedElastic");

    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "reactor.netty..",
                    "..adapter..", "..application..")
            .because("domain rules are plain Java, unit-tested without Spring or a database")
            // Modules grow these layers one by one; an absent layer has nothing to break.
            .allowEmptyShould(true);

    public static final ArchRule APPLICATION_DOES_NOT_KNOW_ADAPTERS = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..")
            .because("use cases talk to out-ports; adapters implement them")
            // Modules grow these layers one by one; an absent layer has nothing to break.
            .allowEmptyShould(true);

    public static final ArchRule APPLICATION_SPEAKS_NO_WIRE_FORMAT = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "org.springframework.r2dbc..", "io.r2dbc..", "io.netty..", "reactor.netty..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.jsoup..", "com.opencsv..", "org.apache.poi..", "com.nimbusds..")
            .because("use cases speak the module's own terms: HTTP, SQL drivers and wire formats (JSON, Stripe's "
                    + "events, CSV, HTML) live in adapters behind ports (transactions are Spring's abstraction, allowed)")
            // Modules grow these layers one by one; an absent layer has nothing to break.
            .allowEmptyShould(true);

    /** A module's main API: the package named after the module, where other modules look first. */
    private static final Pattern MODULE_API = Pattern.compile("^(?:.*\\.)?(?:cruxlog|modules)\\.[a-z0-9_]+$");

    public static final ArchRule MODULE_API_SPEAKS_NO_HTTP = noClasses()
            .that(new DescribedPredicate<JavaClass>("are in a module's main API package") {
                @Override
                public boolean test(JavaClass type) {
                    return MODULE_API.matcher(type.getPackageName()).matches();
                }
            })
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "io.netty..", "reactor.netty..")
            .because("a module's main API is values and use cases any caller can use; what needs a browser's "
                    + "exchange is a named interface of its own (identity::web), which a caller names in its "
                    + "allowedDependencies");

    public static final ArchRule INBOUND_ADAPTERS_DO_NOT_USE_OUTBOUND_ADAPTERS = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..")
            .because("controllers go through use cases, never straight to a repository or gateway")
            // Modules grow these layers one by one; an absent layer has nothing to break.
            .allowEmptyShould(true);

    public static final ArchRule IN_ADAPTERS_IMPLEMENT_NO_OUT_PORTS = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().implement(resideInAPackage("..application.."))
            .because("an interface of the application layer is an out-port, which out-adapters implement: a file "
                    + "reader a use case calls sits under adapter.out, whoever sent the file")
            .allowEmptyShould(true);

    public static final ArchRule OUT_ADAPTERS_MEET_THROUGH_PORTS = noClasses()
            .should(new ArchCondition<JavaClass>("use an out-adapter of another kind in its module") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Matcher from = OUT_ADAPTER.matcher(origin.getPackageName());
                    if (!from.matches()) {
                        return;
                    }
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        Matcher to = OUT_ADAPTER.matcher(dependency.getTargetClass().getBaseComponentType().getPackageName());
                        if (to.matches() && to.group(1).equals(from.group(1)) && !to.group(2).equals(from.group(2))) {
                            events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("one out-adapter reaching into another (tokens signed with a key read by the persistence "
                    + "adapter's class) is a dependency no port names; the application's out-port stands between");

    /** A module's out-adapter package: the module's prefix, then the adapter's kind (persistence, crypto, ...). */
    private static final Pattern OUT_ADAPTER = Pattern.compile("^(.*)\\.adapter\\.out\\.([a-z0-9_]+)(?:\\..*)?$");

    private static final Pattern MODULE_OF = Pattern.compile("^((?:.*\\.)?(?:cruxlog|modules))\\.([a-z0-9_]+)\\..*$");

    public static final ArchRule ADAPTERS_STAY_INSIDE_THEIR_MODULE = noClasses()
            .should(new ArchCondition<JavaClass>("use another module's adapters") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        // An array of a class is that class: its name ("[Ldev.cruxlog...;") would read as no module's.
                        String target = dependency.getTargetClass().getBaseComponentType().getName();
                        String from = moduleOf(origin.getName());
                        String to = moduleOf(target);
                        if (to != null && !to.equals(from) && target.contains(".adapter.")) {
                            events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("a module's adapters are its own; other modules use its API package");

    public static final ArchRule REST_BODIES_ARE_THE_MODULES_OWN = noMethods()
            .that().areMetaAnnotatedWith("org.springframework.web.bind.annotation.RequestMapping")
            .should(new ArchCondition<JavaMethod>("answer with another module's types (the platform's aside)") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    String own = moduleOf(method.getOwner().getName());
                    for (JavaClass answered : method.getReturnType().getAllInvolvedRawTypes()) {
                        String module = moduleOf(answered.getBaseComponentType().getName());
                        if (module != null && !module.equals(own) && !module.endsWith(".platform")) {
                            events.add(SimpleConditionEvent.satisfied(method,
                                    method.getFullName() + " answers with " + answered.getName()));
                        }
                    }
                }
            })
            .because("what a module's REST API answers is its contract with its callers, written in its own records: "
                    + "another module's records (analytics once served the logbook's statistics) would change that "
                    + "contract whenever the other module changes its API")
            .allowEmptyShould(true);

    public static final ArchRule BEANS_ARE_DECLARED_IN_CONFIGURATION = noMethods()
            .that().areAnnotatedWith("org.springframework.context.annotation.Bean")
            .should().beDeclaredInClassesThat().areMetaAnnotatedWith("org.springframework.stereotype.Controller")
            .because("a controller answers requests; the beans a module contributes are declared in its config "
                    + "package, where a reader looks for them")
            .allowEmptyShould(true);

    public static final ArchRule NO_BARE_INTERVALS = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.cruxlog.platform.Periodic")
            .should(callMethodWhere(target -> isCall(target, "reactor.core.publisher.Flux", "interval"), "Flux.interval"))
            .because("a bare interval fails for good once a slow consumer falls 32 ticks behind; "
                    + "dev.cruxlog.platform.Periodic drops the ticks nobody was ready for");

    public static final ArchRule NO_TUPLES_READ_BY_POSITION = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.cruxlog.platform.Zip")
            .should(callMethodWhere(target -> target.getOwner().isAssignableTo("reactor.util.function.Tuple2")
                    && target.getName().matches("getT[1-8]"), "a Reactor tuple's getT1() ... getT8()"))
            .because("things gathered at once are named where they are used: Reactor's two-source zip with a "
                    + "BiFunction, dev.cruxlog.platform.Zip.of for three to seven");

    public static final ArchRule[] ALL = {NO_JDBC_OR_BLOCKING_DATA_ACCESS, NO_BLOCKING_HTTP_CLIENTS,
            NO_BLOCKING_ON_PUBLISHERS, NO_THREAD_BLOCKING_CALLS, NO_JSOUP_CONNECT, NO_BLOCKING_FILE_OR_STREAM_READS,
            DOMAIN_IS_PLAIN_JAVA, APPLICATION_DOES_NOT_KNOW_ADAPTERS, APPLICATION_SPEAKS_NO_WIRE_FORMAT,
            INBOUND_ADAPTERS_DO_NOT_USE_OUTBOUND_ADAPTERS,
            ADAPTERS_STAY_INSIDE_THEIR_MODULE, BEANS_ARE_DECLARED_IN_CONFIGURATION, NO_BARE_INTERVALS,
            NO_TUPLES_READ_BY_POSITION, IN_ADAPTERS_IMPLEMENT_NO_OUT_PORTS, OUT_ADAPTERS_MEET_THROUGH_PORTS,
            MODULE_API_SPEAKS_NO_HTTP, REST_BODIES_ARE_THE_MODULES_OWN};

    static String moduleOf(String className) {
        Matcher matcher = MODULE_OF.matcher(className);
        return matcher.matches() ? matcher.group(1) + "." + matcher.group(2) : null;
    }

    private static boolean isCall(AccessTarget target, String owner, String name) {
        return target.getName().equals(name) && target.getOwner().isAssignableTo(owner);
    }

    /**
     * "Calls a method where ..." as a condition for {@code noClasses()}: each matching call is
     * reported as satisfied, which {@code noClasses()} turns into a violation naming the call.
     */
    private static ArchCondition<JavaClass> callMethodWhere(java.util.function.Predicate<AccessTarget> predicate,
                                                            String description) {
        return new ArchCondition<>("call " + description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                    if (predicate.test(access.getTarget())) {
                        events.add(SimpleConditionEvent.satisfied(origin, access.getDescription()));
                    }
                }
            }
        };
    }
}
