package dev.cruxlog.logbook.adapter.out.eighta;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cruxlog.identity.EightAProfile;
import dev.cruxlog.logbook.application.EightAProfiles;
import dev.cruxlog.logbook.domain.ImportRejected;
import io.netty.channel.ChannelOption;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A polite reader of public 8a.nu profiles, in the way the site's own pages read them:
 * <ol>
 *   <li>{@code /robots.txt} first; a path it disallows is not fetched;</li>
 *   <li>the profile page {@code /user/<slug>}, parsed with jsoup: a sign-in form, a redirect to
 *       a login page, a 401/403 or a private profile stops here with a message pointing at the
 *       CSV export; a page without the JSON the site embeds means the site changed shape;</li>
 *   <li>the ascents JSON the site's pages use,
 *       {@code /unificationAPI/ascent/v1/web/users/<slug>/ascents?category=...&pageIndex=N&pageSize=50},
 *       page by page for routes and boulders until a page comes back empty.</li>
 * </ol>
 * Every request after the first waits {@code requestInterval}; a 429 waits as long as its
 * Retry-After asks (up to {@code maxRetryAfter}, a few times), a 5xx is retried with backoff.
 * Nothing here blocks: waits are timers, never sleeps. No 8a.nu password is ever used.
 */
public class WebClientEightAProfiles implements EightAProfiles {

    static final String USER_AGENT = "Cruxlog/1.0 (logbook import for the profile's owner; +https://cruxlog.dev/robots)";
    static final List<String> CATEGORIES = List.of("sportclimbing", "bouldering");

    /**
     * @param baseUrl         8a.nu's address ({@code cruxlog.logbook.eight-a.base-url})
     * @param requestInterval the pause before every request after the first
     * @param maxRetryAfter   the longest Retry-After honoured; longer asks fail the import
     * @param maxPages        pages read per category at most (50 ascents each)
     */
    public record Settings(String baseUrl, Duration requestInterval, Duration timeout, Duration maxRetryAfter,
                           int maxRetries, int pageSize, int maxPages, int maxBytes) {
    }

    private final WebClient client;
    private final JsonMapper json;
    private final Settings settings;

