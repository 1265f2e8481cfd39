package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad request is a ProblemDetail with a stable code, names the field, and appends nothing. */
class BadInputEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments("malformed JSON", "accountant", "{\"code\": \"4400\", ", 400, "MALFORMED_REQUEST", null),
                arguments("no body", "accountant", "", 400, "MALFORMED_REQUEST", null),
                arguments("wrong type", "accountant", "{\"code\":\"4400\",\"name\":{\"x\":1},\"type\":\"ASSET\"}",
                        400, "VALIDATION_FAILED", "name"),
                arguments("number for text", "accountant", "{\"code\":4400,\"name\":\"Till\",\"type\":\"ASSET\"}",
                        400, "VALIDATION_FAILED", "code"),
                arguments("number for an enum", "accountant", "{\"code\":\"4400\",\"name\":\"Till\",\"type\":3}",
                        400, "VALIDATION_FAILED", "type"),
                arguments("missing code", "accountant", "{\"name\":\"Till\",\"type\":\"ASSET\"}",
                        400, "VALIDATION_FAILED", "code"),
                arguments("missing type", "accountant", "{\"code\":\"4400\",\"name\":\"Till\"}",
                        400, "VALIDATION_FAILED", "type"),
                arguments("unknown type", "accountant", "{\"code\":\"4400\",\"name\":\"Till\",\"type\":\"INCOME\"}",
                        400, "VALIDATION_FAILED", "type"),
                arguments("unknown currency", "accountant",
                        "{\"code\":\"4400\",\"name\":\"Till\",\"type\":\"ASSET\",\"currency\":\"XYZ\"}",
                        400, "VALIDATION_FAILED", "currency"),
                arguments("code not four digits", "accountant", "{\"code\":\"44\",\"name\":\"Till\",\"type\":\"ASSET\"}",
                        400, "VALIDATION_FAILED", "code"),
                arguments("blank name", "accountant", "{\"code\":\"4400\",\"name\":\" \",\"type\":\"ASSET\"}",
                        400, "VALIDATION_FAILED", "name"),
                arguments("name too long", "accountant",
                        "{\"code\":\"4400\",\"name\":\"" + "x".repeat(101) + "\",\"type\":\"ASSET\"}",
                        400, "VALIDATION_FAILED", "name"),
                arguments("duplicate code", "accountant", "{\"code\":\"1000\",\"name\":\"Cash again\",\"type\":\"ASSET\"}",
                        409, "DUPLICATE", "code"),
                arguments("no credentials", null, "{\"code\":\"4400\",\"name\":\"Till\",\"type\":\"ASSET\"}",
                        401, "UNAUTHENTICATED", null),
                arguments("wrong password", "accountant:guess", "{\"code\":\"4400\",\"name\":\"Till\",\"type\":\"ASSET\"}",
                        401, "UNAUTHENTICATED", null),
                arguments("unknown user", "mallory", "{\"code\":\"4400\",\"name\":\"Till\",\"type\":\"ASSET\"}",
                        401, "UNAUTHENTICATED", null),
                arguments("wrong role", "frontdesk", "{\"code\":\"4400\",\"name\":\"Till\",\"type\":\"ASSET\"}",
                        403, "FORBIDDEN", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAsAProblemAndAppendsNothing(String label, String credentials, String body, int status,
                                              String code, String field) {
        long head = apps.head();

        Http.Answer answer = client(credentials).post(apps.commandUrl + "/api/accounts", body);

        assertThat(answer.status()).as(label).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).startsWith("https://kontor.io/problems/");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        assertThat(apps.head()).isEqualTo(head);
    }

    private static Http client(String credentials) {
        if (credentials == null) {
            return Http.anonymous();
        }
        String[] parts = credentials.split(":", 2);
        return parts.length == 2 ? Http.as(parts[0], parts[1]) : Http.as(parts[0]);
    }
}
