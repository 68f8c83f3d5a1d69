package dev.cruxlog.logbook.adapter.out.mountainproject;

import java.net.URI;
import java.time.Duration;

import dev.cruxlog.identity.MountainProjectProfile;
import dev.cruxlog.logbook.application.MountainProjectTickExports;
import dev.cruxlog.logbook.domain.ImportRejected;
import io.netty.channel.ChannelOption;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * GET {@code <base-url>/user/<id>/<slug>/tick-export}. Only the configured site is ever
 * contacted: the path comes from a validated profile address, redirects are followed only
 * within that site (scheme, host and port), the body is capped at the import size limit,
 * and slow peers time out.
 */
public class WebClientMountainProjectTickExports implements MountainProjectTickExports {

    private final WebClient client;
    private final int maxBytes;

    public WebClientMountainProjectTickExports(WebClient.Builder builder, String baseUrl, int maxBytes, Duration timeout) {
        URI base = URI.create(baseUrl);
        this.maxBytes = maxBytes;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout)
                .followRedirect((request, response) -> {
                    String location = response.responseHeaders().get("Location");
                    if (location == null) {
                        return false;
                    }
                    URI target = URI.create(request.resourceUrl()).resolve(location);
                    return response.status().code() / 100 == 3 && sameOrigin(base, target);
                });
        this.client = builder.clone()
                .baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxBytes))
                .build();
    }

    @Override
    public Mono<byte[]> fetch(String profileUrl) {
        String path = MountainProjectProfile.parse(profileUrl).path() + "/tick-export";
        return client.get().uri(path)
                .retrieve()
                // A redirect still here is one to another site, which is never followed.
                .onStatus(HttpStatusCode::is3xxRedirection, response -> Mono.error(new ImportRejected(
                        "Mountain Project sent us to another site instead of your ticks; the profile may be private. "
                                + "Make your ticks public, or download the export and upload the file.")))
                .bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> new ImportRejected(
                        "Mountain Project sent an empty tick export. Check that the profile has public ticks.")))
                .retryWhen(Retry.backoff(2, Duration.ofMillis(500))
                        .filter(error -> error instanceof WebClientResponseException e && e.getStatusCode().is5xxServerError())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                // WebClient reports a body over the cap as a response error wrapping the limit's exception.
                .onErrorMap(error -> NestedExceptionUtils.getMostSpecificCause(error) instanceof DataBufferLimitException,
                        tooBig -> new ImportRejected("Mountain Project's tick export is larger than "
                                + maxBytes / (1024 * 1024) + " MB, more than one import takes. Download the export, "
                                + "split it by year, and upload the parts."))
                .onErrorMap(WebClientResponseException.class, this::explain)
                .onErrorMap(error -> !(error instanceof ImportRejected), error -> new ImportRejected(
                        "Mountain Project could not be reached (" + error.getClass().getSimpleName()
                                + "). Try again later, or download your tick export and upload the file."))
                .flatMap(body -> looksLikeHtml(body) ? Mono.error(new ImportRejected(
                        "Mountain Project answered with a web page instead of your ticks: the profile may be private. "
                                + "Make your ticks public, or download the export and upload the file.")) : Mono.just(body));
    }

    private ImportRejected explain(WebClientResponseException error) {
        if (error.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return new ImportRejected("Mountain Project has no such profile (404). Check the address.");
        }
        if (error.getStatusCode().value() == 401 || error.getStatusCode().value() == 403) {
            return new ImportRejected("This Mountain Project profile is private. Make your ticks public, or download the "
                    + "export and upload the file.");
        }
        return new ImportRejected("Mountain Project answered " + error.getStatusCode().value() + ". Try again later.");
    }

    /** Scheme, host and port: another port on the same host is another site (and an SSRF door). */
    static boolean sameOrigin(URI base, URI target) {
        return base.getScheme().equalsIgnoreCase(target.getScheme()) && base.getHost().equalsIgnoreCase(target.getHost())
                && port(base) == port(target);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 256), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }
}
