package dev.cruxlog.coach;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.analytics.Overviews;
import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.coach.AnswerStatus;
import dev.cruxlog.coach.application.AnswerService;
import dev.cruxlog.coach.application.CoachEvent;
import dev.cruxlog.coach.application.ConversationService;
import dev.cruxlog.coach.application.Conversations;
import dev.cruxlog.coach.application.QuotaExhausted;
import dev.cruxlog.coach.domain.ChatTurn;
import dev.cruxlog.coach.domain.PromptBuilder;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.testing.IdentityStandIn;
import dev.cruxlog.identity.testing.OwnerAccounts;
import dev.cruxlog.identity.testing.RecordingAccounts;
import dev.cruxlog.logbook.LogbookStatistics.Overview;
import dev.cruxlog.logbook.RecentTicks;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.TickView;
import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import dev.cruxlog.platform.database.ModuleSchema;
import dev.cruxlog.platform.testing.ModuleSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach module alone, where it meets PostgreSQL: conversations, answers, the daily allowance
 * and erasure, with the model it uses when none is configured (insights from the logbook, which
 * here is empty). The logbook, analytics and identity modules it asks for context are fakes of
 * their APIs; grades, reference data, is booted beside it.
 */
@ModuleSliceTest(extraIncludes = "grades")
@TestPropertySource(properties = "cruxlog.coach.daily-questions.free=2")
class CoachModuleSliceTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    AnswerService answers;

    @Autowired
    Conversations stored;

    @Autowired
    List<ErasesAccountData> erasures;

    @Autowired
    DatabaseClient db;

    @Autowired
    ApplicationContext context;

    @Test
    void theSliceHoldsTheCoachGradesAndTheFakesOfEveryOtherModule() {
        // Schemas: the coach's and the platform's, and identity's from its stand-in (owner foreign keys).
        assertThat(context.getBeansOfType(ModuleSchema.class).values()).extracting(ModuleSchema::name)
                .containsExactlyInAnyOrder("platform", "coach", "identity");
        assertThat(context.getBeansOfType(Grades.class)).as("grades, booted beside the coach").hasSize(1);
        assertThat(context.getBeansOfType(Pyramids.class).values()).singleElement().isInstanceOf(NoPyramids.class);
        assertThat(context.getBeansOfType(Overviews.class).values()).singleElement().isInstanceOf(NoPyramids.class);
        assertThat(context.getBeansOfType(RecentTicks.class).values()).singleElement().isInstanceOf(EmptyLogbook.class);
        assertThat(context.getBeansOfType(Accounts.class).values()).singleElement().isInstanceOf(RecordingAccounts.class);
    }

    @Test
    void anAnswerIsStreamedAndStoredWithItsQuestionInTheClimbersConversation() {
        UUID climber = OwnerAccounts.create(db);
        Conversations.Conversation conversation = conversations.start(climber, null).block(Duration.ofSeconds(10));

        List<CoachEvent> events = answers.ask(climber, Tier.FREE, conversation.id(), "What should I climb next?")
                .collectList().block(Duration.ofSeconds(30));

        assertThat(events).first().extracting(CoachEvent::type).isEqualTo("started");
        assertThat(events).last().satisfies(done -> {
            assertThat(done.type()).isEqualTo("done");
            assertThat(done.status()).isEqualTo(AnswerStatus.COMPLETE);
        });
        String streamed = events.stream().filter(event -> event.type().equals("token")).map(CoachEvent::text)
                .reduce("", String::concat);
        assertThat(streamed).isNotBlank();
        List<Conversations.Message> stored = conversations.messages(climber, conversation.id()).collectList()
                .block(Duration.ofSeconds(10));
        assertThat(stored).extracting(Conversations.Message::content).containsExactly("What should I climb next?", streamed);
        assertThat(stored).extracting(Conversations.Message::status).containsOnly(AnswerStatus.COMPLETE);
    }

    /** What a question reads of its conversation, in one statement: the last ten turns with content, oldest first. */
    @Test
    void aConversationIsReadWithItsLastTurnsOldestFirstAndOnlyByItsOwner() {
        UUID climber = OwnerAccounts.create(db);
        UUID stranger = OwnerAccounts.create(db);
        UUID conversation = conversations.start(climber, "Projecting").block(Duration.ofSeconds(10)).id();
        UUID empty = conversations.start(climber, null).block(Duration.ofSeconds(10)).id();
        PromptBuilder.Prompt sent = new PromptBuilder.Prompt(List.of(ChatTurn.user("sent")), 1, 6_000, 0, 0);
        for (int n = 1; n <= 6; n++) {
            List<UUID> ids = stored.addQuestionAndAnswer(climber, conversation, "Question " + n, sent, "model:test", null)
                    .block(Duration.ofSeconds(10));
            // The fourth answer was stopped before its first token: nothing of it is a turn.
            stored.finishAnswer(ids.get(1), n == 4 ? "" : "Answer " + n, n == 4 ? AnswerStatus.CANCELLED : AnswerStatus.COMPLETE)
                    .block(Duration.ofSeconds(10));
        }

        Conversations.SoFar soFar = stored.findWithLastTurns(climber, conversation, 10).block(Duration.ofSeconds(10));

        assertThat(soFar.conversation().title()).isEqualTo("Projecting");
        // Ten of the eleven messages with content.
        assertThat(soFar.lastTurns()).extracting(ChatTurn::content).containsExactly("Answer 1", "Question 2", "Answer 2",
                "Question 3", "Answer 3", "Question 4", "Question 5", "Answer 5", "Question 6", "Answer 6");
        assertThat(soFar.lastTurns()).extracting(ChatTurn::role).containsOnly(ChatTurn.Role.USER, ChatTurn.Role.ASSISTANT)
                .element(1).isEqualTo(ChatTurn.Role.USER);
        assertThat(stored.findWithLastTurns(climber, empty, 10).block(Duration.ofSeconds(10)).lastTurns()).isEmpty();
        assertThat(stored.findWithLastTurns(stranger, conversation, 10).blockOptional(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void questionsAskedAllAtOnceGetNoMoreThanTheDailyAllowance() {
        UUID climber = OwnerAccounts.create(db);
        UUID conversation = conversations.start(climber, null).block(Duration.ofSeconds(10)).id();

        // Five at once against an allowance of two: the counting statement decides, not a read before it.
        List<String> outcomes = Flux.range(1, 5)
                .flatMap(n -> answers.ask(climber, Tier.FREE, conversation, "Question " + n).then(Mono.just("answered"))
                        .onErrorResume(QuotaExhausted.class, refused -> Mono.just("refused")))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(outcomes).filteredOn("answered"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("refused"::equals).hasSize(3);
        assertThat(count("SELECT messages FROM coach.daily_usage WHERE owner_id = :key", climber)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM coach.message WHERE owner_id = :key AND role = 'user'", climber)).isEqualTo(2);
    }

    @Test
    void anotherClimbersConversationIsNeitherReadNorAnsweredIn() {
        UUID owner = OwnerAccounts.create(db);
        UUID stranger = OwnerAccounts.create(db);
        UUID conversation = conversations.start(owner, null).block(Duration.ofSeconds(10)).id();

        assertThat(conversations.conversation(stranger, conversation).blockOptional(Duration.ofSeconds(10))).isEmpty();
        assertThat(answers.ask(stranger, Tier.FREE, conversation, "Whose is this?").collectList()
                .block(Duration.ofSeconds(10))).isEmpty();
        assertThat(count("SELECT count(*) FROM coach.message WHERE conversation_id = :key", conversation)).isZero();
        assertThat(count("SELECT count(*) FROM coach.daily_usage WHERE owner_id = :key", stranger)).isZero();
    }

    @Test
    void erasingAnAccountTakesAllItsCoachRowsAndNoOneElses() {
        UUID leaving = OwnerAccounts.create(db);
        UUID staying = OwnerAccounts.create(db);
        for (UUID climber : List.of(leaving, staying)) {
            UUID conversation = conversations.start(climber, null).block(Duration.ofSeconds(10)).id();
            answers.ask(climber, Tier.FREE, conversation, "How was my year?").blockLast(Duration.ofSeconds(30));
        }

        Flux.fromIterable(erasures).concatMap(erasure -> erasure.erase(new AccountErased(leaving)))
                .then().block(Duration.ofSeconds(10));

        for (String table : List.of("conversation", "message", "daily_usage")) {
            assertThat(count("SELECT count(*) FROM coach." + table + " WHERE owner_id = :key", leaving)).as(table).isZero();
            assertThat(count("SELECT count(*) FROM coach." + table + " WHERE owner_id = :key", staying)).as(table).isPositive();
        }
    }

    private long count(String sql, UUID key) {
        return db.sql(sql).bind("key", key).map(row -> ((Number) row.get(0)).longValue()).one()
                .defaultIfEmpty(0L).block(Duration.ofSeconds(10));
    }

    /** Analytics as the coach sees it for a climber with no ticks yet. */
    static class NoPyramids implements Pyramids, Overviews {

        @Override
        public Mono<PyramidView> pyramid(UUID owner, String discipline, LocalDate from, LocalDate to, int levels,
                                         boolean includeFollows) {
            return Mono.empty();
        }

        @Override
        public Mono<List<PyramidView>> wholeLogbook(UUID owner, List<String> disciplines, int levels) {
            return Mono.just(List.of());
        }

        @Override
        public Mono<List<PyramidView>> wholeLogbook(UUID owner, ClimberSettings settings, List<String> disciplines, int levels) {
            return Mono.just(List.of());
        }

        @Override
        public Mono<Overview> overview(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Mono.just(new Overview(0, 0, 0, null, 0, 0, 0, Map.of(), List.of(), List.of(), List.of(), 0, 0, Map.of()));
        }
    }

    /** The logbook's recent ticks of an empty logbook. */
    static class EmptyLogbook implements RecentTicks {

        @Override
        public Flux<TickView> since(UUID owner, LocalDate since, int limit) {
            return Flux.empty();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModules extends IdentityStandIn {

        @Bean
        NoPyramids pyramids() {
            return new NoPyramids();
        }

        @Bean
        EmptyLogbook logbook() {
            return new EmptyLogbook();
        }
    }
}
