package io.kontor.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The OpenAPI description behind Swagger UI: HTTP Basic (so "Authorize" works), and the read-your-writes
 * parameters of every {@link ReadsView} query.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String BASIC = "basic";

    @Bean
    OpenAPI kontorQueryApi() {
        return new OpenAPI()
                .info(new Info().title("Kontor query side").version("v1")
                        .description("Every read. Answers carry X-Kontor-Position; errors are RFC 9457 problems."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OperationCustomizer readYourWritesParameters() {
        return (operation, handlerMethod) -> {
            if (AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), ReadsView.class)
                    || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), ReadsView.class)) {
                operation.addParametersItem(new QueryParameter().name(ViewPositionInterceptor.MIN_POSITION_PARAMETER)
                        .schema(new IntegerSchema().format("int64"))
                        .description("Wait up to 5 s until the view reflects this log position (else 503)"));
                operation.addParametersItem(new HeaderParameter().name(ViewPositionInterceptor.MIN_POSITION_HEADER)
                        .schema(new IntegerSchema().format("int64")).description("Same as minPosition"));
            }
            return operation;
        };
    }
}