    public WebClientEightAProfiles(WebClient.Builder builder, JsonMapper json, Settings settings) {
        this.json = json;
        this.settings = settings;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
                .responseTimeout(settings.timeout())
                .followRedirect(false);
        this.client = builder.clone()
                .baseUrl(settings.baseUrl())
                .defaultHeader(HttpHeaders.USER_AGENT, USER_AGENT)
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(settings.maxBytes()))
                .build();
    }

    /** One answer, read whole. */
    private record Answer(int status, HttpHeaders headers, String body) {
    }

    @Override
    public Mono<byte[]> fetchAscents(EightAProfile profile) {
        String profilePath = "/user/" + profile.slug();
        String ascentsPath = "/unificationAPI/ascent/v1/web/users/" + profile.slug() + "/ascents";
        return robots()
                .flatMap(robots -> {
                    if (!robots.allows(profilePath) || !robots.allows(ascentsPath)) {
                        return Mono.error(new ImportRejected("8a.nu's robots.txt asks programs not to read these pages, "
                                + "so Cruxlog will not. " + EXPORT_HINT));
                    }
                    return politely(get(profilePath)).flatMap(page -> checkProfilePage(profile, page));
                })
                .thenMany(Flux.fromIterable(CATEGORIES).concatMap(category -> pages(ascentsPath, category)))
                .collect(() -> new LinkedHashMap<String, JsonNode>(), (byId, ascent) ->
                        byId.putIfAbsent(ascent.path("ascentId").isValueNode() ? ascent.path("ascentId").asString()
                                : "unnumbered-" + byId.size(), ascent))
                .map(this::document)
                .onErrorMap(WebClientRequestException.class, e -> new ImportRejected(
                        "8a.nu could not be reached (" + e.getMostSpecificCause().getClass().getSimpleName()
                                + "). Try again later. " + EXPORT_HINT));
    }

    static final String EXPORT_HINT = "You can also export your logbook as CSV from your 8a.nu settings and upload that file.";

    private Mono<RobotsTxt> robots() {
        return get("/robots.txt").map(answer -> {
            if (answer.status() == 200) {
                return RobotsTxt.parse(answer.body(), "cruxlog");
            }
            if (answer.status() >= 400 && answer.status() < 500) {
                return RobotsTxt.allowAll();
            }
            throw new ImportRejected("8a.nu answered " + answer.status() + " for its robots.txt; try again later. " + EXPORT_HINT);
        });
    }

    private Mono<Void> checkProfilePage(EightAProfile profile, Answer page) {
        if (page.status() == 404) {
            return Mono.error(new ImportRejected("8a.nu has no profile '" + profile.slug() + "'. Check the name: it is the "
                    + "last part of your profile's address."));
        }
        if (page.status() == 401 || page.status() == 403 || isRedirectToSignIn(page)) {
            return Mono.error(signInWall());
        }
        if (page.status() != 200) {
            return Mono.error(new ImportRejected("8a.nu answered " + page.status() + " for the profile page. " + EXPORT_HINT));
        }
        Document html = Jsoup.parse(page.body(), settings.baseUrl());
        if (html.selectFirst("input[type=password]") != null || html.selectFirst("form[action*=login], form[action*=signin]") != null) {
            return Mono.error(signInWall());
        }
        JsonNode embedded = embeddedJson(html);
        if (embedded == null || !page.body().contains(profile.slug())) {
            return Mono.error(changedShape("the profile page no longer carries the data Cruxlog reads"));
        }
        if (embedded.findValues("userPrivate").stream().anyMatch(JsonNode::asBoolean)
                || embedded.findValues("isPrivate").stream().anyMatch(JsonNode::asBoolean)) {
            return Mono.error(new ImportRejected("This 8a.nu profile is private, so its ascents can only be seen signed in; "
                    + "Cruxlog never asks for your 8a.nu password. " + EXPORT_HINT));
        }
        return Mono.empty();
    }

    /** The JSON a server-rendered page embeds for its scripts (Next.js, Nuxt, or a plain JSON script). */
    private JsonNode embeddedJson(Document html) {
        for (Element script : html.select("script#__NEXT_DATA__, script#__NUXT_DATA__, script[type=application/json]")) {
            try {
                return json.readTree(script.data());
            } catch (JacksonException e) {
                // try the next one
            }
        }
        return null;
    }

    private static boolean isRedirectToSignIn(Answer page) {
        if (page.status() / 100 != 3) {
            return false;
        }
        String location = String.valueOf(page.headers().getFirst(HttpHeaders.LOCATION)).toLowerCase(Locale.ROOT);
        return location.contains("login") || location.contains("signin") || location.contains("sign-in")
                || location.contains("auth");
    }

    private Flux<JsonNode> pages(String ascentsPath, String category) {
        return page(ascentsPath, category, 0)
                .expand(page -> page.ascents().isEmpty() || page.index() + 1 >= settings.maxPages() ? Mono.empty()
                        : page(ascentsPath, category, page.index() + 1))
                .concatMapIterable(Page::ascents);
    }

    private record Page(int index, List<JsonNode> ascents) {
    }

    private Mono<Page> page(String ascentsPath, String category, int index) {
        String uri = ascentsPath + "?category=" + category + "&pageIndex=" + index + "&pageSize=" + settings.pageSize()
                + "&sortField=date_desc&timeFilter=0&gradeFilter=0&typeFilter=&isAscented=true";
        return politely(get(uri)).map(answer -> {
            if (answer.status() == 401 || answer.status() == 403 || isRedirectToSignIn(answer)) {
                throw signInWall();
            }
            if (answer.status() != 200) {
                throw new ImportRejected("8a.nu answered " + answer.status() + " for page " + (index + 1) + " of your "
                        + category + " ascents; nothing was imported. Try again later. " + EXPORT_HINT);
            }
            JsonNode body;
            try {
                body = json.readTree(answer.body());
            } catch (JacksonException e) {
                throw changedShape("the ascents list is not JSON any more");
            }
            JsonNode ascents = body.path("ascents");
            if (!ascents.isArray()) {
                throw changedShape("the ascents list has no 'ascents'");
            }
            List<JsonNode> list = new java.util.ArrayList<>();
            ascents.forEach(list::add);
            return new Page(index, list);
        });
    }

    /** Waits the request interval before the request. */
    private <T> Mono<T> politely(Mono<T> request) {
        return Mono.delay(settings.requestInterval()).then(request);
    }

    private Mono<Answer> get(String uri) {
        return get(uri, 0);
    }

    private Mono<Answer> get(String uri, int retries) {
        return client.get().uri(uri).accept(MediaType.ALL)
                .exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
                                new String(body, StandardCharsets.UTF_8))))
                .flatMap(answer -> {
                    if (answer.status() == 429) {
                        Duration wait = retryAfter(answer.headers().getFirst(HttpHeaders.RETRY_AFTER), retries);
                        if (retries >= settings.maxRetries() || wait.compareTo(settings.maxRetryAfter()) > 0) {
                            return Mono.error(new ImportRejected("8a.nu is limiting requests and asks Cruxlog to wait "
                                    + Math.max(1, wait.toMinutes()) + " minute(s) or more; nothing was imported. Try again "
                                    + "later. " + EXPORT_HINT));
                        }
                        return Mono.delay(wait).then(get(uri, retries + 1));
                    }
                    if (HttpStatusCode.valueOf(answer.status()).is5xxServerError() && retries < settings.maxRetries()) {
                        return Mono.delay(settings.requestInterval().multipliedBy(1L << retries).plusMillis(100))
                                .then(get(uri, retries + 1));
                    }
                    return Mono.just(answer);
                });
    }

    /** Retry-After in seconds or as an HTTP date; without one, a doubling backoff from 5 s. */
    static Duration retryAfter(String header, int retries) {
        if (header != null && !header.isBlank()) {
            String value = header.trim();
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e) {
                // fall through to the backoff
            }
        }
        return Duration.ofSeconds(5L << Math.min(retries, 6));
    }

    private static ImportRejected signInWall() {
        return new ImportRejected("8a.nu asks for a sign-in to show these ascents. Cruxlog never asks for or stores your "
                + "8a.nu password. " + EXPORT_HINT);
    }

    private static ImportRejected changedShape(String what) {
        return new ImportRejected("8a.nu's pages have changed (" + what + "), so Cruxlog cannot read them right now; "
                + "nothing was imported. " + EXPORT_HINT);
    }

    private byte[] document(Map<String, JsonNode> ascents) {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("ascents");
        ascents.values().forEach(list::add);
        return json.writeValueAsBytes(root);
    }
}
