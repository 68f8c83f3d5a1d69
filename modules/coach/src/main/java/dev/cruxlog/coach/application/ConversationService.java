package dev.cruxlog.coach.application;

import java.util.UUID;

import dev.cruxlog.platform.InvalidInput;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A climber's conversations with the coach: starting, naming, listing, reading and deleting
 * them, and the feedback and stored context of their messages. Asking is {@link AnswerService}'s.
 */
@Service
public class ConversationService {

    public static final int MAX_TITLE = 120;
    public static final String NEW_CONVERSATION = "New conversation";
    static final int MAX_FEEDBACK = 2_000;

    private final Conversations conversations;

    public ConversationService(Conversations conversations) {
        this.conversations = conversations;
    }

    public Mono<Conversations.Conversation> start(UUID owner, String title) {
        return Mono.fromCallable(() -> title(title == null || title.isBlank() ? NEW_CONVERSATION : title))
                .flatMap(clean -> conversations.create(owner, clean));
    }

    public Flux<Conversations.Conversation> conversations(UUID owner) {
        return conversations.list(owner);
    }

    public Mono<Conversations.Conversation> conversation(UUID owner, UUID id) {
        return conversations.find(owner, id);
    }

    public Mono<Conversations.Conversation> rename(UUID owner, UUID id, String title) {
        return Mono.fromCallable(() -> title(title)).flatMap(clean -> conversations.rename(owner, id, clean));
    }

    public Mono<Boolean> delete(UUID owner, UUID id) {
        return conversations.delete(owner, id);
    }

    public Flux<Conversations.Message> messages(UUID owner, UUID conversationId) {
        return conversations.messages(owner, conversationId);
    }

    public Mono<Conversations.Message> feedback(UUID owner, UUID conversationId, UUID messageId, boolean helpful, String text) {
        return Mono.defer(() -> {
            if (text != null && text.length() > MAX_FEEDBACK) {
                return Mono.error(new InvalidInput("text", "at most " + MAX_FEEDBACK + " characters"));
            }
            return conversations.feedback(owner, conversationId, messageId, helpful,
                    text == null || text.isBlank() ? null : text.strip());
        });
    }

    public Mono<String> context(UUID owner, UUID conversationId, UUID messageId) {
        return conversations.context(owner, conversationId, messageId);
    }

    /** A conversation's name as stored: spaces folded, at most {@value #MAX_TITLE} characters. */
    static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInput("title", "give the conversation a name");
        }
        String clean = title.strip().replaceAll("\\s+", " ");
        if (clean.length() > MAX_TITLE) {
            throw new InvalidInput("title", "at most " + MAX_TITLE + " characters");
        }
        return clean;
    }
}
