package dev.cruxlog.notifications.adapter.out.smtp;

import dev.cruxlog.notifications.application.MailTransport;
import dev.cruxlog.platform.database.ModuleSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    ModuleSchema notificationsSchema() {
        return new ModuleSchema("notifications");
    }

    /** SMTP when {@code MAIL_HOST} is set (Spring Boot then provides a JavaMailSender), the log otherwise. */
    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, @Value("${cruxlog.mail.from}") String from) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender == null ? new LoggingMailTransport() : new SmtpMailTransport(sender, from, Schedulers.boundedElastic());
    }
}
