package io.kontor.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.command.common.KontorMongoProperties;
import io.kontor.command.web.Problems;
import io.kontor.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP Basic, stateless, deny by default. Each command endpoint names the one role it needs (API.md); health,
 * Prometheus and the OpenAPI docs are open. Users come from {@code kontor.security.users}; in embedded mode the
 * demo users (password = name) are added too, with a warning. 401 and 403 answer as RFC 9457 problems.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KontorSecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final Map<String, String> DEMO_USERS = demoUsers();

    private static Map<String, String> demoUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("frontdesk", "FRONT_DESK");
        users.put("accountant", "ACCOUNTANT");
        users.put("hr", "HR");
        users.put("storekeeper", "STOREKEEPER");
        users.put("itsupport", "IT_SUPPORT");
        users.put("auditor", "AUDITOR");
        users.put("admin", "ADMIN");
        return users;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationProvider authenticationProvider,
                                            ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"kontor\"");
            Problems.write(response, json, Problems.of(ErrorCode.UNAUTHENTICATED, "valid credentials are required"));
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                Problems.write(response, json, Problems.of(ErrorCode.FORBIDDEN, "your roles do not allow this"));
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(authenticationProvider))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/accounts").hasRole("ACCOUNTANT")
                        .requestMatchers(HttpMethod.POST, "/api/journal-entries", "/api/journal-entries/*/reversal",
                                "/api/periods/*/close").hasRole("ACCOUNTANT")
                        .requestMatchers(HttpMethod.POST, "/api/items", "/api/purchase-orders/*/receipts",
                                "/api/stock-issues", "/api/stock-counts").hasRole("STOREKEEPER")
                        // Accountants raise orders too: maker-checker needs a second accountant, not another role.
                        .requestMatchers(HttpMethod.POST, "/api/purchase-orders").hasAnyRole("STOREKEEPER", "ACCOUNTANT")
                        .requestMatchers(HttpMethod.POST, "/api/purchase-orders/*/approval",
                                "/api/purchase-orders/*/payments").hasRole("ACCOUNTANT")
                        .requestMatchers(HttpMethod.POST, "/api/employees", "/api/employees/*/transfer",
                                "/api/employees/*/salary", "/api/employees/*/termination", "/api/absences",
                                "/api/shifts", "/api/shifts/*/cancel", "/api/payroll-runs").hasRole("HR")
                        .requestMatchers(HttpMethod.POST, "/api/payroll-runs/*/payment").hasRole("ACCOUNTANT")
                        .requestMatchers(HttpMethod.POST, "/api/invoices", "/api/invoices/*/payments")
                        .hasRole("FRONT_DESK")
                        .requestMatchers(HttpMethod.POST, "/api/invoices/*/credit-note").hasRole("ACCOUNTANT")
                        .requestMatchers(HttpMethod.POST, "/api/calls", "/api/calls/*/delivered", "/api/enquiries",
                                "/api/enquiries/*/answer", "/api/mail", "/api/mail/*/delivered", "/api/mail/*/archive")
                        .hasRole("FRONT_DESK")
                        .requestMatchers(HttpMethod.POST, "/api/visitors", "/api/visitors/*/check-out",
                                "/api/reservations", "/api/reservations/*/cancel", "/api/reservations/*/check-in",
                                "/api/reservations/*/check-out").hasRole("FRONT_DESK")
                        .requestMatchers(HttpMethod.POST, "/api/resources").hasRole("ADMIN")
                        // Any user opens a ticket; the reporter may comment: the ticket itself refuses anyone else.
                        .requestMatchers(HttpMethod.POST, "/api/tickets", "/api/tickets/*/comments").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/tickets/*/assignment", "/api/tickets/*/resolution",
                                "/api/tickets/*/reopening").hasRole("IT_SUPPORT")
                        .anyRequest().denyAll())
                .build();
    }

    /** The firewall's refusals (encoded slashes, "..", NUL in the path) answer as problems, not as error pages. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> Problems.write(response, json,
                Problems.of(ErrorCode.MALFORMED_REQUEST, "the request path or headers are not acceptable"));
    }

    @Bean
    AuthenticationProvider authenticationProvider(KontorSecurityProperties properties,
                                                  KontorMongoProperties mongo) {
        PasswordEncoder encoder = passwordEncoder();
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach(u -> users.add(User.withUsername(u.name()).password(u.password())
                .roles(u.roles().toArray(String[]::new)).build()));
        if (mongo.embeddedMode()) {
            log.warn("Embedded mode: demo users {} are enabled, each with its own name as password. "
                    + "Never use them with real data.", DEMO_USERS.keySet());
            DEMO_USERS.forEach((name, role) -> {
                if (users.stream().noneMatch(u -> u.getUsername().equals(name))) {
                    users.add(User.withUsername(name).password(encoder.encode(name)).roles(role).build());
                }
            });
        }
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        dao.setPasswordEncoder(encoder);
        return new CachingAuthenticationProvider(dao, properties.credentialCacheTtl(), Clock.systemUTC());
    }

    /** Accepts bcrypt hashes with or without Spring's {@code {bcrypt}} prefix. */
    static PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return encoder;
    }
}
