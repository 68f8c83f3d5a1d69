package dev.cruxlog.coach.adapter.in.web;

import java.util.List;
import java.util.Map;

/** The context stored with a question, as the "what the coach saw" page shows it. */
public record SentContext(int estimatedTokens, int budget, int ticksLeftOut, int messagesLeftOut,
                          List<Map<String, String>> messages) {
}
