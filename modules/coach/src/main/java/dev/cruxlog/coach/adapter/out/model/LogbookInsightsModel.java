package dev.cruxlog.coach.adapter.out.model;

import dev.cruxlog.coach.application.CoachModel;
import dev.cruxlog.coach.domain.LogbookInsights;
import reactor.core.publisher.Flux;

/**
 * The coach when no model provider is configured: insights computed from the climber's own
 * data, streamed line by line like an answer, and labelled as computed.
 */
public class LogbookInsightsModel implements CoachModel {

    @Override
    public String name() {
        return "insights";
    }

    @Override
    public Flux<String> answer(Prompt prompt) {
        String text = LogbookInsights.answer(prompt.context());
        return Flux.fromArray(text.split("(?<=\n)"));
    }
}
