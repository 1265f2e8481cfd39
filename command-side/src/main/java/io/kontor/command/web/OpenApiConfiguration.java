package io.kontor.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The OpenAPI description behind Swagger UI: HTTP Basic (so "Authorize" works), and the {@code Idempotency-Key}
 * and {@code X-Correlation-Id} headers every command accepts.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String BASIC = "basic";

    @Bean
    OpenAPI kontorCommandApi() {
        return new OpenAPI()
                .info(new Info().title("Kontor command side").version("v1")
                        .description("Every state change. Answers {id, position}; errors are RFC 9457 problems."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(Commands.IDEMPOTENCY_KEY).schema(new StringSchema())
                        .description("Retries with the same key and body get the first answer and append nothing"));
                operation.addParametersItem(new HeaderParameter().name(CorrelationIdFilter.HEADER)
                        .schema(new StringSchema()).description("Stored in every event's metadata; generated if absent"));
            }
            return operation;
        };
    }
}
