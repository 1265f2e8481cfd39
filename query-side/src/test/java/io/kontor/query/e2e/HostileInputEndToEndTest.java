package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of both apps, found in Spring's handler mappings (so endpoints added later are covered without a
 * change here), gets hostile requests: malformed, truncated and wrongly typed JSON, huge and chunked bodies, unicode
 * edge cases, absurd amounts, ids with path characters, missing or wrong credentials and a role no endpoint names.
 * The answer is always a 4xx problem (a 2xx only where a GET legitimately finds nothing), never a 500, never a stack
 * trace or an exception class, and the log head never moves.
 */
class HostileInputEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    /** Above the 1 MiB default of kontor.http.max-body-size, below Tomcat's 2 MiB swallow limit. */
    private static final int HUGE = 1_536 * 1024;

    /** JSON literals: each fills every field of a body in turn. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "\"\\ud800\"", "\"a\\u0000b\"", "\"\\u202e\\u200fevil\"", "\"\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB\"",
            "\"" + "x".repeat(5_000) + "\"", "\" \"", "1e400", "-1", "0", "1234567890123456789012345678901234567890",
            "0.001", "true", "{}", "[]", "null", "\"../../etc/passwd\"", "\"+999999999-12-31\"", "NaN");

    /** Commands whose body is one free text and nothing else: any well-formed, non-blank text is theirs to take. */
    private static final Set<String> FREE_TEXT_ONLY = Set.of("/api/tickets/{id}/comments",
            "/api/tickets/{id}/reopening", "/api/tickets/{id}/resolution", "/api/enquiries/{id}/answer");

    /** Put into one field of an otherwise plausible body at a time, so they get past the other fields' checks. */
    private static final List<String> MUTATIONS = List.of(
            "\"\\ud800\"", "\"a\\u0000b\"", "\"\\u202eevil\"", "\"\uD83D\uDE00\"", "\"" + "x".repeat(5_000) + "\"",
            "1e400", "1e999999999", "1e-999999999", "-1", "0", "1234567890123456789012345678901234567890",
            "\"0.001\"", "0.001", "null", "{}", "[]", "\"..%2F..%2Fetc\"", "9223372036854775808", "\"9999-99-99\"");

    private static final List<String> MALFORMED = List.of(
            "{\"a\": ", "{", "}", "{\"a\" 1}", "{'a':1}", "\u0000", "not json", "{\"a\":1,}", "[" .repeat(5000),
            "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\\u\"}", "\uFEFF{}", "{\"a\":01}");

    private static final List<String> WRONG_ROOTS = List.of("[]", "\"x\"", "42", "null", "true", "[{}]");

    /** Raw path segments standing in for ids. */
    private static final List<String> HOSTILE_IDS = List.of(
            "..%2F..%2Fetc", "%2e%2e", "..", "a%2Fb", "%00", "x%00y", "%F0%9F%98%80", "%ED%A0%80", "%FF",
            "x".repeat(300), "%E2%80%AEabc", "a;b=c", "%5C..%5C", "%2525", "a%3Fb%3Dc");

    private static final List<String> HOSTILE_PARAMS = List.of(
            "\uD83D\uDE00", "\u202e", "a\u0000b", "x".repeat(4000), "1e400", "-1", "0",
            "1234567890123456789012345678901234567890", "9999-99-99", "2039-02-30", "..%2F", "../..", "[]",
            "{\"$gt\":\"\"}", "true");

    private final KontorApps apps = KontorApps.get();

    record Endpoint(String side, String method, String pattern, ConfigurableApplicationContext context, String base) {
        String concretePath(String id) {
            return VARIABLE.matcher(pattern).replaceAll(Matcher.quoteReplacement(id));
        }

        @Override
        public String toString() {
            return side + " " + method + " " + pattern;
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesHostileInput() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(endpoints("command", apps.command, apps.commandUrl));
        endpoints.addAll(endpoints("query", apps.query, apps.queryUrl));
        assertThat(endpoints).as("endpoints found in the handler mappings").hasSizeGreaterThan(20);
        Schema command = schema(apps.commandUrl);
        Schema query = schema(apps.queryUrl);
        return endpoints.stream().map(e -> DynamicTest.dynamicTest(e.toString(),
                () -> probe(e, e.side().equals("command") ? command : query)));
    }

    /** The live screens' streams: strangers and other roles are refused at once, as problems. */
    @Test
    void streamsRefuseStrangers() {
        for (String path : List.of("/api/visitors/on-site/stream", "/api/reservations/today/stream")) {
            String url = apps.queryUrl + path;
            assertProblem(send(HttpRequest.newBuilder(URI.create(url)).GET()), 401, "UNAUTHENTICATED", url);
            assertProblem(send(HttpRequest.newBuilder(URI.create(url)).GET()
                    .header("Authorization", basic("accountant", "guess"))), 401, "UNAUTHENTICATED", url);
            assertProblem(send(HttpRequest.newBuilder(URI.create(url)).GET()
                    .header("Authorization", basic("visitor", "visitor"))), 403, "FORBIDDEN", url);
            assertProblem(send(HttpRequest.newBuilder(URI.create(url)).GET()
                    .header("Authorization", basic("accountant", "accountant"))), 403, "FORBIDDEN", url);
        }
    }

    @TestFactory
    Stream<DynamicTest> bodiesAboveTheLimitAreRefusedBeforeParsing() {
        return Stream.of(apps.commandUrl + "/api/accounts", apps.queryUrl + "/api/audit/projections/ledger/rebuild")
                .flatMap(url -> Stream.of(
                        DynamicTest.dynamicTest("declared length " + url, () -> {
                            long head = apps.head();
                            Answer answer = send(post(url, "{\"name\":\"" + "x".repeat(HUGE) + "\"}")
                                    .header("Authorization", basic("admin", "admin")));
                            assertProblem(answer, 413, url);
                            assertThat(apps.head()).isEqualTo(head);
                        }),
                        DynamicTest.dynamicTest("chunked " + url, () -> {
                            long head = apps.head();
                            byte[] body = ("{\"name\":\"" + "x".repeat(HUGE) + "\"}").getBytes(StandardCharsets.UTF_8);
                            Answer answer = send(HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", basic("admin", "admin"))
                                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
                            assertProblem(answer, 413, url);
                            assertThat(apps.head()).isEqualTo(head);
                        })));
    }

    /** A chunked body under the limit still reaches the controller whole (the filter buffers it, not drops it). */
    @TestFactory
    Stream<DynamicTest> chunkedBodiesUnderTheLimitAreRead() {
        return Stream.of(DynamicTest.dynamicTest("chunked account", () -> {
            String code = String.valueOf(7000 + (int) (Math.random() * 999));
            byte[] body = ("{\"code\":\"" + code + "\",\"name\":\"Chunked " + "y".repeat(50) + "\",\"type\":\"ASSET\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Answer answer = send(HttpRequest.newBuilder(URI.create(apps.commandUrl + "/api/accounts"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", basic("accountant", "accountant"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
            // 201, or 409 if another run took the code: either way the body was read and understood.
            assertThat(answer.status()).as(answer.body()).isIn(201, 409);
        }));
    }

    private void probe(Endpoint endpoint, Schema schema) {
        List<String> failures = new ArrayList<>();
        String plainPath = endpoint.concretePath("hostile-probe-1");

        // Credentials: none, wrong, unknown, malformed; and a role that no endpoint names.
        Map<String, String> authorizations = new TreeMap<>(Map.of(
                "wrong password", basic("accountant", "guess"), "unknown user", basic("mallory", "mallory"),
                "no colon", "Basic " + Base64.getEncoder().encodeToString("accountant".getBytes(StandardCharsets.UTF_8)),
                "not base64", "Basic !!!", "empty basic", "Basic ", "bearer", "Bearer abc.def.ghi",
                "unicode password", basic("accountant", "\u202e\uD83D\uDE00")));
        check(failures, endpoint, "no credentials", send(request(endpoint, plainPath, "{}")), 401);
        authorizations.forEach((label, value) -> check(failures, endpoint, label,
                send(request(endpoint, plainPath, "{}").header("Authorization", value)), 401));
        if (!endpoint.pattern().startsWith("/api/tickets")) {
            check(failures, endpoint, "role no endpoint names",
                    send(request(endpoint, plainPath, "{}").header("Authorization", basic("visitor", "visitor"))), 403);
        }

        String user = permittedUser(endpoint, plainPath);
        boolean command = endpoint.method().equals("POST");
        Integer strict = command ? -4 : null;
        for (String id : HOSTILE_IDS) {
            if (!endpoint.pattern().contains("{")) {
                break;
            }
            String path = endpoint.concretePath(id);
            check(failures, endpoint, "id " + id, send(request(endpoint, path, "{}").header("Authorization",
                    basic(user, user))), strict);
        }
        if (command) {
            for (String body : MALFORMED) {
                check(failures, endpoint, "malformed " + abbreviate(body), send(request(endpoint, plainPath, body)
                        .header("Authorization", basic(user, user))), -4);
            }
            for (String body : WRONG_ROOTS) {
                check(failures, endpoint, "root " + body, send(request(endpoint, plainPath, body)
                        .header("Authorization", basic(user, user))), -4);
            }
            check(failures, endpoint, "text/plain", send(HttpRequest.newBuilder(URI.create(endpoint.base() + plainPath))
                    .header("Content-Type", "text/plain").header("Authorization", basic(user, user))
                    .POST(HttpRequest.BodyPublishers.ofString("hello"))), -4);
            check(failures, endpoint, "no content type", send(HttpRequest.newBuilder(URI.create(endpoint.base() + plainPath))
                    .header("Authorization", basic(user, user)).POST(HttpRequest.BodyPublishers.noBody())), -4);
            JsonNode plausible = schema.plausibleBody(endpoint.pattern());
            if (plausible != null) {
                check(failures, endpoint, "plausible " + plausible, send(request(endpoint, plainPath,
                        plausible.toString()).header("Authorization", basic(user, user))), null);
                for (String pointer : Schema.fieldPointers(plausible)) {
                    for (String value : MUTATIONS) {
                        String body = Schema.mutate(plausible, pointer, value);
                        check(failures, endpoint, pointer + "=" + abbreviate(value), send(request(endpoint, plainPath,
                                body).header("Authorization", basic(user, user))), null);
                    }
                }
            }
            for (String value : HOSTILE_VALUES) {
                String nested = schema.body(value, true);
                // A body of free text alone may take an emoji, a right-to-left mark or a path as its text.
                boolean mayBeText = FREE_TEXT_ONLY.contains(endpoint.pattern()) && value.startsWith("\"")
                        && !value.equals("\" \"") && !value.contains("\\u0000") && !value.contains("\\ud800");
                check(failures, endpoint, "every field, lists nested, " + abbreviate(value),
                        send(request(endpoint, plainPath, nested).header("Authorization", basic(user, user))),
                        mayBeText ? null : -4);
            }
            String nested = schema.body("\"\\ud800\"", true);
            check(failures, endpoint, "truncated", send(request(endpoint, plainPath,
                    nested.substring(0, nested.length() / 2)).header("Authorization", basic(user, user))), -4);
            check(failures, endpoint, "long idempotency key", send(request(endpoint, plainPath, nested)
                    .header("Authorization", basic(user, user)).header("Idempotency-Key", "k".repeat(2000))), -4);
        } else {
            for (String value : HOSTILE_PARAMS) {
                StringBuilder query = new StringBuilder();
                for (String parameter : schema.queryParameters(endpoint.pattern())) {
                    query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
                if (query.isEmpty()) {
                    query.append("?minPosition=").append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
                check(failures, endpoint, "parameters " + abbreviate(value), send(request(endpoint,
                        plainPath + query, "{}").header("Authorization", basic(user, user))), null);
                if (!value.matches("-?\\d{1,3}")) {
                    check(failures, endpoint, "min-position header " + abbreviate(value), send(request(endpoint,
                            plainPath, "{}").header("Authorization", basic(user, user))
                            .header("X-Kontor-Min-Position", value.replaceAll("[^ -~]", "?"))), null);
                }
            }
        }
        assertThat(failures).as(endpoint + " as " + user).isEmpty();
        // Whatever was accepted on the way was stored as hashed: the chain still verifies.
        Answer verify = send(HttpRequest.newBuilder(URI.create(apps.queryUrl + "/api/audit/verify"))
                .header("Authorization", basic("auditor", "auditor")).GET());
        assertThat(read(verify.body()).path("verified").asBoolean()).as(endpoint + ": " + verify.body()).isTrue();
    }

    /**
     * Checks one answer: never 5xx; every error a problem without a stack trace or an exception class; the log head
     * unchanged by any refusal. {@code expected} is an exact status, -4 for any 4xx, or null for "4xx or 2xx".
     */
    private void check(List<String> failures, Endpoint endpoint, String label, Answer answer, Integer expected) {
        String where = label + " -> " + answer.status() + " " + abbreviate(answer.body());
        if (answer.status() >= 500) {
            failures.add(where);
            return;
        }
        if (expected != null && expected > 0 && answer.status() != expected
                || expected != null && expected == -4 && (answer.status() < 400 || answer.status() >= 500)) {
            failures.add("expected " + (expected == -4 ? "4xx" : expected) + ": " + where);
            return;
        }
        if (answer.status() >= 400) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                failures.add("not a problem: " + where + " (" + answer.contentType() + ")");
                return;
            }
            JsonNode problem = read(answer.body());
            if (problem == null || !problem.hasNonNull("code") || problem.path("status").asInt() != answer.status()) {
                failures.add("problem without code or status: " + where);
            }
        }
        if (answer.status() >= 400 && answer.body().matches("(?s).*(Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.lang|org\\.springframework"
                + "|io\\.kontor\\.|com\\.fasterxml|org\\.axonframework|\"trace\").*")) {
            failures.add("leaks internals: " + where);
        }
    }

    private String permittedUser(Endpoint endpoint, String path) {
        for (String user : new TreeSet<>(KontorApps.USERS.keySet())) {
            if (user.equals("visitor")) {
                continue;
            }
            Answer answer = send(request(endpoint, path, "{}").header("Authorization", basic(user, user)));
            if (answer.status() != 403 && answer.status() != 401) {
                return user;
            }
        }
        return "admin";
    }

    private HttpRequest.Builder request(Endpoint endpoint, String path, String body) {
        String url = endpoint.base() + path;
        return endpoint.method().equals("GET") ? HttpRequest.newBuilder(URI.create(url)).GET() : post(url, body);
    }

    private static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private Answer send(HttpRequest.Builder request) {
        long head = apps.head();
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (System.nanoTime() - start > 1_000_000_000L) {
                System.err.println("SLOW " + request.build().uri() + " " + response.statusCode());
            }
            Answer answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            if (answer.status() >= 400) {
                assertThat(apps.head()).as("a refused request appended nothing: " + request.build().uri()
                        + " " + answer.status()).isEqualTo(head);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(Answer answer, int status, String label) {
        assertProblem(answer, status, "PAYLOAD_TOO_LARGE", label);
    }

    private static void assertProblem(Answer answer, int status, String code, String label) {
        assertThat(answer.status()).as(label + ": " + abbreviate(answer.body())).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = read(answer.body());
        assertThat(problem).isNotNull();
        assertThat(problem.path("code").asText()).isEqualTo(code);
    }

    private static List<Endpoint> endpoints(String side, ConfigurableApplicationContext context, String base) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM)) {
                // A live screen's stream never ends for a permitted user (LiveScreensEndToEndTest reads them);
                // its refusals are checked in streamsRefuseStrangers.
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(side, method.name(), pattern, context, base));
                }
            }
        }
        endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
        return endpoints;
    }

    /** Field and query parameter names from the app's own OpenAPI document. */
    private record Schema(Set<String> fields, Set<String> listFields, Map<String, Set<String>> parameters,
                          JsonNode doc) {

        /** A body of the endpoint's own request schema with believable values (probe ids, dates in 2039). */
        JsonNode plausibleBody(String pattern) {
            JsonNode schema = doc.path("paths").path(pattern).path("post").path("requestBody").path("content")
                    .path("application/json").path("schema");
            return schema.isMissingNode() ? null : plausible("body", schema, 0);
        }

        private JsonNode plausible(String name, JsonNode schema, int depth) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                schema = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            String type = schema.path("type").asText();
            String format = schema.path("format").asText();
            String lower = name.toLowerCase();
            switch (type) {
                case "array":
                    ArrayNode array = JSON.createArrayNode();
                    array.add(plausible(name, schema.path("items"), depth + 1));
                    return array;
                case "integer":
                    return JSON.getNodeFactory().numberNode(1);
                case "number":
                    return JSON.getNodeFactory().numberNode(new java.math.BigDecimal("10.00"));
                case "boolean":
                    return JSON.getNodeFactory().booleanNode(true);
                case "string":
                    if (format.equals("date") || lower.contains("date") || lower.equals("effective")) {
                        return JSON.getNodeFactory().textNode("2039-06-01");
                    }
                    if (format.equals("date-time")) {
                        return JSON.getNodeFactory().textNode("2039-06-01T10:00:00Z");
                    }
                    if (lower.contains("currency")) {
                        return JSON.getNodeFactory().textNode("DKK");
                    }
                    if (lower.equals("account")) {
                        return JSON.getNodeFactory().textNode("1000");
                    }
                    if (lower.equals("period")) {
                        return JSON.getNodeFactory().textNode("2039-06");
                    }
                    return JSON.getNodeFactory().textNode("hostile-probe-1");
                default:
                    ObjectNode object = JSON.createObjectNode();
                    if (depth < 3) {
                        schema.path("properties").fields().forEachRemaining(p ->
                                object.set(p.getKey(), plausible(p.getKey(), p.getValue(), depth + 1)));
                    }
                    return object;
            }
        }

        /** JSON pointers to every field, also inside the first element of lists. */
        static List<String> fieldPointers(JsonNode body) {
            List<String> pointers = new ArrayList<>();
            body.fields().forEachRemaining(field -> {
                pointers.add("/" + field.getKey());
                if (field.getValue().isArray() && field.getValue().get(0) != null
                        && field.getValue().get(0).isObject()) {
                    field.getValue().get(0).fieldNames().forEachRemaining(inner ->
                            pointers.add("/" + field.getKey() + "/0/" + inner));
                }
            });
            return pointers;
        }

        static String mutate(JsonNode body, String pointer, String value) {
            JsonNode copy = body.deepCopy();
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            ((ObjectNode) (parent.isEmpty() ? copy : copy.at(parent))).put(last, "@@HOSTILE@@");
            return copy.toString().replace("\"@@HOSTILE@@\"", value);
        }

        String body(String value, boolean nestLists) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode line = JSON.createObjectNode();
            for (String field : fields) {
                line.set(field, literal(value));
            }
            for (String field : fields) {
                if (nestLists && listFields.contains(field)) {
                    ArrayNode lines = body.putArray(field);
                    lines.add(line.deepCopy());
                } else {
                    body.set(field, literal(value));
                }
            }
            // The literal text is spliced in as is: Jackson would normalise 1e400 or a lone surrogate away.
            return body.toString().replace("\"@@HOSTILE@@\"", value);
        }

        private static JsonNode literal(String value) {
            return JSON.getNodeFactory().textNode("@@HOSTILE@@");
        }

        Set<String> queryParameters(String pattern) {
            return parameters.getOrDefault(pattern, Set.of());
        }
    }

    private Schema schema(String base) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).GET());
        assertThat(answer.status()).as("OpenAPI document").isEqualTo(200);
        JsonNode doc = read(answer.body());
        Set<String> fields = new TreeSet<>();
        Set<String> lists = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.path("components").path("schemas").fields();
             schemas.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> properties = schemas.next().getValue().path("properties")
                    .fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                fields.add(property.getKey());
                if ("array".equals(property.getValue().path("type").asText())) {
                    lists.add(property.getKey());
                }
            }
        }
        Map<String, Set<String>> parameters = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                if ("query".equals(parameter.path("in").asText())) {
                    parameters.computeIfAbsent(path.getKey(), k -> new TreeSet<>()).add(parameter.path("name").asText());
                }
            }
        }));
        assertThat(fields).as("request fields in " + base + "/v3/api-docs").isNotEmpty();
        return new Schema(fields, lists, parameters, doc);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + ")" : flat;
    }
}
