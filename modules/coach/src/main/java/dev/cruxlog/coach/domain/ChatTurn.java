package dev.cruxlog.coach.domain;

/** One message as a chat model sees it. */
public record ChatTurn(Role role, String content) {

    public enum Role {
        SYSTEM, USER, ASSISTANT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ChatTurn system(String content) {
        return new ChatTurn(Role.SYSTEM, content);
    }

    public static ChatTurn user(String content) {
        return new ChatTurn(Role.USER, content);
    }

    public static ChatTurn assistant(String content) {
        return new ChatTurn(Role.ASSISTANT, content);
    }
}
