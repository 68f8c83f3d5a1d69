package dev.cruxlog.notifications.application;

import reactor.core.publisher.Mono;

/** Out-port: hands a rendered message to whatever delivers mail. */
public interface MailTransport {

    Mono<Void> send(RenderedEmail email);
}
