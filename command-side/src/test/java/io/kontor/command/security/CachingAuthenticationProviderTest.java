package io.kontor.command.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider slowCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"secret".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };
    private final MutableClock clock = new MutableClock();
    private final CachingAuthenticationProvider provider =
            new CachingAuthenticationProvider(slowCheck, Duration.ofMinutes(5), clock);

    @Test
    void aGoodCredentialIsCheckedOnceThenServedFromTheCache() {
        for (int i = 0; i < 3; i++) {
            assertThat(provider.authenticate(login("accountant", "secret")).getName()).isEqualTo("accountant");
        }
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndItsRefusalCachedToo() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("accountant", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(1);
    }

    @Test
    void aCachedSuccessDoesNotAdmitAnotherPassword() {
        provider.authenticate(login("accountant", "secret"));

        assertThatThrownBy(() -> provider.authenticate(login("accountant", "other")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void theOutcomeIsCheckedAgainAfterItExpires() {
        provider.authenticate(login("accountant", "secret"));
        clock.advance(Duration.ofMinutes(6));

        provider.authenticate(login("accountant", "secret"));

        assertThat(checks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken login(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
