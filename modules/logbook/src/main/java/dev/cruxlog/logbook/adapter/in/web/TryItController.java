package dev.cruxlog.logbook.adapter.in.web;

import dev.cruxlog.identity.web.GuestAccounts;
import dev.cruxlog.logbook.adapter.in.file.blockingio.SampleLogbook;
import dev.cruxlog.logbook.application.ImportService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * "Try it with a sample logbook": a guest account, signed in, with a real 567-tick export
 * importing in the background; the visitor lands on the live import page, then the dashboard.
 */
@Controller
class TryItController {

    private final GuestAccounts guests;
    private final ImportService imports;
    private final SampleLogbook sample;

    TryItController(GuestAccounts guests, ImportService imports, SampleLogbook sample) {
        this.guests = guests;
        this.imports = imports;
        this.sample = sample;
    }

    @PostMapping("/try")
    Mono<String> tryIt(ServerWebExchange exchange) {
        return guests.startGuestSession(exchange)
                .flatMap(owner -> imports.upload(owner, "mountain-project", "sample-logbook.csv", sample.content()))
                .map(started -> "redirect:/logbook/imports/" + started.id());
    }
}
