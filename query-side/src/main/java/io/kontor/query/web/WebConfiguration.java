package io.kontor.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Puts read-your-writes in front of every query controller marked {@link ReadsView}, and lets every {@link CsvReport}
 * answer {@code Accept: text/csv}.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final ViewPositionInterceptor viewPositionInterceptor;

    WebConfiguration(ViewPositionInterceptor viewPositionInterceptor) {
        this.viewPositionInterceptor = viewPositionInterceptor;
    }

    /** After Jackson, so JSON stays the default; {@code Accept: text/csv} picks this one for a {@link CsvReport}. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new CsvMessageConverter());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(viewPositionInterceptor);
    }
}
