package io.kontor.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.query.common.KontorMongoProperties;
import io.kontor.query.web.Problems;
import io.kontor.shared.ErrorCode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.regex.Pattern;

/**
 * HTTP Basic, stateless, deny by default. Each query names the roles that may read it (API.md); health,
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
                        // The live screens' streams end in an async dispatch of a request already authorized.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/accounts", "/api/accounts/*")
                        .hasAnyRole("ACCOUNTANT", "AUDITOR", "ADMIN")
                        .requestMatchers(SecurityConfiguration::ledgerAsOfPosition).hasRole("AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/trial-balance", "/api/accounts/*/ledger",
                                "/api/accounts/*/balance", "/api/reports/income-statement", "/api/reports/balance-sheet")
                        .hasAnyRole("ACCOUNTANT", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/inventory", "/api/inventory/*",
                                "/api/inventory/*/movements", "/api/purchase-orders", "/api/purchase-orders/*")
                        .hasAnyRole("STOREKEEPER", "ACCOUNTANT")
                        // Salaries and payslips are in these: HR only (accountants see payroll in the ledger).
                        .requestMatchers(HttpMethod.GET, "/api/employees", "/api/employees/*", "/api/headcount",
                                "/api/payroll-runs", "/api/payroll-runs/*")
                        .hasRole("HR")
                        // No salaries in the roster: the front desk sees who works when.
                        .requestMatchers(HttpMethod.GET, "/api/roster").hasAnyRole("HR", "FRONT_DESK")
                        .requestMatchers(HttpMethod.GET, "/api/receivables", "/api/receivables/aging")
                        .hasAnyRole("ACCOUNTANT", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/visitors", "/api/visitors/on-site",
                                "/api/visitors/on-site/stream", "/api/resources", "/api/reservations",
                                "/api/reservations/today", "/api/reservations/today/stream",
                                "/api/reservations/occupancy").hasRole("FRONT_DESK")
                        .requestMatchers(HttpMethod.GET, "/api/reports/kpis").hasAnyRole("ACCOUNTANT", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/tickets/sla").hasRole("IT_SUPPORT")
                        // Reporters see their own tickets: the controller filters for anyone but IT support.
                        .requestMatchers(HttpMethod.GET, "/api/tickets", "/api/tickets/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/audit/verify", "/api/audit/events",
                                "/api/audit/events/**", "/api/audit/aggregates/*/events", "/api/audit/export")
                        .hasRole("AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/audit/projections").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/audit/projections/*/rebuild").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/calls", "/api/enquiries", "/api/mail")
                        .hasRole("FRONT_DESK")
                        .anyRequest().denyAll())
                .build();
    }

    private static final Pattern LEDGER_QUERIES = Pattern.compile(
            "/api/(trial-balance|accounts/[^/]+/(ledger|balance)|reports/(income-statement|balance-sheet))");

    /** A ledger query as the log stood at a position: auditors only, though accountants read the live ledger. */
    static boolean ledgerAsOfPosition(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) && request.getParameter("asOfPosition") != null
                && LEDGER_QUERIES.matcher(request.getRequestURI().substring(request.getContextPath().length()))
                .matches();
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
