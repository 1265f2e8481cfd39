package io.kontor.command.security;

import io.kontor.command.common.KontorMongoProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityConfigurationTest {

    private static final KontorSecurityProperties NO_USERS =
            new KontorSecurityProperties(List.of(), Duration.ofMinutes(5));

    @Test
    void demoUsersExistInEmbeddedModeWithTheirOwnRole() {
        AuthenticationProvider provider = new SecurityConfiguration().authenticationProvider(NO_USERS,
                new KontorMongoProperties(null, "kontor", new KontorMongoProperties.Embedded(27017, "none")));

        var admin = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin"));

        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
    }

    @Test
    void withARealMongoDbOnlyConfiguredUsersExist() {
        String hash = SecurityConfiguration.passwordEncoder().encode("s3cret");
        KontorSecurityProperties one = new KontorSecurityProperties(
                List.of(new KontorSecurityProperties.User("ida", hash, List.of("HR"))), Duration.ofMinutes(5));
        AuthenticationProvider provider = new SecurityConfiguration().authenticationProvider(one,
                new KontorMongoProperties("mongodb://db:27017", "kontor", new KontorMongoProperties.Embedded(27017, "none")));

        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ida", "s3cret"))
                .getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_HR");
        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
