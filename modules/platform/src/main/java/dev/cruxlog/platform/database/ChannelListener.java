package dev.cruxlog.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Hears a {@link PostgresChannel} for as long as the application runs: started and stopped
 * with it, like any other lifecycle bean. What is done with each payload is the subclass's
 * ({@link #hear(PostgresChannel)}); the channel reconnects on its own when its connection drops.
 */
public abstract class ChannelListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);

    private final PostgresChannel channel;
    private volatile Disposable listening;

    protected ChannelListener(PostgresChannel channel) {
        this.channel = channel;
    }

    /** What listening does: the channel's payloads (and anything merged beside them), acted on. */
    protected abstract Flux<?> hear(PostgresChannel channel);

    @Override
    public void start() {
        listening = hear(channel).subscribe(null, e -> log.error("{} stopped", getClass().getSimpleName(), e));
    }

    @Override
    public void stop() {
        Disposable running = listening;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = listening;
        return running != null && !running.isDisposed();
    }
}
