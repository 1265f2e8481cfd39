package io.kontor.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts read-your-writes in front of every query controller marked {@link ReadsView}. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final ViewPositionInterceptor viewPositionInterceptor;

    WebConfiguration(ViewPositionInterceptor viewPositionInterceptor) {
        this.viewPositionInterceptor = viewPositionInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(viewPositionInterceptor);
    }
}
