package dev.cruxlog.benchmarks.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code BASELINE_MODE=fair}: the blocking twin of Cruxlog's streamed coach answer (benchmark
 * S8). {@code POST /api/v1/coach/relay} with {@code {"content": "..."}} asks the OpenAI-compatible
 * model at {@code COACH_BASE_URL} ({@code POST <base>/chat/completions}, {@code "stream": true})
 * over a blocking {@link HttpURLConnection}, reads its server-sent events line by line on the
 * request's own thread (one platform thread per answer for as long as it is written), and
 * relays each token as Cruxlog does ({@code event:token} with the text as JSON, Jackson parsing
 * each chunk), flushed one by one, then {@code event:done} with {@code "status":"complete"}.
 * It stores nothing: it measures what a thread per streamed answer costs, not the coach.
 */
@RestController
@ConditionalOnProperty(name = "baseline.mode", havingValue = "fair")
class CoachRelayController {

    private final JsonMapper json;
    private final URI completions;
    private final String model;

    CoachRelayController(JsonMapper json, @Value("${COACH_BASE_URL:http://127.0.0.1:18100/v1}") String baseUrl,
                         @Value("${COACH_MODEL:gpt-4o-mini}") String model) {
        this.json = json;
        this.completions = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.model = model;
    }

    record Question(String content) {
    }

    @PostMapping("/api/v1/coach/relay")
    void relay(@AuthenticationPrincipal Jwt token, @RequestBody Question question, HttpServletResponse response)
            throws IOException {
        byte[] request = json.writeValueAsBytes(Map.of("model", model, "stream", true,
                "messages", List.of(Map.of("role", "user", "content", question.content() == null ? "" : question.content()))));
        HttpURLConnection upstream = (HttpURLConnection) completions.toURL().openConnection();
        upstream.setRequestMethod("POST");
        upstream.setDoOutput(true);
        upstream.setConnectTimeout(30_000);
        upstream.setReadTimeout(30_000);
        upstream.setRequestProperty("Content-Type", "application/json");
        upstream.setRequestProperty("Accept", "text/event-stream");
        upstream.setFixedLengthStreamingMode(request.length);
        try (OutputStream body = upstream.getOutputStream()) {
            body.write(request);
        }
        if (upstream.getResponseCode() != 200) {
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY, "model answered " + upstream.getResponseCode());
            upstream.disconnect();
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        OutputStream out = response.getOutputStream();
        try (BufferedReader events = new BufferedReader(new InputStreamReader(upstream.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = events.readLine()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode content = json.readTree(data).path("choices").path(0).path("delta").path("content");
                if (content.isString() && !content.asString().isEmpty()) {
                    out.write(("event:token\ndata:" + json.writeValueAsString(Map.of("type", "token", "text", content.asString()))
                            + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
        out.write("event:done\ndata:{\"type\":\"done\",\"status\":\"complete\"}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
