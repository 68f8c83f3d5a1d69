package dev.cruxlog.coach.adapter.out.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.cruxlog.coach.AnswerStatus;
import dev.cruxlog.coach.application.Conversations;
import dev.cruxlog.coach.domain.ChatTurn;
import dev.cruxlog.coach.domain.PromptBuilder;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcConversations implements Conversations {

    private static final String CONVERSATION = "id, title, created_at, updated_at";
    private static final String MESSAGE = "id, role, content, status, answered_by, helpful, feedback, created_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcConversations(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<Conversation> create(UUID owner, String title) {
        return db.sql("INSERT INTO coach.conversation (owner_id, title) VALUES (:owner, :title) RETURNING " + CONVERSATION)
                .bind("owner", owner).bind("title", title).map(R2dbcConversations::conversation).one();
    }

    @Override
    public Flux<Conversation> list(UUID owner) {
        return db.sql("SELECT " + CONVERSATION + " FROM coach.conversation WHERE owner_id = :owner ORDER BY updated_at DESC")
                .bind("owner", owner).map(R2dbcConversations::conversation).all();
    }

    @Override
    public Mono<Conversation> find(UUID owner, UUID id) {
        return db.sql("SELECT " + CONVERSATION + " FROM coach.conversation WHERE owner_id = :owner AND id = :id")
                .bind("owner", owner).bind("id", id).map(R2dbcConversations::conversation).one();
    }

    @Override
    public Mono<Conversation> rename(UUID owner, UUID id, String title) {
        return db.sql("UPDATE coach.conversation SET title = :title, updated_at = now() WHERE owner_id = :owner AND id = :id "
                        + "RETURNING " + CONVERSATION)
                .bind("owner", owner).bind("id", id).bind("title", title).map(R2dbcConversations::conversation).one();
    }

    @Override
    public Mono<Boolean> delete(UUID owner, UUID id) {
        return db.sql("DELETE FROM coach.conversation WHERE owner_id = :owner AND id = :id").bind("owner", owner).bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    @Override
    public Flux<Message> messages(UUID owner, UUID conversationId) {
        return db.sql("SELECT " + MESSAGE + " FROM coach.message WHERE owner_id = :owner AND conversation_id = :conversation "
                        + "ORDER BY created_at, id")
                .bind("owner", owner).bind("conversation", conversationId).map(R2dbcConversations::message).all();
    }

    @Override
    public Mono<Message> answer(UUID owner, UUID conversationId, UUID answerId) {
        return db.sql("SELECT " + MESSAGE + " FROM coach.message WHERE owner_id = :owner AND conversation_id = :conversation "
                        + "AND id = :id AND role = 'assistant'")
                .bind("owner", owner).bind("conversation", conversationId).bind("id", answerId)
                .map(R2dbcConversations::message).one();
    }

    /** The conversation's row repeated beside each of its last turns (once, with no turn, when it has none). */
    @Override
    public Mono<SoFar> findWithLastTurns(UUID owner, UUID id, int count) {
        return db.sql("""
                        SELECT c.id, c.title, c.created_at, c.updated_at, t.role, t.content
                          FROM coach.conversation c
                          LEFT JOIN LATERAL (SELECT m.role, m.content, m.created_at, m.id FROM coach.message m
                                              WHERE m.owner_id = c.owner_id AND m.conversation_id = c.id AND m.content <> ''
                                              ORDER BY m.created_at DESC, m.id DESC LIMIT :count) t ON true
                         WHERE c.owner_id = :owner AND c.id = :id
                         ORDER BY t.created_at, t.id""")
                .bind("owner", owner).bind("id", id).bind("count", count)
                .map(row -> {
                    String role = row.get("role", String.class);
                    return new ConversationAndTurn(conversation(row), role == null ? null
                            : "user".equals(role) ? ChatTurn.user(row.get("content", String.class))
                            : ChatTurn.assistant(row.get("content", String.class)));
                })
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> new SoFar(rows.get(0).conversation(),
                        rows.stream().map(ConversationAndTurn::turn).filter(Objects::nonNull).toList()));
    }

    /** @param turn null on the one row of a conversation without turns */
    private record ConversationAndTurn(Conversation conversation, ChatTurn turn) {
    }

    /**
     * One statement, so atomic without a transaction of its own (a BEGIN and a COMMIT were two of
     * a question's round trips): the conversation is touched and both messages written only if
     * it is the owner's. The answer is timed a microsecond after its question, as messages are
     * listed by time.
     */
    @Override
    public Mono<List<UUID>> addQuestionAndAnswer(UUID owner, UUID conversationId, String question, PromptBuilder.Prompt sent,
                                                 String answeredBy, String titleIfNew) {
        return db.sql("""
                        WITH touched AS (
                            UPDATE coach.conversation SET updated_at = now(), title = coalesce(:title, title)
                             WHERE id = :conversation AND owner_id = :owner RETURNING id, owner_id, clock_timestamp() AS at),
                        asked AS (
                            INSERT INTO coach.message (conversation_id, owner_id, role, content, context, created_at)
                            SELECT id, owner_id, 'user', :content, CAST(:context AS jsonb), at FROM touched RETURNING id),
                        answer AS (
                            INSERT INTO coach.message (conversation_id, owner_id, role, status, answered_by, created_at)
                            SELECT id, owner_id, 'assistant', 'streaming', :answeredBy, at + interval '1 microsecond'
                              FROM touched RETURNING id)
                        SELECT asked.id AS question_id, answer.id AS answer_id FROM asked, answer""")
                .bind("conversation", conversationId).bind("owner", owner).bind("content", question)
                .bind("context", contextJson(sent)).bind("answeredBy", answeredBy)
                .bind("title", Parameter.fromOrEmpty(titleIfNew, String.class))
                .map(row -> List.of(row.get("question_id", UUID.class), row.get("answer_id", UUID.class))).one();
    }

    /** The prompt as the climber reads it back ({@code GET .../context}): the estimate, what was left out, the messages. */
    private String contextJson(PromptBuilder.Prompt prompt) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("estimatedTokens", prompt.estimatedTokens());
        context.put("budget", prompt.budget());
        context.put("ticksLeftOut", prompt.ticksLeftOut());
        context.put("messagesLeftOut", prompt.messagesLeftOut());
        context.put("messages", prompt.messages().stream()
                .map(turn -> Map.of("role", turn.role().wire(), "content", turn.content())).toList());
        return json.writeValueAsString(context);
    }

    @Override
    public Mono<Void> finishAnswer(UUID answerId, String content, AnswerStatus status) {
        return db.sql("UPDATE coach.message SET content = :content, status = :status WHERE id = :id AND role = 'assistant'")
                .bind("id", answerId).bind("content", content).bind("status", status.id()).then();
    }

    @Override
    public Flux<AbandonedAnswer> failAbandonedAnswers(Duration olderThan) {
        return db.sql("UPDATE coach.message SET status = :failed WHERE role = 'assistant' AND status = :streaming "
                        + "AND created_at < now() - make_interval(secs => :seconds) "
                        + "RETURNING owner_id, created_at, coalesce(content, '') = '' AS wrote_nothing")
                .bind("failed", AnswerStatus.FAILED.id()).bind("streaming", AnswerStatus.STREAMING.id())
                .bind("seconds", (double) olderThan.toSeconds())
                .map(row -> new AbandonedAnswer(row.get("owner_id", UUID.class),
                        row.get("created_at", OffsetDateTime.class).toInstant(),
                        Boolean.TRUE.equals(row.get("wrote_nothing", Boolean.class))))
                .all();
    }

    @Override
    public Mono<Message> feedback(UUID owner, UUID conversationId, UUID messageId, boolean helpful, String text) {
        return db.sql("UPDATE coach.message SET helpful = :helpful, feedback = :feedback WHERE owner_id = :owner "
                        + "AND conversation_id = :conversation AND id = :id AND role = 'assistant' RETURNING " + MESSAGE)
                .bind("owner", owner).bind("conversation", conversationId).bind("id", messageId).bind("helpful", helpful)
                .bind("feedback", Parameter.fromOrEmpty(text, String.class)).map(R2dbcConversations::message).one();
    }

    /** A question's own context; for an answer, the context of the question just before it. */
    @Override
    public Mono<String> context(UUID owner, UUID conversationId, UUID messageId) {
        return db.sql("""
                        SELECT q.context::text AS context
                          FROM coach.message m
                          JOIN coach.message q ON q.conversation_id = m.conversation_id AND q.owner_id = m.owner_id
                                              AND q.role = 'user' AND (q.created_at, q.id) <= (m.created_at, m.id)
                                              AND (m.role = 'assistant' OR q.id = m.id)
                         WHERE m.owner_id = :owner AND m.conversation_id = :conversation AND m.id = :id
                           AND q.context IS NOT NULL
                         ORDER BY q.created_at DESC, q.id DESC LIMIT 1""")
                .bind("owner", owner).bind("conversation", conversationId).bind("id", messageId)
                .map(row -> row.get("context", String.class)).one();
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM coach.message WHERE owner_id = :owner").bind("owner", owner).then()
                .then(db.sql("DELETE FROM coach.conversation WHERE owner_id = :owner").bind("owner", owner).then());
    }

    private static Conversation conversation(Readable row) {
        return new Conversation(row.get("id", UUID.class), row.get("title", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }

    private static Message message(Readable row) {
        return new Message(row.get("id", UUID.class), row.get("role", String.class), row.get("content", String.class),
                AnswerStatus.fromId(row.get("status", String.class)), row.get("answered_by", String.class), row.get("helpful", Boolean.class),
                row.get("feedback", String.class), row.get("created_at", OffsetDateTime.class));
    }
}
