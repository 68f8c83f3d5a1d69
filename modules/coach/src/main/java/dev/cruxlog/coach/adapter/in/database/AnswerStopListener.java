package dev.cruxlog.coach.adapter.in.database;

import dev.cruxlog.coach.application.AnswerStops;
import dev.cruxlog.coach.application.AnswerService;
import dev.cruxlog.platform.database.ChannelListener;
import dev.cruxlog.platform.database.PostgresChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every instance hears every announced stop, on {@link AnswerStops#CHANNEL}, and stops the
 * answer if it is the one writing it. A stop sent while this listener reconnects is not heard:
 * there is nothing to catch up from, and such an answer finishes on its own (the climber can
 * cancel again).
 */
public class AnswerStopListener extends ChannelListener {

    private static final Logger log = LoggerFactory.getLogger(AnswerStopListener.class);

    private final AnswerService answers;

    public AnswerStopListener(PostgresChannel channel, AnswerService answers) {
        super(channel);
        this.answers = answers;
    }

    @Override
    protected Flux<String> hear(PostgresChannel channel) {
        return channel.payloads(Mono.empty()).doOnNext(this::heard);
    }

    private void heard(String payload) {
        AnswerStops.Stop.fromPayload(payload).ifPresentOrElse(answers::stopIfWrittenHere,
                () -> log.warn("Ignoring a malformed answer stop notification: {}", payload));
    }
}
