package dev.cruxlog.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The coach without a model provider (the shared test configuration sets none): conversations,
 * feedback, the climber profile, answers computed from the logbook and labelled as such, the
 * pages, and erasure with the account.
 */
@CruxlogIntegrationTest
class CoachTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    Climbers climbers;

    @BeforeEach
    void setUp() {
        climbers = new Climbers(http);
    }

    @Test
    void withoutAModelTheCoachAnswersWithLabelledInsightsFromTheClimbersPyramid() {
        Climber climber = climbers.verified("insights");
        new LogbookImports(http).upload(climber, SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"), "t.csv", null);
        Map<String, Object> pyramid = get(climber, "/api/v1/analytics/pyramid?discipline=sport");
        @SuppressWarnings("unchecked")
        Map<String, Object> top = ((List<Map<String, Object>>) pyramid.get("levels")).get(0);
        String conversation = create(climber, Map.of("title", "Autumn plan")).get("id").toString();

        String stream = http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages")
                .header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("content", "What should I work on?"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(stream).contains("event:started").contains("event:done").contains("\"answeredBy\":\"insights\"");
        Map<String, Object> answer = messages(climber, conversation).get(1);
        assertThat(answer.get("answeredBy")).isEqualTo("insights");
        assertThat(answer.get("content").toString()).startsWith("Insights from your logbook (no AI model is configured")
                .contains("Your sport pyramid tops out at " + top.get("grade") + " with " + top.get("sends"));
    }

    /**
     * The settings a question reads once are handed to analytics for the pyramids (their grade
     * system), and the turns read with the conversation reach the prompt: what the coach saw shows
     * both. (How many statements a question takes is measured, not tested: docs/benchmarks.md.)
     */
    @Test
    @SuppressWarnings("unchecked")
    void whatTheCoachSawIsInTheClimbersGradeSystemWithTheConversationSoFar() {
        Climber climber = climbers.verified("french-reader");
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("preferredGradeSystems", Map.of("route", "french"))).exchange().expectStatus().isOk();
        new LogbookImports(http).upload(climber, SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"), "t.csv", null);
        Map<String, Object> top = ((List<Map<String, Object>>) get(climber, "/api/v1/analytics/pyramid?discipline=sport")
                .get("levels")).get(0);
        assertThat(top.get("grade").toString()).as("a French grade").matches("[4-9][abc]\\+?");
        String conversation = create(climber, Map.of()).get("id").toString();

        for (String question : List.of("What should I work on?", "And after that?")) {
            http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(Map.of("content", question)).exchange().expectStatus().isOk().expectBody(String.class)
                    .returnResult();
        }
        List<Map<String, Object>> messages = messages(climber, conversation);
        assertThat(messages).hasSize(4);
        String secondQuestion = messages.get(2).get("id").toString();
        String saw = http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages/" + secondQuestion + "/context")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(saw).contains("- " + top.get("grade") + ": " + top.get("sends") + " sends")
                .contains("What should I work on?")
                .contains(messages.get(1).get("content").toString().lines().findFirst().orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInsightsAnswerTheGradeTheQuestionNames() {
        // Issue #16: asked about 5.12a, the insights repeated the advice for the next grade up (5.11b).
        Climber climber = climbers.verified("named-grade");
        new LogbookImports(http).upload(climber, SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"), "t.csv", null);
        Map<String, Integer> sends = new java.util.HashMap<>();
        ((List<Map<String, Object>>) get(climber, "/api/v1/analytics/pyramid?discipline=sport&levels=12").get("levels"))
                .forEach(level -> sends.put((String) level.get("grade"), (Integer) level.get("sends")));

        String twelveA = ask(climber, "What do I need for 5.12a?");
        assertThat(twelveA).contains("You asked about 5.12a (sport): you have " + sends.getOrDefault("5.12a", 0) + " send")
                .contains("2 at 5.11d (you have " + sends.getOrDefault("5.11d", 0) + ")")
                .contains("4 at 5.11c (you have " + sends.getOrDefault("5.11c", 0) + ")")
                .contains("8 at 5.11b (you have " + sends.getOrDefault("5.11b", 0) + ")")
                .contains("16 at 5.11a (you have " + sends.getOrDefault("5.11a", 0) + ")");
        String elevenB = ask(climber, "and 5.11b, in the last 30 days?");
        assertThat(elevenB).contains("You asked about 5.11b (sport)").contains("2 at 5.11a (you have ")
                .doesNotContain("You asked about 5.12a");
        // A question without a grade gets the general picture only; "30 days" is not a grade.
        assertThat(ask(climber, "How was my last 30 days?")).doesNotContain("You asked about");
    }

    private String ask(Climber climber, String question) {
        String conversation = create(climber, Map.of()).get("id").toString();
        http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("content", question)).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        return messages(climber, conversation).get(1).get("content").toString();
    }

    @Test
    void conversationsAreCreatedListedRenamedGivenFeedbackAndDeletedOnlyByTheirOwner() {
        Climber climber = climbers.verified("talker");
        Climber stranger = climbers.verified("stranger");
        String id = create(climber, Map.of()).get("id").toString();
        assertThat(get(climber, "/api/v1/coach/conversations/" + id).get("title")).isEqualTo("New conversation");

        http.patch().uri("/api/v1/coach/conversations/" + id).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Finger strength"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Finger strength");
        http.patch().uri("/api/v1/coach/conversations/" + id).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", " "))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        http.post().uri("/api/v1/coach/conversations/" + id + "/messages").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("content", "Hangboard?"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        String answerId = messages(climber, id).get(1).get("id").toString();
        http.put().uri("/api/v1/coach/conversations/" + id + "/messages/" + answerId + "/feedback")
                .header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("helpful", false, "text", "Too generic"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.helpful").isEqualTo(false)
                .jsonPath("$.feedback").isEqualTo("Too generic");

        http.get().uri("/api/v1/coach/conversations").header("Authorization", stranger.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
            http.method(method).uri("/api/v1/coach/conversations/" + id).header("Authorization", stranger.bearer())
                    .exchange().expectStatus().isNotFound();
        }
        http.put().uri("/api/v1/coach/conversations/" + id + "/messages/" + answerId + "/feedback")
                .header("Authorization", stranger.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("helpful", true)).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/coach/conversations/" + id + "/messages").header("Authorization", stranger.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("content", "Mine now?"))
                .exchange().expectStatus().isNotFound();

        http.delete().uri("/api/v1/coach/conversations/" + id).header("Authorization", climber.bearer())
                .exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/coach/conversations/" + id).header("Authorization", climber.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theProfileIsSavedShownToTheCoachAndErasedWithTheAccount() {
        Climber climber = climbers.verified("profiled");
        http.put().uri("/api/v1/coach/profile").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("goals", "Onsight 6c by summer", "yearsClimbing", 4, "weakestHolds", "slopers"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.goals").isEqualTo("Onsight 6c by summer");
        http.put().uri("/api/v1/coach/profile").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("yearsClimbing", 400)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("yearsClimbing");
        String conversation = create(climber, Map.of()).get("id").toString();
        http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("content", "Where do I start?"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        String questionId = messages(climber, conversation).get(0).get("id").toString();
        String context = http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages/" + questionId + "/context")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(context).contains("Goals: Onsight 6c by summer").contains("Weakest holds: slopers");

        String ownerId = get(climber, "/api/v1/users/me").get("id").toString();
        assertThat(count("coach.message", ownerId)).isEqualTo(2);
        http.method(HttpMethod.DELETE).uri("/api/v1/users/me").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password()))
                .exchange().expectStatus().isNoContent();
        for (String table : List.of("coach.climber_profile", "coach.conversation", "coach.message", "coach.daily_usage")) {
            assertThat(count(table, ownerId)).as(table).isZero();
        }
    }

    @Test
    void aSecondSaveReplacesTheWholeProfileAndNoOtherClimbersOne() {
        Climber climber = climbers.verified("profile-twice");
        Climber other = climbers.verified("profile-other");
        put(other, Map.of("goals", "Send the roof", "sessionsPerWeek", 2));
        put(climber, Map.of("goals", "Onsight 6c", "weakestHolds", "slopers", "yearsClimbing", 4));
        put(climber, Map.of("goals", "Redpoint 7a", "sessionMinutes", 90));

        http.get().uri("/api/v1/coach/profile").header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.goals").isEqualTo("Redpoint 7a")
                .jsonPath("$.sessionMinutes").isEqualTo(90)
                // Replaced whole: what the second save left out is gone, not kept from the first.
                .jsonPath("$.weakestHolds").doesNotExist()
                .jsonPath("$.yearsClimbing").doesNotExist();
        http.get().uri("/api/v1/coach/profile").header("Authorization", other.bearer()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.goals").isEqualTo("Send the roof")
                .jsonPath("$.sessionsPerWeek").isEqualTo(2);
        String ownerId = get(climber, "/api/v1/users/me").get("id").toString();
        assertThat(count("coach.climber_profile", ownerId)).isEqualTo(1);
    }

    private void put(Climber climber, Map<String, Object> profile) {
        http.put().uri("/api/v1/coach/profile").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(profile).exchange().expectStatus().isOk();
    }

    @Test
    void thePagesListConversationsStreamWithoutScriptsAndShowWhatTheCoachSaw() {
        Climber climber = climbers.verified("coach-pages");
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));

        Document coach = browser.get("/coach").document();
        assertThat(coach.select("h1").text()).isEqualTo("Coach");
        assertThat(coach.select("nav a[href=/coach]")).isNotEmpty();
        assertThat(coach.select("#allowance").text()).contains("questions a day");
        assertThat(coach.select(".empty-state").text()).as("the example in the climber's grades (YDS by default)")
                .contains("to climb 5.12a?");
        Browser.Page started = browser.post("/coach/conversations", Map.of());
        assertThat(started.location()).startsWith("/coach/");
        String page = started.location();

        browser.get(page);
        Browser.Page asked = browser.post(page + "/ask", Map.of("content", "Is my volume enough?"));
        assertThat(asked.location()).isEqualTo(page);
        Document conversation = browser.get(page).document();
        assertThat(conversation.select("#messages li.user .chat-text").text()).isEqualTo("Is my volume enough?");
        assertThat(conversation.select("#messages li.assistant .chat-text").text()).startsWith("Insights from your logbook");
        // The answer's "- " lines are a list on the page, not raw dashes.
        assertThat(conversation.select("#messages li.assistant .chat-text ul li")).isNotEmpty();
        assertThat(conversation.select("#messages li.assistant .chat-text").text()).doesNotContain("\n- ");
        assertThat(conversation.select("#messages li.assistant .chat-text p").first().text()).doesNotStartWith("- ");
        assertThat(conversation.select("label[for=content]").text()).isEqualTo("Your question");
        String contextLink = conversation.select("#messages li.user a").attr("href");
        Document saw = browser.get(contextLink).document();
        assertThat(saw.select("h1").text()).isEqualTo("What the coach saw");
        assertThat(saw.select("pre.context-text").text()).contains("Is my volume enough?");

        Browser.Page blank = browser.post(page + "/ask", Map.of("content", " "));
        assertThat(blank.status().value()).isEqualTo(422);
        assertThat(blank.document().select(".flash.error").text()).contains("ask the coach something");

        Document profile = browser.get("/coach/profile").document();
        assertThat(profile.select("label[for=goals]").text()).isEqualTo("Goals");
        Browser.Page wrong = browser.post("/coach/profile", Map.of("goals", "Climb El Cap", "yearsClimbing", "lots"));
        assertThat(wrong.status().value()).isEqualTo(422);
        assertThat(wrong.document().select(".flash.error").text()).contains("whole number");
        assertThat(wrong.document().select("#goals").text()).isEqualTo("Climb El Cap");
        Browser.Page saved = browser.post("/coach/profile", Map.of("goals", "Climb El Cap", "yearsClimbing", "7"));
        assertThat(saved.document().select(".flash.success").text()).contains("Saved");
        assertThat(saved.document().select("#yearsClimbing").attr("value")).isEqualTo("7");
    }

    @Autowired
    dev.cruxlog.coach.application.AbandonedAnswers abandoned;

    @Test
    void answersLeftStreamingByAStoppedInstanceAreMarkedFailedAndFreshOnesAreLeftAlone() {
        Climber climber = climbers.verified("abandoned");
        String conversation = create(climber, Map.of()).get("id").toString();
        String owner = get(climber, "/api/v1/users/me").get("id").toString();
        for (String age : List.of("1 hour", "1 second")) {
            db.sql("INSERT INTO coach.message (conversation_id, owner_id, role, content, status, created_at) "
                            + "VALUES (CAST(:conversation AS uuid), CAST(:owner AS uuid), 'assistant', 'half an answer', "
                            + "'streaming', now() - CAST(:age AS interval))")
                    .bind("conversation", conversation).bind("owner", owner).bind("age", age)
                    .then().block(Duration.ofSeconds(10));
        }

        assertThat(abandoned.sweep().block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1L);

        assertThat(messages(climber, conversation)).extracting(m -> m.get("status"))
                .containsExactlyInAnyOrder("failed", "streaming");
        assertThat(messages(climber, conversation)).allSatisfy(m -> assertThat(m.get("content")).isEqualTo("half an answer"));
    }

    /** Issue #18 (R2): an answer cut with its instance stored nothing, so its question is given back. */
    @Test
    void aQuestionWhoseAbandonedAnswerStoredNothingIsGivenBackToThatDaysAllowance() {
        Climber climber = climbers.verified("abandoned-refund");
        String conversation = create(climber, Map.of()).get("id").toString();
        String owner = get(climber, "/api/v1/users/me").get("id").toString();
        String askedOn = "CAST((now() - interval '1 hour') AT TIME ZONE 'UTC' AS date)";
        db.sql("INSERT INTO coach.daily_usage (owner_id, day, messages) VALUES (CAST(:owner AS uuid), " + askedOn + ", 2)")
                .bind("owner", owner).then().block(Duration.ofSeconds(10));
        for (String content : List.of("", "half an answer")) {
            db.sql("INSERT INTO coach.message (conversation_id, owner_id, role, content, status, created_at) "
                            + "VALUES (CAST(:conversation AS uuid), CAST(:owner AS uuid), 'assistant', :content, "
                            + "'streaming', now() - interval '1 hour')")
                    .bind("conversation", conversation).bind("owner", owner).bind("content", content)
                    .then().block(Duration.ofSeconds(10));
        }

        abandoned.sweep().block(Duration.ofSeconds(10));

        assertThat(messages(climber, conversation)).extracting(m -> m.get("status")).containsExactly("failed", "failed");
        // One question given back (the answer with nothing stored), the other kept: 2 - 1.
        assertThat(db.sql("SELECT messages FROM coach.daily_usage WHERE owner_id = CAST(:owner AS uuid) AND day = " + askedOn)
                .bind("owner", owner).map(row -> row.get("messages", Integer.class)).one().block(Duration.ofSeconds(10)))
                .isEqualTo(1);
    }

    private Map<String, Object> create(Climber climber, Map<String, Object> body) {
        return http.post().uri("/api/v1/coach/conversations").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> get(Climber climber, String path) {
        return http.get().uri(path).header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> messages(Climber climber, String conversation) {
        return http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBodyList(MAP).returnResult().getResponseBody();
    }

    private long count(String table, String ownerId) {
        return new DatabaseRows(db).count("SELECT count(*) FROM " + table + " WHERE owner_id = CAST(:owner AS uuid)",
                Map.of("owner", ownerId));
    }
}
