package dev.cruxlog.grades.adapter.in.web;

import dev.cruxlog.grades.domain.GradeCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class GradesControllerTest {

    private final WebTestClient http = WebTestClient.bindToController(new GradesController(new GradeCatalog())).build();

    @Test
    void convertsAFrenchGradeToYds() {
        http.get().uri("/api/v1/grades/convert?grade=7a&from=french&to=yds").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.result").isEqualTo("5.11d")
                .jsonPath("$.grade").isEqualTo("7a")
                .jsonPath("$.level").isEqualTo(17);
    }

    @Test
    void listsTheSystems() {
        http.get().uri("/api/v1/grades/systems").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'font')].family").isEqualTo("boulder")
                .jsonPath("$[?(@.id == 'ice')].convertible").isEqualTo(false);
    }

    @Test
    void refusesWhatItCannotConvert() {
        http.get().uri("/api/v1/grades/convert?grade=7a&from=french&to=v").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/grades/convert?grade=banana&from=french&to=yds").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/grades/convert?grade=7a&from=klingon&to=yds").exchange().expectStatus().isBadRequest();
    }
}
