package dev.cruxlog.notifications.application;


import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.Mailer;
import dev.cruxlog.platform.jobs.JobQueue;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

@Service
class QueueEmailService implements Mailer {

    private final EmailOutbox outbox;
    private final JobQueue jobs;

    QueueEmailService(EmailOutbox outbox, JobQueue jobs) {
        this.outbox = outbox;
        this.jobs = jobs;
    }

    @Override
    public Mono<Void> queue(Email email) {
        return outbox.add(email)
                .flatMap(id -> jobs.enqueue(DeliverEmailJob.KIND, new DeliverEmailJob.Payload(id)))
                .then();
    }
}
