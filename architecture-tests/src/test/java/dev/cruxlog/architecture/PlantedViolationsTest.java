package dev.cruxlog.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import cruxlogfixtures.blocking.PlantedBareInterval;
import cruxlogfixtures.blocking.PlantedCompletableFutureJoin;
import cruxlogfixtures.blocking.PlantedFileRead;
import cruxlogfixtures.blocking.PlantedFluxToIterable;
import cruxlogfixtures.blocking.PlantedHttpUrlConnection;
import cruxlogfixtures.blocking.PlantedJdbc;
import cruxlogfixtures.blocking.PlantedJdbcTemplate;
import cruxlogfixtures.blocking.PlantedJsoupConnect;
import cruxlogfixtures.blocking.PlantedMonoBlock;
import cruxlogfixtures.blocking.PlantedRestClient;
import cruxlogfixtures.blocking.PlantedThreadSleep;
import cruxlogfixtures.blocking.PlantedTupleByPosition;
import cruxlogfixtures.blockingio.AllowedFileRead;
import cruxlogfixtures.hexagon.adapter.in.PlantedBeanInController;
import cruxlogfixtures.hexagon.adapter.in.PlantedControllerUsingRepository;
import cruxlogfixtures.hexagon.adapter.in.PlantedReaderUnderAdapterIn;
import cruxlogfixtures.hexagon.adapter.out.crypto.PlantedSignerUsingStoredKeys;
import cruxlogfixtures.hexagon.application.PlantedServiceReadingJson;
import cruxlogfixtures.hexagon.application.PlantedServiceUsingAdapter;
import cruxlogfixtures.hexagon.domain.PlantedSpringInDomain;
import cruxlogfixtures.modules.alpha.PlantedCrossModuleAdapterUse;
import cruxlogfixtures.modules.alpha.PlantedExchangeInModuleApi;
import cruxlogfixtures.modules.alpha.adapter.in.web.PlantedControllerServingAnotherModulesRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A gate that cannot fail proves nothing: each rule is run over a class that breaks it
 * (in {@code cruxlogfixtures}, outside the packages the real check scans) and must fail
 * with a message naming that class.
 */
class PlantedViolationsTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of(CruxlogRules.NO_BLOCKING_ON_PUBLISHERS, PlantedMonoBlock.class),
                Arguments.of(CruxlogRules.NO_BLOCKING_ON_PUBLISHERS, PlantedFluxToIterable.class),
                Arguments.of(CruxlogRules.NO_JDBC_OR_BLOCKING_DATA_ACCESS, PlantedJdbc.class),
                Arguments.of(CruxlogRules.NO_JDBC_OR_BLOCKING_DATA_ACCESS, PlantedJdbcTemplate.class),
                Arguments.of(CruxlogRules.NO_BLOCKING_HTTP_CLIENTS, PlantedRestClient.class),
                Arguments.of(CruxlogRules.NO_BLOCKING_HTTP_CLIENTS, PlantedHttpUrlConnection.class),
                Arguments.of(CruxlogRules.NO_THREAD_BLOCKING_CALLS, PlantedThreadSleep.class),
                Arguments.of(CruxlogRules.NO_THREAD_BLOCKING_CALLS, PlantedCompletableFutureJoin.class),
                Arguments.of(CruxlogRules.NO_JSOUP_CONNECT, PlantedJsoupConnect.class),
                Arguments.of(CruxlogRules.NO_BLOCKING_FILE_OR_STREAM_READS, PlantedFileRead.class),
                Arguments.of(CruxlogRules.DOMAIN_IS_PLAIN_JAVA, PlantedSpringInDomain.class),
                Arguments.of(CruxlogRules.APPLICATION_DOES_NOT_KNOW_ADAPTERS, PlantedServiceUsingAdapter.class),
                Arguments.of(CruxlogRules.APPLICATION_SPEAKS_NO_WIRE_FORMAT, PlantedServiceReadingJson.class),
                Arguments.of(CruxlogRules.INBOUND_ADAPTERS_DO_NOT_USE_OUTBOUND_ADAPTERS,
                        PlantedControllerUsingRepository.class),
                Arguments.of(CruxlogRules.ADAPTERS_STAY_INSIDE_THEIR_MODULE, PlantedCrossModuleAdapterUse.class),
                Arguments.of(CruxlogRules.BEANS_ARE_DECLARED_IN_CONFIGURATION, PlantedBeanInController.class),
                Arguments.of(CruxlogRules.NO_BARE_INTERVALS, PlantedBareInterval.class),
                Arguments.of(CruxlogRules.NO_TUPLES_READ_BY_POSITION, PlantedTupleByPosition.class),
                Arguments.of(CruxlogRules.IN_ADAPTERS_IMPLEMENT_NO_OUT_PORTS, PlantedReaderUnderAdapterIn.class),
                Arguments.of(CruxlogRules.OUT_ADAPTERS_MEET_THROUGH_PORTS, PlantedSignerUsingStoredKeys.class),
                Arguments.of(CruxlogRules.MODULE_API_SPEAKS_NO_HTTP, PlantedExchangeInModuleApi.class),
                Arguments.of(CruxlogRules.REST_BODIES_ARE_THE_MODULES_OWN, PlantedControllerServingAnotherModulesRecord.class));
    }

    @ParameterizedTest(name = "{1} breaks: {0}")
    @MethodSource("violations")
    void theRuleFailsAndNamesTheClass(ArchRule rule, Class<?> planted) {
        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(planted)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(planted.getName());
    }

    @Test
    void fileReadsAreAllowedInsideABlockingIoPackage() {
        assertThatCode(() -> CruxlogRules.NO_BLOCKING_FILE_OR_STREAM_READS
                .check(new ClassFileImporter().importClasses(AllowedFileRead.class)))
                .doesNotThrowAnyException();
    }
}
